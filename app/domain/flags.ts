// Flags and the review queue as rules: when flags hide a post, when a new member's post waits for
// review, and what each review decision does to the item, its flags and the post. Pure: no
// database, no clock. The services (app/services/flags.server.ts, review.server.ts) apply them.
import { MODERATION_SETTINGS, type FlagKind, type FlagStatus, type ModerationAction, type ReviewReason } from "./moderation";

/** Flag kinds that count toward hiding a post at once. */
export const HIDING_FLAG_KINDS: readonly FlagKind[] = ["spam", "abusive"];

export interface OpenFlag {
  flaggerId: number;
  kind: FlagKind;
  /** The flagger is staff (one staff flag is worth `staffFlagsToHide`). */
  byStaff: boolean;
}

/**
 * Whether the open flags on a post hide it: `flagsToHide` spam or abusive flags from distinct
 * members, or `staffFlagsToHide` from staff. Other kinds only bring the post to the queue.
 */
export function flagsHidePost(openFlags: OpenFlag[], settings: { flagsToHide: number; staffFlagsToHide: number } = MODERATION_SETTINGS): boolean {
  const hiding = openFlags.filter((flag) => HIDING_FLAG_KINDS.includes(flag.kind));
  const distinct = new Set(hiding.map((flag) => flag.flaggerId));
  const staff = new Set(hiding.filter((flag) => flag.byStaff).map((flag) => flag.flaggerId));
  return distinct.size >= settings.flagsToHide || staff.size >= settings.staffFlagsToHide;
}

/** Links in a post's markdown: inline and reference links, autolinks and bare URLs, each counted once. */
export function countLinks(markdown: string): number {
  const urls = markdown.match(/\b(?:https?:\/\/|www\.)[^\s<>()[\]"']+/gi) ?? [];
  return urls.length;
}

/**
 * A question or answer from an account younger than `newUserWindowHours` carrying more than
 * `newUserMaxLinks` links waits for review before anyone else sees it. Staff are never held.
 */
export function holdsForReview(
  post: { markdown: string; authorRole: string; authorCreatedAt: Date },
  now: Date,
  settings: { newUserWindowHours: number; newUserMaxLinks: number } = MODERATION_SETTINGS,
): boolean {
  if (post.authorRole !== "customer") return false;
  const ageMs = now.getTime() - post.authorCreatedAt.getTime();
  if (ageMs >= settings.newUserWindowHours * 60 * 60 * 1000) return false;
  return countLinks(post.markdown) > settings.newUserMaxLinks;
}

/** A flag needs words when its kind says nothing by itself; a duplicate flag needs the original. */
export function flagNeeds(kind: FlagKind): { reason: boolean; duplicateOf: boolean } {
  return { reason: kind === "other", duplicateOf: kind === "duplicate" };
}

/** What a reviewer can decide about an item. */
export const REVIEW_DECISIONS = ["dismiss", "delete", "hide", "restore", "confirm_spam", "confirm_abusive", "approve"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  dismiss: "Dismiss",
  delete: "Mark helpful and delete",
  hide: "Hide",
  restore: "Restore",
  confirm_spam: "Confirm spam",
  confirm_abusive: "Confirm abuse",
  approve: "Approve",
};

/** Where the post stands when the item is decided. */
export type PostState = "live" | "hidden" | "held" | "deleted";

export interface DecisionRule {
  /** Only staff may take it (review-privileged members take the rest). */
  destructive: boolean;
  /** A reason must be written on the form. */
  needsReason: boolean;
  /** What becomes of the item's open flags. */
  flagsBecome: Exclude<FlagStatus, "open">;
  /** What becomes of the post: taken out of sight (with a deletion reason), brought back, or left. */
  post: { takeDown: "staff" | "hidden_by_flags" | "spam" | "abusive" } | { bringBack: true } | { unchanged: true };
  /** The spam penalty goes to the author. */
  penalty: boolean;
  /** The staff log entry. */
  action: ModerationAction;
  /** The post states the decision makes sense in. */
  from: PostState[];
}

export const DECISION_RULES: Record<ReviewDecision, DecisionRule> = {
  dismiss: { destructive: false, needsReason: false, flagsBecome: "declined", post: { unchanged: true }, penalty: false, action: "review_dismissed", from: ["live", "deleted"] },
  delete: { destructive: true, needsReason: true, flagsBecome: "helpful", post: { takeDown: "staff" }, penalty: false, action: "post_deleted", from: ["live", "hidden", "held"] },
  hide: { destructive: true, needsReason: true, flagsBecome: "helpful", post: { takeDown: "hidden_by_flags" }, penalty: false, action: "post_hidden", from: ["live"] },
  restore: { destructive: true, needsReason: false, flagsBecome: "declined", post: { bringBack: true }, penalty: false, action: "post_restored", from: ["hidden", "deleted"] },
  confirm_spam: { destructive: true, needsReason: false, flagsBecome: "helpful", post: { takeDown: "spam" }, penalty: true, action: "spam_confirmed", from: ["live", "hidden", "held"] },
  confirm_abusive: { destructive: true, needsReason: false, flagsBecome: "helpful", post: { takeDown: "abusive" }, penalty: true, action: "spam_confirmed", from: ["live", "hidden", "held"] },
  approve: { destructive: true, needsReason: false, flagsBecome: "declined", post: { bringBack: true }, penalty: false, action: "post_approved", from: ["held"] },
};

/** Where a post stands, from its deletion columns. */
export function postStateOf(post: { deletedAt: Date | string | null; deletionReason: string | null }): PostState {
  if (!post.deletedAt) return "live";
  if (post.deletionReason === "held_for_review") return "held";
  if (post.deletionReason === "hidden_by_flags") return "hidden";
  return "deleted";
}

/**
 * The decisions a reviewer sees for an item: those that make sense for where the post stands,
 * less the destructive ones for a member who is not staff. Comments (no reputation, no hold)
 * are dismissed, deleted or restored only.
 */
export function decisionsFor(item: { state: PostState; isComment: boolean }, staff: boolean): ReviewDecision[] {
  return REVIEW_DECISIONS.filter((decision) => {
    const rule = DECISION_RULES[decision];
    if (rule.destructive && !staff) return false;
    if (item.isComment && !["dismiss", "delete", "restore"].includes(decision)) return false;
    if (item.isComment && decision === "delete") return item.state === "live" || item.state === "hidden";
    return rule.from.includes(item.state);
  });
}

/** Which review reason a new item gets, strongest first, when several apply. */
export const REVIEW_REASON_LABELS: Record<ReviewReason, string> = {
  flagged: "Flagged",
  first_post: "First post of a new member",
  auto_hidden: "Hidden by flags",
  new_user_links: "Held: new member's post with many links",
};
