// Flagging a question, answer or comment, and the automatic protection it can trigger: enough
// spam or abusive flags hide the post at once (soft-deleted, reputation reversed as deletion
// does) and put it in the review queue. One transaction per flag; the flagged post's row is
// locked first (question before answer, as deleting does), so flags on one post count one after
// another and three flags at once hide it exactly once.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { comments, flags, posts, reviewItems, users } from "../../db/schema";
import { flagNeeds, flagsHidePost, type OpenFlag } from "~/domain/flags";
import type { FlagKind } from "~/domain/moderation";
import { can, isStaff } from "~/domain/privileges";
import { requireActor, requireAllowed } from "./actors.server";
import { takeDownPost } from "./deletion.server";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { logModeration } from "./moderation-log.server";
import { lockPost } from "./posts.server";
import { openReviewItem } from "./review-items.server";
import { isUniqueViolation } from "./unique-violation.server";

export const ALREADY_FLAGGED_MESSAGE = "You have already flagged this and your flag is still open. Staff will look at it soon.";

export interface FlagInput {
  flaggerId: number;
  postId: number;
  commentId?: number | null;
  kind: FlagKind;
  reason?: string | null;
  duplicateOfId?: number | null;
}

export async function flagPost(db: Database, input: FlagInput, now = new Date()) {
  try {
    return await db.transaction((tx) => flagInTransaction(tx, input, now));
  } catch (error) {
    // The partial unique indexes are the last word on "one open flag per user per post".
    if (isUniqueViolation(error, "flags_one_open_on_post") || isUniqueViolation(error, "flags_one_open_on_comment")) {
      throw new ConflictError(ALREADY_FLAGGED_MESSAGE);
    }
    throw error;
  }
}

async function flagInTransaction(tx: Database, input: FlagInput, now: Date) {
  const actor = await requireActor(tx, input.flaggerId);
  const [ref] = await tx.select({ questionId: posts.questionId }).from(posts).where(eq(posts.id, input.postId));
  if (!ref) throw new NotFoundError("That post");
  if (ref.questionId) await lockPost(tx, ref.questionId);
  const { post, facts } = await lockPost(tx, input.postId);
  const commentId = input.commentId ?? null;
  let comment: { id: number; authorId: number; deletedAt: Date | null } | undefined;
  if (commentId !== null) {
    [comment] = await tx
      .select({ id: comments.id, authorId: comments.authorId, deletedAt: comments.deletedAt })
      .from(comments)
      .where(and(eq(comments.id, commentId), eq(comments.postId, post.id)));
    if (!comment || comment.deletedAt) throw new NotFoundError("That comment");
  }
  requireAllowed(can(actor, { type: "flag", post: comment ? { ...facts, authorId: comment.authorId } : facts }));

  const needs = flagNeeds(input.kind);
  const reason = input.reason?.trim() || null;
  if (needs.reason && !reason) throw new InvalidInputError({ reason: "Say what is wrong, so staff know what to look for." });
  let duplicateOfId: number | null = null;
  if (needs.duplicateOf) {
    const threadId = post.questionId ?? post.id;
    const [original] = input.duplicateOfId
      ? await tx.select({ id: posts.id, type: posts.type, deletedAt: posts.deletedAt }).from(posts).where(eq(posts.id, input.duplicateOfId))
      : [];
    if (!original || original.type !== "question" || original.deletedAt) {
      throw new InvalidInputError({ duplicateOf: "Give the link or number of an existing question." });
    }
    if (original.id === threadId) throw new InvalidInputError({ duplicateOf: "A question can't be a duplicate of itself. Give another question." });
    duplicateOfId = original.id;
  }

  const [existing] = await tx
    .select({ id: flags.id })
    .from(flags)
    .where(
      and(
        eq(flags.flaggerId, actor.id),
        eq(flags.postId, post.id),
        commentId === null ? isNull(flags.commentId) : eq(flags.commentId, commentId),
        eq(flags.status, "open"),
      ),
    );
  if (existing) throw new ConflictError(ALREADY_FLAGGED_MESSAGE);

  const [flag] = await tx
    .insert(flags)
    .values({ postId: post.id, commentId, flaggerId: actor.id, kind: input.kind, reason, duplicateOfId, createdAt: now })
    .returning({ id: flags.id });
  await openReviewItem(tx, { postId: post.id, commentId, reason: "flagged" }, now);

  // Automatic protection: count the open flags on this post (or comment) now that ours is in.
  const open = await tx
    .select({ flaggerId: flags.flaggerId, kind: flags.kind, role: users.role })
    .from(flags)
    .innerJoin(users, eq(users.id, flags.flaggerId))
    .where(and(eq(flags.postId, post.id), commentId === null ? isNull(flags.commentId) : eq(flags.commentId, commentId), eq(flags.status, "open")));
  const openFlags: OpenFlag[] = open.map((row) => ({ flaggerId: row.flaggerId, kind: row.kind, byStaff: isStaff({ role: row.role }) }));
  const alreadyOut = comment ? comment.deletedAt !== null : post.deletedAt !== null;
  let hidden = false;
  if (!alreadyOut && flagsHidePost(openFlags)) {
    if (comment) {
      await tx.update(comments).set({ deletedAt: now }).where(eq(comments.id, comment.id));
    } else {
      await takeDownPost(tx, post, { by: null, reason: "hidden_by_flags" }, now);
    }
    await openReviewItem(tx, { postId: post.id, commentId, reason: "auto_hidden" }, now);
    await logModeration(
      tx,
      {
        actorId: null,
        action: "post_hidden",
        targetUserId: comment?.authorId ?? post.authorId,
        postId: post.id,
        commentId,
        reason: "Hidden automatically by spam or abuse flags, pending review.",
        details: { flags: openFlags.length },
      },
      now,
    );
    hidden = true;
  }
  return { flagId: flag.id, hidden, questionId: post.questionId ?? post.id };
}

