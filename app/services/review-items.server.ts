// Putting things in the review queue, inside the caller's transaction: one open item per post
// (or comment), enforced by partial unique indexes; a stronger reason (hidden, held) replaces a
// weaker one (flagged, first post) on the open item. Also the screening of a new post: held back
// when a brand-new account posts many links, queued when it is a member's first post.
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posts, reviewItems } from "../../db/schema";
import { holdsForReview } from "~/domain/flags";
import type { ReviewReason } from "~/domain/moderation";
import { logModeration } from "./moderation-log.server";

/** How strong a reason is: out of sight beats flagged, which beats a first post. */
const STRENGTH: Record<ReviewReason, number> = { first_post: 0, flagged: 1, auto_hidden: 2, new_user_links: 2 };

export async function openReviewItem(tx: Database, item: { postId: number; commentId: number | null; reason: ReviewReason }, now: Date) {
  const inserted = await tx
    .insert(reviewItems)
    .values({ postId: item.postId, commentId: item.commentId, reason: item.reason, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: reviewItems.id });
  if (inserted.length > 0) return;
  const weaker = (Object.keys(STRENGTH) as ReviewReason[]).filter((reason) => STRENGTH[reason] < STRENGTH[item.reason]);
  if (weaker.length === 0) return;
  await tx
    .update(reviewItems)
    .set({ reason: item.reason })
    .where(
      and(
        eq(reviewItems.postId, item.postId),
        item.commentId === null ? isNull(reviewItems.commentId) : eq(reviewItems.commentId, item.commentId),
        eq(reviewItems.status, "open"),
        inArray(reviewItems.reason, weaker),
      ),
    );
}

/**
 * Screens a question or answer just inserted (same transaction). Held: it is soft-deleted with
 * deletion_reason 'held_for_review' and waits in the queue; the caller must not count it as a
 * live answer. Otherwise a customer's first post is queued for a look while it stays visible.
 */
export async function screenNewPost(
  tx: Database,
  author: { id: number; role: string; createdAt: Date },
  post: { id: number; markdown: string },
  now: Date,
): Promise<{ held: boolean }> {
  if (holdsForReview({ markdown: post.markdown, authorRole: author.role, authorCreatedAt: author.createdAt }, now)) {
    await tx.update(posts).set({ deletedAt: now, deletedBy: null, deletionReason: "held_for_review" }).where(eq(posts.id, post.id));
    await openReviewItem(tx, { postId: post.id, commentId: null, reason: "new_user_links" }, now);
    await logModeration(tx, { actorId: null, action: "post_held", targetUserId: author.id, postId: post.id, reason: "A new member's post with many links waits for review." }, now);
    return { held: true };
  }
  if (author.role === "customer") {
    const [row] = await tx.select({ n: count() }).from(posts).where(eq(posts.authorId, author.id));
    if ((row?.n ?? 0) === 1) await openReviewItem(tx, { postId: post.id, commentId: null, reason: "first_post" }, now);
  }
  return { held: false };
}
