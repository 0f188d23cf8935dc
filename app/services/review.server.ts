// The review queue (/review): open items oldest first, each with its flags, the post in context
// and the author's recent history; and deciding an item, one transaction per decision. The item
// is decided by a conditional update (`where status = 'open'`), so of two reviewers acting at
// once exactly one decides and the other is told who did.
import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { comments, flags, posts, reviewItems, users } from "../../db/schema";
import { DECISION_RULES, decisionsFor, postStateOf, type PostState, type ReviewDecision } from "~/domain/flags";
import { MODERATION_SETTINGS, type ReviewReason } from "~/domain/moderation";
import { isModerationNoticed, noticeFor } from "~/domain/notifications";
import { can, isStaff, type Actor } from "~/domain/privileges";
import { answerPath, questionPath } from "~/lib/paths";
import { requireActor, requireAllowed } from "./actors.server";
import { awardBadges } from "./badges.server";
import { bringBackPost, takeDownPost } from "./deletion.server";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { logModeration } from "./moderation-log.server";
import { lockPost, threadOf } from "./posts.server";
import { announceAnswer, announceQuestion } from "./announcements.server";
import { notify } from "./notifications.server";
import { liveEvents, lockUsers, recordReputation } from "./reputation.server";

/** A keyset cursor: the last item's created_at and id. */
export function encodeCursor(item: { createdAt: Date; id: number }): string {
  return `${item.createdAt.toISOString()}_${item.id}`;
}

export function decodeCursor(value: string | null | undefined): { createdAt: Date; id: number } | null {
  const match = value ? /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)_(\d{1,9})$/.exec(value) : null;
  if (!match) return null;
  const createdAt = new Date(match[1]);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: Number(match[2]) };
}