/** A member's flags, newest first, with what became of each (for their profile: them and staff only). */
export async function flagsByUser(db: Database, userId: number, limit = 30) {
  const thread = alias(posts, "thread");
  return db
    .select({
      id: flags.id,
      kind: flags.kind,
      reason: flags.reason,
      status: flags.status,
      createdAt: flags.createdAt,
      resolvedAt: flags.resolvedAt,
      postId: flags.postId,
      commentId: flags.commentId,
      threadId: thread.id,
      threadTitle: thread.title,
    })
    .from(flags)
    .innerJoin(posts, eq(posts.id, flags.postId))
    .innerJoin(thread, eq(thread.id, sql`coalesce(${posts.questionId}, ${posts.id})`))
    .where(eq(flags.flaggerId, userId))
    .orderBy(desc(flags.createdAt), desc(flags.id))
    .limit(limit);
}

/** The flag form's context: the post (or comment) being flagged, as its thread shows it. */
export async function flagTarget(db: Database, postId: number, commentId: number | null) {
  const thread = alias(posts, "thread");
  const [row] = await db
    .select({
      id: posts.id,
      type: posts.type,
      deletedAt: posts.deletedAt,
      bodyMarkdown: posts.bodyMarkdown,
      threadId: thread.id,
      threadTitle: thread.title,
      threadDeletedAt: thread.deletedAt,
    })
    .from(posts)
    .innerJoin(thread, eq(thread.id, sql`coalesce(${posts.questionId}, ${posts.id})`))
    .where(eq(posts.id, postId));
  if (!row || row.deletedAt || row.threadDeletedAt) throw new NotFoundError("That post");
  let comment: { id: number; body: string } | null = null;
  if (commentId !== null) {
    const [found] = await db
      .select({ id: comments.id, body: comments.body })
      .from(comments)
      .where(and(eq(comments.id, commentId), eq(comments.postId, postId), isNull(comments.deletedAt)));
    if (!found) throw new NotFoundError("That comment");
    comment = found;
  }
  return { ...row, comment };
}

/** Open review items waiting, for the header link. */
export async function openReviewCount(db: Database) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(reviewItems).where(eq(reviewItems.status, "open"));
  return row?.n ?? 0;
}
