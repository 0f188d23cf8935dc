// The notification inbox: notices written inside the use case's transaction (so a rolled-back
// answer notifies nobody), read a page at a time, newest first, and marked read by their owner.
import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { notifications, users } from "../../db/schema";
import { recipientsOf, type Notice, type NotificationKind } from "~/domain/notifications";
import { UNREAD_COUNT_CAP } from "~/lib/unread";
import { emailRecipientsOf, queueInstantEmails } from "./email-notifications.server";
import { InvalidInputError } from "./errors";

export const NOTIFICATIONS_PAGE_SIZE = 30;

/**
 * Writes the notices of one event: never to the actor, once per person, once per thing (dedupe
 * key). Each recipient's email choice for the kind is applied with it: an email queued now, or
 * the notice left waiting for their daily digest.
 */
export async function notify(tx: Database, actorId: number | null, notices: Notice[], now = new Date()): Promise<number> {
  const rows = recipientsOf(notices, actorId);
  if (rows.length === 0) return 0;
  const recipients = await emailRecipientsOf(tx, rows);
  const inserted = await tx
    .insert(notifications)
    .values(
      rows.map((notice) => {
        const delivery = recipients.get(notice.userId)?.delivery ?? "off";
        return {
          ...notice,
          postId: notice.postId ?? null,
          dedupeKey: notice.dedupeKey ?? null,
          actorId,
          createdAt: now,
          emailDigest: delivery === "daily",
          emailedAt: delivery === "instant" ? now : null,
        };
      }),
    )
    .onConflictDoNothing()
    .returning({ userId: notifications.userId, kind: notifications.kind, message: notifications.message, link: notifications.link, emailedAt: notifications.emailedAt });
  // Only what was written now: a repeat of the event (same dedupe key) sends nothing again.
  const instant = inserted.filter((row) => row.emailedAt !== null).map((row) => ({ ...row, kind: row.kind as NotificationKind }));
  await queueInstantEmails(tx, instant, recipients, actorId, now);
  return inserted.length;
}

/** Where the next page starts: the last notification shown, as "<milliseconds>.<id>". */
function encodeBefore(row: { createdAt: Date; id: number }) {
  return `${row.createdAt.getTime()}.${row.id}`;
}

function decodeBefore(raw: string) {
  const match = /^(\d{1,15})\.(\d{1,10})$/.exec(raw);
  const id = Number(match?.[2]);
  if (!match || id > 2_147_483_647) throw new InvalidInputError({ before: "That page link is not valid. Go back to the first page." });
  return { createdAt: new Date(Number(match[1])), id };
}

/** One page of a member's notifications, newest first (by when it happened); `before` comes from the page before. */
export async function notificationPage(db: Database, userId: number, options: { before?: string | null; limit?: number } = {}) {
  const limit = options.limit ?? NOTIFICATIONS_PAGE_SIZE;
  const before = options.before ? decodeBefore(options.before) : null;
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      message: notifications.message,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actor: { id: users.id, displayName: users.displayName },
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(
      and(
        eq(notifications.userId, userId),
        before === null ? undefined : sql`(${notifications.createdAt}, ${notifications.id}) < (${before.createdAt.toISOString()}::timestamptz, ${before.id}::int)`,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((row) => ({ ...row, actor: row.actor?.id ? row.actor : null }));
  return { notifications: page, nextBefore: rows.length > limit ? encodeBefore(page.at(-1)!) : null };
}

/** A member's unread notifications, counted up to UNREAD_COUNT_CAP, as an SQL expression (the session reads it with the viewer). */
export function unreadCountSql(userId: SQL) {
  return sql<number>`(select count(*)::int from (select 1 from notifications n where n.user_id = ${userId} and n.read_at is null limit ${UNREAD_COUNT_CAP}) unread)`;
}

/** Unread notifications, counted up to UNREAD_COUNT_CAP. */
export async function unreadCount(db: Database, userId: number): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select ${unreadCountSql(sql`${userId}`)} as n`));
  return Number(row?.n ?? 0);
}

/** Marks the member's own notifications read (ids of someone else's are ignored); all of them without ids. */
export async function markNotificationsRead(db: Database, userId: number, ids: number[] | "all", now = new Date()): Promise<number> {
  if (ids !== "all" && ids.length === 0) return 0;
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === "all" ? undefined : inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return updated.length;
}
