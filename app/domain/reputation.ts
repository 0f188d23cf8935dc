// Reputation rules: Stack Exchange's long-proven numbers, as data. Pure: no database, no clock.
import { MODERATION_SETTINGS } from "./moderation";

export const STARTING_REPUTATION = 1;
export const REPUTATION_FLOOR = 1;
/** Most reputation a user can gain from votes in one UTC day; accepts and promotions are exempt. */
export const DAILY_VOTE_CAP = 200;

export type ReputationReason =
  | "post_upvoted"
  | "post_downvoted"
  | "answer_downvote_cast"
  | "answer_accepted"
  | "accepted_an_answer"
  | "answer_promoted"
  | "post_removed_as_spam"
  | "reversal";

interface ReasonRule {
  points: number;
  /** Gains from this reason count toward (and are limited by) DAILY_VOTE_CAP. */
  capped: boolean;
  label: string;
}

export const REPUTATION_RULES: Record<Exclude<ReputationReason, "reversal">, ReasonRule> = {
  post_upvoted: { points: 10, capped: true, label: "Upvote received" },
  post_downvoted: { points: -2, capped: true, label: "Downvote received" },
  answer_downvote_cast: { points: -1, capped: false, label: "Downvoted an answer" },
  answer_accepted: { points: 15, capped: false, label: "Answer accepted" },
  accepted_an_answer: { points: 2, capped: false, label: "Accepted an answer" },
  answer_promoted: { points: 25, capped: false, label: "Answer promoted to the knowledge base" },
  post_removed_as_spam: { points: MODERATION_SETTINGS.spamPenalty, capped: false, label: "Post removed as spam or offensive" },
};

export function reasonLabel(reason: string): string {
  if (reason === "reversal") return "Reversed";
  return REPUTATION_RULES[reason as keyof typeof REPUTATION_RULES]?.label ?? reason;
}

export interface LedgerState {
  /** The user's current total (the cache, kept equal to STARTING_REPUTATION + sum of deltas). */
  current: number;
  /** Sum of today's deltas from capped reasons (and their reversals). */
  cappedGainToday: number;
}

/**
 * How much of a nominal change is actually applied: gains from votes stop at the daily cap,
 * and no change takes the total below the floor. The applied amount is what the ledger stores,
 * so a later reversal undoes exactly what was applied and a recount reproduces the total.
 */
export function appliedDelta(nominal: number, capped: boolean, state: LedgerState): number {
  let delta = nominal;
  if (capped && delta > 0) delta = Math.max(0, Math.min(delta, DAILY_VOTE_CAP - state.cappedGainToday));
  if (state.current + delta < REPUTATION_FLOOR) delta = REPUTATION_FLOOR - state.current;
  // A reversal of a loss that the floor absorbed must not mint reputation from nothing.
  return delta;
}

export interface ReputationChange {
  userId: number;
  reason: Exclude<ReputationReason, "reversal">;
}

export type VoteValue = 1 | -1;
export type PostType = "question" | "answer";

/** The events a vote produces: to the post's author and, for answer downvotes, to the voter. */
export function voteEvents(vote: { value: VoteValue; postType: PostType; authorId: number; voterId: number }): ReputationChange[] {
  if (vote.value === 1) return [{ userId: vote.authorId, reason: "post_upvoted" }];
  const events: ReputationChange[] = [{ userId: vote.authorId, reason: "post_downvoted" }];
  if (vote.postType === "answer") events.push({ userId: vote.voterId, reason: "answer_downvote_cast" });
  return events;
}

/** The events an accept produces; accepting your own answer earns nothing. */
export function acceptEvents(accept: { answerAuthorId: number; askerId: number }): ReputationChange[] {
  if (accept.answerAuthorId === accept.askerId) return [];
  return [
    { userId: accept.answerAuthorId, reason: "answer_accepted" },
    { userId: accept.askerId, reason: "accepted_an_answer" },
  ];
}

/** Staff are paid to help: they earn and lose no reputation and stay off leaderboards. */
export function earnsReputation(role: string): boolean {
  return role === "customer";
}