/** The queue as one reviewer sees it (staff see every decision, review-privileged members the safe ones). */
export async function reviewQueue(db: Database, viewer: Actor, options: { after?: string | null; pageSize?: number; reason?: ReviewReason | null } = {}) {
  requireAllowed(can(viewer, { type: "review", destructive: false }));
  const staff = isStaff(viewer);
  const pageSize = options.pageSize ?? MODERATION_SETTINGS.pageSize;
  const cursor = decodeCursor(options.after);
  const thread = alias(posts, "thread");
  const rows = await db
    .select({
      id: reviewItems.id,
      reason: reviewItems.reason,
      createdAt: reviewItems.createdAt,
      commentId: reviewItems.commentId,
      post: {
        id: posts.id,
        type: posts.type,
        bodyHtml: posts.bodyHtml,
        createdAt: posts.createdAt,
        deletedAt: posts.deletedAt,
        deletionReason: posts.deletionReason,
        authorId: posts.authorId,
      },
      thread: { id: thread.id, title: thread.title, deletedAt: thread.deletedAt },
    })
    .from(reviewItems)
    .innerJoin(posts, eq(posts.id, reviewItems.postId))
    .innerJoin(thread, eq(thread.id, sql`coalesce(${posts.questionId}, ${posts.id})`))
    .where(
      and(
        eq(reviewItems.status, "open"),
        options.reason ? eq(reviewItems.reason, options.reason) : undefined,
        // Hidden and held posts are out of customers' sight: only staff (who decide them) see them here.
        staff ? undefined : and(isNull(posts.deletedAt), isNull(thread.deletedAt)),
        cursor
          ? or(gt(reviewItems.createdAt, cursor.createdAt), and(eq(reviewItems.createdAt, cursor.createdAt), gt(reviewItems.id, cursor.id)))
          : undefined,
      ),
    )
    .orderBy(asc(reviewItems.createdAt), asc(reviewItems.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const next = rows.length > pageSize ? encodeCursor(page[page.length - 1]) : null;
  const counts = await db
    .select({ reason: reviewItems.reason, n: sql<number>`count(*)::int` })
    .from(reviewItems)
    .where(eq(reviewItems.status, "open"))
    .groupBy(reviewItems.reason);
  if (page.length === 0) return { items: [], next, staff, counts };

  const postIds = [...new Set(page.map((row) => row.post.id))];
  const commentIds = page.map((row) => row.commentId).filter((id): id is number => id !== null);
  const flagger = alias(users, "flagger");
  const flagRows = await db
    .select({
      id: flags.id,
      postId: flags.postId,
      commentId: flags.commentId,
      kind: flags.kind,
      reason: flags.reason,
      duplicateOfId: flags.duplicateOfId,
      createdAt: flags.createdAt,
      flagger: { id: flagger.id, displayName: flagger.displayName, role: flagger.role },
    })
    .from(flags)
    .innerJoin(flagger, eq(flagger.id, flags.flaggerId))
    .where(and(inArray(flags.postId, postIds), eq(flags.status, "open")))
    .orderBy(asc(flags.createdAt), asc(flags.id));
  const commentRows = commentIds.length
    ? await db
        .select({ id: comments.id, body: comments.body, authorId: comments.authorId, deletedAt: comments.deletedAt })
        .from(comments)
        .where(inArray(comments.id, commentIds))
    : [];
  const commentById = new Map(commentRows.map((row) => [row.id, row]));
  const authorIds = [...new Set(page.map((row) => (row.commentId ? commentById.get(row.commentId)?.authorId : undefined) ?? row.post.authorId))];
  const histories = new Map(await Promise.all(authorIds.map(async (id) => [id, await authorHistory(db, id)] as const)));

  const items = page.map((row) => {
    const comment = row.commentId ? commentById.get(row.commentId) ?? null : null;
    const state: PostState = comment ? (comment.deletedAt ? "hidden" : "live") : postStateOf(row.post);
    const authorId = comment?.authorId ?? row.post.authorId;
    return {
      id: row.id,
      reason: row.reason,
      createdAt: row.createdAt,
      cursor: encodeCursor(row),
      post: { id: row.post.id, type: row.post.type, bodyHtml: row.post.bodyHtml, createdAt: row.post.createdAt, deletionReason: row.post.deletionReason },
      comment: comment ? { id: comment.id, body: comment.body } : null,
      thread: row.thread,
      state,
      flags: flagRows.filter((flag) => flag.postId === row.post.id && flag.commentId === row.commentId),
      author: histories.get(authorId)!,
      decisions: decisionsFor({ state, isComment: comment !== null }, staff),
    };
  });
  // A hidden comment, like a hidden post, is for staff's eyes only.
  return { items: staff ? items : items.filter((item) => item.state === "live"), next, staff, counts };
}

/** Who wrote it and how they have done: join date, reputation, last few posts, flags upheld against them. */
async function authorHistory(db: Database, userId: number) {
  const [user] = await db
    .select({ id: users.id, displayName: users.displayName, reputation: users.reputation, createdAt: users.createdAt, role: users.role, suspendedUntil: users.suspendedUntil })
    .from(users)
    .where(eq(users.id, userId));
  const thread = alias(posts, "thread");
  const recent = await db
    .select({ id: posts.id, type: posts.type, createdAt: posts.createdAt, deletedAt: posts.deletedAt, score: posts.score, threadId: thread.id, threadTitle: thread.title })
    .from(posts)
    .innerJoin(thread, eq(thread.id, sql`coalesce(${posts.questionId}, ${posts.id})`))
    .where(eq(posts.authorId, userId))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(5);
  const [against] = await db
    .select({
      helpful: sql<number>`count(*) filter (where ${flags.status} = 'helpful')::int`,
      declined: sql<number>`count(*) filter (where ${flags.status} = 'declined')::int`,
      open: sql<number>`count(*) filter (where ${flags.status} = 'open')::int`,
    })
    .from(flags)
    .leftJoin(posts, eq(posts.id, flags.postId))
    .leftJoin(comments, eq(comments.id, flags.commentId))
    .where(or(and(isNull(flags.commentId), eq(posts.authorId, userId)), eq(comments.authorId, userId)));
  return { ...user, recent, flagsAgainst: against ?? { helpful: 0, declined: 0, open: 0 } };
}

export interface DecideInput {
  reviewerId: number;
  itemId: number;
  decision: ReviewDecision;
  note?: string | null;
}

/** Decides one review item: the post, its flags, the item and the staff log change together or not at all. */
export async function decideReviewItem(db: Database, input: DecideInput, now = new Date()) {
  const rule = DECISION_RULES[input.decision];
  return db.transaction(async (tx) => {
    const actor = await requireActor(tx, input.reviewerId);
    requireAllowed(can(actor, { type: "review", destructive: rule.destructive }));
    const note = input.note?.trim() || null;
    if (rule.needsReason && !note) throw new InvalidInputError({ note: "Say why, for the staff log and the author." });
    const [ref] = await tx
      .select({ postId: reviewItems.postId, commentId: reviewItems.commentId, questionId: posts.questionId })
      .from(reviewItems)
      .innerJoin(posts, eq(posts.id, reviewItems.postId))
      .where(eq(reviewItems.id, input.itemId));
    if (!ref) throw new NotFoundError("That review item");
    // The post first (question before answer, as flagging and deleting lock), then the item.
    if (ref.questionId) await lockPost(tx, ref.questionId);
    const { post } = await lockPost(tx, ref.postId);
    const decided = await tx
      .update(reviewItems)
      .set({ status: "decided", decidedAt: now, decidedBy: actor.id, decision: input.decision, decisionNote: note })
      .where(and(eq(reviewItems.id, input.itemId), eq(reviewItems.status, "open")))
      .returning({ id: reviewItems.id, reason: reviewItems.reason });
    if (decided.length === 0) {
      const [by] = await tx
        .select({ name: users.displayName })
        .from(reviewItems)
        .innerJoin(users, eq(users.id, reviewItems.decidedBy))
        .where(eq(reviewItems.id, input.itemId));
      throw new ConflictError(`Already decided by ${by?.name ?? "another reviewer"}. The queue has been refreshed.`);
    }

    let comment: { id: number; authorId: number; deletedAt: Date | null } | undefined;
    if (ref.commentId) {
      [comment] = await tx
        .select({ id: comments.id, authorId: comments.authorId, deletedAt: comments.deletedAt })
        .from(comments)
        .where(eq(comments.id, ref.commentId))
        .for("update");
    }
    const state: PostState = comment ? (comment.deletedAt ? "hidden" : "live") : postStateOf(post);
    if (!decisionsFor({ state, isComment: comment !== undefined }, isStaff(actor)).includes(input.decision)) {
      throw new ConflictError("That decision no longer fits this post (it changed since the queue was shown). Reload the queue and decide again.");
    }
    const authorId = comment?.authorId ?? post.authorId;

    // The post (or comment).
    if ("takeDown" in rule.post) {
      if (comment) {
        if (!comment.deletedAt) await tx.update(comments).set({ deletedAt: now }).where(eq(comments.id, comment.id));
      } else if (state === "live") {
        await takeDownPost(tx, post, { by: actor.id, reason: rule.post.takeDown }, now);
      } else {
        await tx.update(posts).set({ deletedBy: actor.id, deletionReason: rule.post.takeDown }).where(eq(posts.id, post.id));
      }
    } else if ("bringBack" in rule.post) {
      if (comment) await tx.update(comments).set({ deletedAt: null }).where(eq(comments.id, comment.id));
      else {
        const [question] = post.questionId ? await tx.select({ deletedAt: posts.deletedAt }).from(posts).where(eq(posts.id, post.questionId)) : [];
        if (question?.deletedAt) throw new ConflictError("This answer's question is deleted. Restore the question first.");
        await bringBackPost(tx, post, actor.id, now);
      }
    }
    if (rule.penalty && !comment && (await liveEvents(tx, { postId: post.id, reasons: ["post_removed_as_spam"] })).length === 0) {
      const locked = await lockUsers(tx, [authorId], now);
      await recordReputation(tx, { userId: authorId, reason: "post_removed_as_spam", postId: post.id, actorId: actor.id }, locked, now);
    }

    // Its open flags: upheld or declined.
    const resolved = await tx
      .update(flags)
      .set({ status: rule.flagsBecome, resolvedAt: now, resolvedBy: actor.id })
      .where(
        and(
          eq(flags.postId, post.id),
          comment ? eq(flags.commentId, comment.id) : isNull(flags.commentId),
          eq(flags.status, "open"),
        ),
      )
      .returning({ id: flags.id, kind: flags.kind, flaggerId: flags.flaggerId });
    if (rule.flagsBecome === "helpful") {
      for (const flaggerId of new Set(resolved.map((flag) => flag.flaggerId))) await awardBadges(tx, flaggerId, "flag_helpful", { postId: post.id, now });
    }

    await logModeration(
      tx,
      {
        actorId: actor.id,
        action: rule.action,
        targetUserId: authorId,
        postId: post.id,
        commentId: comment?.id ?? null,
        reason: note,
        details: { reviewItem: input.itemId, queueReason: decided[0].reason, decision: input.decision, flags: resolved.length, flagsBecame: rule.flagsBecome },
      },
      now,
    );
    // The author hears what happened to their post; an approved post is news to its followers now.
    if (!comment && isModerationNoticed(input.decision)) {
      const thread = await threadOf(tx, post);
      const link = post.type === "question" ? questionPath(thread) : answerPath(thread, post.id);
      await notify(
        tx,
        actor.id,
        [noticeFor.moderated({ authorId, decision: input.decision, postType: post.type as "question" | "answer", questionTitle: thread.title, postId: post.id, reviewItemId: input.itemId, note, link })],
        now,
      );
      if (input.decision === "approve") {
        if (post.type === "question") await announceQuestion(tx, { id: post.id, title: post.title ?? "", tags: post.tags, authorId }, now);
        else await announceAnswer(tx, await questionOf(tx, post.questionId!), { id: post.id, authorId, body: post.bodyMarkdown }, now);
      }
    }
    return { decision: input.decision, questionId: post.questionId ?? post.id, postId: post.id };
  });
}

async function questionOf(tx: Database, questionId: number) {
  const [question] = await tx.select({ id: posts.id, title: posts.title, authorId: posts.authorId }).from(posts).where(eq(posts.id, questionId));
  return question;
}

/**
 * A post waiting for review, as its author (or staff) sees it: what they wrote is kept and shown
 * back to them. Anyone else gets "not found", as for any deleted post. Once approved, `live`.
 */
export async function heldPostFor(db: Database, postId: number, viewer: Actor) {
  const thread = alias(posts, "thread");
  const [row] = await db
    .select({
      id: posts.id,
      type: posts.type,
      authorId: posts.authorId,
      bodyHtml: posts.bodyHtml,
      deletedAt: posts.deletedAt,
      deletionReason: posts.deletionReason,
      threadId: thread.id,
      threadTitle: thread.title,
    })
    .from(posts)
    .innerJoin(thread, eq(thread.id, sql`coalesce(${posts.questionId}, ${posts.id})`))
    .where(eq(posts.id, postId));
  if (!row || (row.authorId !== viewer.id && !isStaff(viewer))) throw new NotFoundError("That post");
  const state = postStateOf(row);
  if (state !== "held" && state !== "live") throw new NotFoundError("That post");
  return { ...row, state };
}
