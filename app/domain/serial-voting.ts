// Serial voting: many votes from one member on another member's posts in a short time (a friend
// boosting a friend, or a grudge). Pure: given one voter's votes on one author's posts, which of
// them form the pattern. The numbers are MODERATION_SETTINGS.serialVotesThreshold and
// serialVotesWindowHours; app/services/serial-voting.server.ts finds the pairs and reverses.

export interface CastVote {
  postId: number;
  value: 1 | -1;
  createdAt: Date;
}

export interface SerialVotingRule {
  /** This many votes or more ... */
  threshold: number;
  /** ... within this many hours. */
  windowHours: number;
}

/**
 * The votes that fall in some window of `windowHours` holding at least `threshold` votes (a
 * window starts at each vote; its end is exclusive). Empty when the pair shows no pattern.
 * Votes come back oldest first.
 */
export function serialVotes<T extends CastVote>(votes: readonly T[], rule: SerialVotingRule): T[] {
  if (rule.threshold < 1 || votes.length < rule.threshold) return [];
  const windowMs = rule.windowHours * 60 * 60 * 1000;
  const sorted = [...votes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.postId - b.postId);
  const caught = new Set<number>();
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    if (end < start) end = start;
    while (end < sorted.length && sorted[end].createdAt.getTime() - sorted[start].createdAt.getTime() < windowMs) end++;
    if (end - start >= rule.threshold) for (let i = start; i < end; i++) caught.add(i);
  }
  return sorted.filter((_, index) => caught.has(index));
}

/** What the staff log says about one reversal. */
export function describeSerialVoting(found: { voterName: string; authorName: string; count: number; up: number; down: number }, rule: SerialVotingRule): string {
  const kinds = [found.up > 0 ? `${found.up} up` : null, found.down > 0 ? `${found.down} down` : null].filter(Boolean).join(", ");
  return `Serial voting: ${found.voterName} cast ${found.count} votes (${kinds}) on posts by ${found.authorName} within ${rule.windowHours} hours (the limit is ${rule.threshold - 1}); the votes and their reputation were reversed.`;
}
