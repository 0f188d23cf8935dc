// Anti-gaming: finds serial voting (MODERATION_SETTINGS.serialVotesThreshold or more votes from
// one member on another member's posts within serialVotesWindowHours) and reverses it: the vote
// rows go, the post scores drop back, the reputation the votes moved is reversed in the ledger
// (exactly as an undone vote is), and the staff log explains what was found. One transaction per
// voter and author; run daily by the server and by `npm run detect:serial-votes`.
import { and, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { posts, users, votes } from "../../db/schema";
import { MODERATION_SETTINGS } from "~/domain/moderation";
import { describeSerialVoting, serialVotes, type SerialVotingRule } from "~/domain/serial-voting";
import { logModeration } from "./moderation-log.server";
import { lockUsers, reverseReputation } from "./reputation.server";

const HOUR_MS = 60 * 60 * 1000;

export interface SerialVotingReversal {
  voterId: number;
  authorId: number;
  votes: { postId: number; value: number; createdAt: Date }[];
}

export interface SerialVotingOptions {
  now?: Date;
  /** Votes cast this far back are examined (default MODERATION_SETTINGS.serialVotesLookbackHours). */
  lookbackHours?: number;
  rule?: SerialVotingRule;
}

const DEFAULT_RULE: SerialVotingRule = {
  threshold: MODERATION_SETTINGS.serialVotesThreshold,
  windowHours: MODERATION_SETTINGS.serialVotesWindowHours,
};

/** A voter's votes on an author's live posts since a time (deleted posts keep their votes frozen). */
function pairVotes(tx: Database, voterId: number, authorId: number, since: Date) {
  return tx
    .select({ postId: votes.postId, value: votes.value, createdAt: votes.createdAt })
    .from(votes)
    .innerJoin(posts, eq(posts.id, votes.postId))
    .where(and(eq(votes.voterId, voterId), eq(posts.authorId, authorId), gte(votes.createdAt, since), isNull(posts.deletedAt)));
}

export async function reverseSerialVotes(db: Database, options: SerialVotingOptions = {}): Promise<SerialVotingReversal[]> {
  const now = options.now ?? new Date();
  const rule = options.rule ?? DEFAULT_RULE;
  const since = new Date(now.getTime() - (options.lookbackHours ?? MODERATION_SETTINGS.serialVotesLookbackHours) * HOUR_MS);
  // Pairs with enough votes in the lookback to possibly hold a window over the threshold.
  const pairs = rowsOf<{ voter_id: number; author_id: number }>(
    await db.execute(sql`
      select v.voter_id, p.author_id from votes v join posts p on p.id = v.post_id
      where v.created_at >= ${since.toISOString()}::timestamptz and p.deleted_at is null and p.author_id <> v.voter_id
      group by v.voter_id, p.author_id having count(*) >= ${rule.threshold}
      order by v.voter_id, p.author_id`),
  );
  const reversals: SerialVotingReversal[] = [];
  for (const pair of pairs) {
    const reversal = await reversePair(db, Number(pair.voter_id), Number(pair.author_id), since, rule, now);
    if (reversal) reversals.push(reversal);
  }
  return reversals;
}

async function reversePair(db: Database, voterId: number, authorId: number, since: Date, rule: SerialVotingRule, now: Date) {
  return db.transaction(async (tx) => {
    // Lock the posts (in id order, as one vote locks its post before its users), then read the
    // votes again under the locks: a vote undone meanwhile, or a second run of this job, is seen.
    const candidates = await pairVotes(tx, voterId, authorId, since);
    const postIds = [...new Set(candidates.map((vote) => vote.postId))].sort((a, b) => a - b);
    if (postIds.length === 0) return null;
    await tx.select({ id: posts.id }).from(posts).where(inArray(posts.id, postIds)).orderBy(posts.id).for("update");
    const found = serialVotes(
      (await pairVotes(tx, voterId, authorId, since)).map((vote) => ({ ...vote, value: vote.value as 1 | -1 })),
      rule,
    );
    if (found.length === 0) return null;

    const locked = await lockUsers(tx, [authorId, voterId], now);
    for (const vote of found) {
      await tx.delete(votes).where(and(eq(votes.postId, vote.postId), eq(votes.voterId, voterId)));
      await reverseReputation(
        tx,
        { postId: vote.postId, actorId: voterId, reasons: ["post_upvoted", "post_downvoted", "answer_downvote_cast"] },
        locked,
        now,
      );
      await tx
        .update(posts)
        .set({ score: sql`${posts.score} - ${vote.value}` })
        .where(eq(posts.id, vote.postId));
    }

    const names = new Map(
      (await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [voterId, authorId]))).map((row) => [row.id, row.name]),
    );
    const up = found.filter((vote) => vote.value === 1).length;
    await logModeration(
      tx,
      {
        actorId: null,
        action: "votes_reversed",
        targetUserId: authorId,
        reason: describeSerialVoting(
          { voterName: names.get(voterId) ?? `#${voterId}`, authorName: names.get(authorId) ?? `#${authorId}`, count: found.length, up, down: found.length - up },
          rule,
        ),
        details: {
          voterId,
          targetUserId: authorId,
          count: found.length,
          threshold: rule.threshold,
          windowHours: rule.windowHours,
          firstVoteAt: found[0].createdAt.toISOString(),
          lastVoteAt: found.at(-1)!.createdAt.toISOString(),
          posts: found.map((vote) => ({ postId: vote.postId, value: vote.value, castAt: vote.createdAt.toISOString() })),
        },
      },
      now,
    );
    return { voterId, authorId, votes: found.map(({ postId, value, createdAt }) => ({ postId, value, createdAt })) };
  });
}
