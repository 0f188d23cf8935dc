// How /admin/log says each moderation action in words. Actions added later without a label
// read as their name with spaces ("votes reversed"), so the log never shows a blank.
import { MODERATION_ACTIONS, type ModerationAction } from "./moderation";

const LABELS: Partial<Record<string, string>> = {
  flag_dismissed: "Flag declined",
  flag_helpful: "Flag marked helpful",
  post_hidden: "Post hidden",
  post_deleted: "Post deleted",
  post_restored: "Post restored",
  post_edited: "Post edited",
  post_held: "Post held for review",
  post_approved: "Post approved",
  spam_confirmed: "Spam or abuse confirmed",
  spam_undone: "Spam decision undone",
  question_closed: "Question closed",
  question_reopened: "Question reopened",
  question_duplicate: "Closed as duplicate",
  thread_locked: "Thread locked",
  thread_unlocked: "Thread unlocked",
  user_suspended: "Member suspended",
  suspension_lifted: "Suspension lifted",
  votes_reversed: "Votes reversed",
  answer_verified: "Answer marked Staff verified",
  answer_unverified: "Staff verified mark removed",
  review_dismissed: "Review item dismissed",
};

export function moderationActionLabel(action: string): string {
  return LABELS[action] ?? action.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

export function isModerationAction(value: unknown): value is ModerationAction {
  return typeof value === "string" && (MODERATION_ACTIONS as readonly string[]).includes(value);
}
