// Reading the staff action log for /admin/log: newest first, filtered by who acted, whom it
// concerned and what was done, a page at a time by keyset (created_at, id) on its index.
import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { moderationLog, posts, users } from "../../db/schema";
import { MODERATION_SETTINGS, type ModerationAction } from "~/domain/moderation";

export interface LogFilters {
  actorId?: number | null;
  targetUserId?: number | null;
  action?: ModerationAction | null;
}

/** "1733140800000.42": the last row seen, to continue after. */
export interface LogCursor {
  createdAt: Date;
  id: number;
}

export function encodeLogCursor(cursor: LogCursor): string {
  return `${cursor.createdAt.getTime()}.${cursor.id}`;
}

export function decodeLogCursor(value: string | null | undefined): LogCursor | null {
  const match = /^(\d{1,15})\.(\d{1,18})$/.exec(value ?? "");
  if (!match) return null;
  const createdAt = new Date(Number(match[1]));
  const id = Number(match[2]);
  return Number.isNaN(createdAt.getTime()) || !Number.isSafeInteger(id) ? null : { createdAt, id };
}

export async function listModerationLog(db: Database, filters: LogFilters, after: LogCursor | null, pageSize: number = MODERATION_SETTINGS.pageSize) {
  const actor = alias(users, "actor");
  const target = alias(users, "target");
  const question = alias(posts, "question");
  const where: SQL[] = [];
  if (filters.actorId) where.push(eq(moderationLog.actorId, filters.actorId));
  if (filters.targetUserId) where.push(eq(moderationLog.targetUserId, filters.targetUserId));
  if (filters.action) where.push(eq(moderationLog.action, filters.action));
  if (after) {
    where.push(or(lt(moderationLog.createdAt, after.createdAt), and(eq(moderationLog.createdAt, after.createdAt), lt(moderationLog.id, after.id)))!);
  }
  const rows = await db
    .select({
      id: moderationLog.id,
      createdAt: moderationLog.createdAt,
      action: moderationLog.action,
      reason: moderationLog.reason,
      details: moderationLog.details,
      postId: moderationLog.postId,
      commentId: moderationLog.commentId,
      actor: { id: actor.id, displayName: actor.displayName, role: actor.role },
      target: { id: target.id, displayName: target.displayName, role: target.role },
      post: { type: posts.type, title: posts.title, questionId: posts.questionId },
      questionTitle: question.title,
    })
    .from(moderationLog)
    .leftJoin(actor, eq(actor.id, moderationLog.actorId))
    .leftJoin(target, eq(target.id, moderationLog.targetUserId))
    .leftJoin(posts, eq(posts.id, moderationLog.postId))
    .leftJoin(question, eq(question.id, posts.questionId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    entries: page.map((row) => {
      const details = (row.details ?? {}) as Record<string, unknown>;
      return {
        id: row.id,
        createdAt: row.createdAt,
        action: row.action,
        reason: row.reason,
        actor: row.actor?.id ? row.actor : null,
        community: row.actor?.id ? false : details.community === true,
        target: row.target?.id ? row.target : null,
        post: row.postId && row.post?.type
          ? { id: row.postId, type: row.post.type, title: row.post.type === "question" ? row.post.title ?? "" : row.questionTitle ?? "" }
          : null,
        commentId: row.commentId,
      };
    }),
    next: rows.length > pageSize && last ? encodeLogCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** Who can be picked in the filters: staff who acted, and members entries concern. */
export async function logFilterChoices(db: Database) {
  const staff = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.role, ["staff", "admin"]))
    .orderBy(asc(users.displayName));
  const targets = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(sql`${users.id} in (select distinct target_user_id from moderation_log where target_user_id is not null)`)
    .orderBy(asc(users.displayName));
  return { staff, targets };
}
