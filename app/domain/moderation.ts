// Moderation vocabulary and the one settings table for it. The kinds below are stored as text and
// checked by the database; the numbers are the knobs staff tune (kept here, in one place, beside
// PRIVILEGE_THRESHOLDS and NEW_ACCOUNT_POST_LIMITS in ./privileges).

export const FLAG_KINDS = ["spam", "abusive", "off_topic", "needs_staff", "duplicate", "other"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  spam: "Spam",
  abusive: "Rude or abusive",
  off_topic: "Off-topic",
  needs_staff: "Needs staff attention",
  duplicate: "Duplicate of another question",
  other: "Something else",
};

/** open until a reviewer decides; helpful or declined afterwards (shown to the flagger on their profile). */
export const FLAG_STATUSES = ["open", "helpful", "declined"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** Why an item is in the review queue. */
export const REVIEW_REASONS = ["flagged", "first_post", "auto_hidden", "new_user_links"] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const REVIEW_STATUSES = ["open", "decided"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Why a post is out of customers' sight (posts.deletion_reason). Hidden posts are soft-deleted
 * posts, so every customer-facing query that leaves out deleted posts leaves them out too. */
export const DELETION_REASONS = ["author", "staff", "hidden_by_flags", "held_for_review", "spam", "abusive"] as const;
export type DeletionReason = (typeof DELETION_REASONS)[number];

export const CLOSE_REASONS = ["off_topic", "needs_details", "duplicate", "resolved_elsewhere"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  off_topic: "Off-topic",
  needs_details: "Needs details or clarity",
  duplicate: "Duplicate",
  resolved_elsewhere: "Resolved elsewhere",
};

export const CLOSE_VOTE_KINDS = ["close", "reopen"] as const;
export type CloseVoteKind = (typeof CLOSE_VOTE_KINDS)[number];

/** An open close vote counts until it is applied (the question closed or reopened) or expires. */
export const CLOSE_VOTE_STATUSES = ["open", "applied", "expired"] as const;
export type CloseVoteStatus = (typeof CLOSE_VOTE_STATUSES)[number];

/** Everything staff (or the system, with no actor) did, as it appears in /admin/log. */
export const MODERATION_ACTIONS = [
  "flag_dismissed",
  "flag_helpful",
  "post_hidden",
  "post_deleted",
  "post_restored",
  "post_edited",
  "post_held",
  "post_approved",
  "spam_confirmed",
  "spam_undone",
  "question_closed",
  "question_reopened",
  "question_duplicate",
  "thread_locked",
  "thread_unlocked",
  "user_suspended",
  "suspension_lifted",
  "votes_reversed",
  "answer_verified",
  "answer_unverified",
  "review_dismissed",
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const BADGE_TIERS = ["bronze", "silver", "gold"] as const;
export type BadgeTier = (typeof BADGE_TIERS)[number];

/** The knobs, in one table. */
export const MODERATION_SETTINGS = {
  /** Spam or abusive flags from distinct users that hide a post at once, pending review. */
  flagsToHide: 3,
  /** The same from staff: one is enough. */
  staffFlagsToHide: 1,
  /** Reputation taken when spam or abuse is confirmed (the ledger's "post_spam" event). */
  spamPenalty: -100,
  /** Close (or reopen) votes needed from users with the closeReopen privilege; staff act alone. */
  closeVotesNeeded: 3,
  /** An open close or reopen vote stops counting after this many days. */
  closeVoteLifetimeDays: 4,
  /** Posts from accounts younger than this carrying more than `newUserMaxLinks` links wait for review. */
  newUserWindowHours: 24,
  newUserMaxLinks: 2,
  /** Longest suspension staff can set, in days. */
  maxSuspensionDays: 365,
  /** Serial voting: this many votes or more from one user on one other user's posts within the window. */
  serialVotesThreshold: 10,
  serialVotesWindowHours: 24,
  /** How far back each daily run of the serial-voting job looks (more than a day, so runs overlap). */
  serialVotesLookbackHours: 48,
  /** Review queue and log page size. */
  pageSize: 20,
} as const;
