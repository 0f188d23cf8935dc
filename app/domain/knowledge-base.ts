// Knowledge-base rules: how an article's status moves, when one needs review, its slug. Pure: no
// database, no clock (pass `now`). Who may promote, manage, read and rate articles is decided by
// can() in privileges.ts, like every other permission.

export type ArticleStatus = "draft" | "published" | "archived";

/** Days without verification before a published article is listed for review. */
export const DEFAULT_REVIEW_AFTER_DAYS = 180;

export type StatusChange = "publish" | "unpublish" | "archive" | "restore";

const TRANSITIONS: Record<StatusChange, { from: ArticleStatus[]; to: ArticleStatus }> = {
  publish: { from: ["draft"], to: "published" },
  unpublish: { from: ["published"], to: "draft" },
  archive: { from: ["draft", "published"], to: "archived" },
  restore: { from: ["archived"], to: "draft" },
};

export function nextStatus(current: ArticleStatus, change: StatusChange): ArticleStatus | null {
  const rule = TRANSITIONS[change];
  return rule.from.includes(current) ? rule.to : null;
}

export interface FreshnessFacts {
  status: ArticleStatus;
  publishedAt: Date | null;
  lastVerifiedAt: Date | null;
  /** The source answer's current revision number, and the one the article was made from. */
  sourceRevisionNumber: number | null;
  currentSourceRevisionNumber: number | null;
}

export type ReviewReason = "source_changed" | "not_verified_recently";

/** Why a published article needs a staff member's eyes, if it does. */
export function reviewReasons(article: FreshnessFacts, now: Date, reviewAfterDays = DEFAULT_REVIEW_AFTER_DAYS): ReviewReason[] {
  if (article.status !== "published") return [];
  const reasons: ReviewReason[] = [];
  if (
    article.sourceRevisionNumber !== null &&
    article.currentSourceRevisionNumber !== null &&
    article.currentSourceRevisionNumber > article.sourceRevisionNumber
  ) {
    reasons.push("source_changed");
  }
  const checkedAt = article.lastVerifiedAt ?? article.publishedAt;
  if (checkedAt && now.getTime() - checkedAt.getTime() > reviewAfterDays * 24 * 60 * 60 * 1000) reasons.push("not_verified_recently");
  return reasons;
}

export function reviewReasonLabel(reason: ReviewReason): string {
  return reason === "source_changed" ? "The source answer was edited after promotion" : "Not verified recently";
}

/** A unique slug: the title's, with -2, -3… when taken. */
export function uniqueSlug(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
