// Notifications by email: each member's choice per kind (at once, daily digest, never), the
// emails queued in the outbox with the notices (same transaction), the daily digest job, and the
// signed one-click unsubscribe link at the foot of every one of them.
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { emailPreferences, notifications, posts, users } from "../../db/schema";
import {
  afterUnsubscribe,
  digestEmail,
  effectiveDeliveries,
  instantEmail,
  isUnsubscribeScope,
  UNSUBSCRIBE_LINK_DAYS,
  type EmailDelivery,
  type UnsubscribeScope,
} from "~/domain/email-notifications";
import type { Notice, NotificationKind } from "~/domain/notifications";
import { notificationsPath, settingsPath, unsubscribePath } from "~/lib/paths";
import { signToken, verifyToken } from "~/lib/signed-token.server";
import { publicUrl, queueEmails, type OutgoingEmail } from "./email.server";
import { ExpiredLinkError, InvalidInputError } from "./errors";
import { siteKey } from "./site-keys.server";

const DAY_MS = 86_400_000;

/** A member's delivery for every kind (their choice, else the default). */
export async function emailDeliveries(db: Database, userId: number): Promise<Record<NotificationKind, EmailDelivery>> {
  const chosen = await db.select({ kind: emailPreferences.kind, delivery: emailPreferences.delivery }).from(emailPreferences).where(eq(emailPreferences.userId, userId));
  return effectiveDeliveries(chosen);
}

/** Stores the member's choices (every kind given; the others keep theirs). */
export async function saveEmailDeliveries(db: Database, userId: number, deliveries: Partial<Record<NotificationKind, EmailDelivery>>) {
  const rows = Object.entries(deliveries).map(([kind, delivery]) => ({ userId, kind, delivery: delivery! }));
  if (rows.length === 0) return;
  await db
    .insert(emailPreferences)
    .values(rows)
    .onConflictDoUpdate({ target: [emailPreferences.userId, emailPreferences.kind], set: { delivery: sql`excluded.delivery` } });
}

interface Recipient {
  email: string;
  displayName: string;
  delivery: EmailDelivery;
}

/**
 * For notify(): how each recipient takes their notice by email, with what an email needs. A
 * deleted member is never emailed (their address is gone).
 */
export async function emailRecipientsOf(tx: Database, notices: Notice[]): Promise<Map<number, Recipient>> {
  const ids = [...new Set(notices.map((notice) => notice.userId))];
  const rows = await tx
    .select({ id: users.id, email: users.email, displayName: users.displayName, deletedAt: users.deletedAt, kind: emailPreferences.kind, delivery: emailPreferences.delivery })
    .from(users)
    .leftJoin(emailPreferences, eq(emailPreferences.userId, users.id))
    .where(inArray(users.id, ids));
  const recipients = new Map<number, Recipient>();
  for (const notice of notices) {
    const own = rows.filter((row) => row.id === notice.userId);
    if (own.length === 0 || own[0].deletedAt) continue;
    const chosen = own.flatMap((row) => (row.kind && row.delivery ? [{ kind: row.kind, delivery: row.delivery }] : []));
    recipients.set(notice.userId, { email: own[0].email, displayName: own[0].displayName, delivery: effectiveDeliveries(chosen)[notice.kind] });
  }
  return recipients;
}

function unsubscribeUrl(key: string, userId: number, scope: UnsubscribeScope, now: Date) {
  return publicUrl(unsubscribePath(signToken(key, `${userId}:${scope}`, new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * DAY_MS))));
}

async function actorName(tx: Database, actorId: number | null) {
  if (actorId === null) return null;
  const [actor] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, actorId));
  return actor?.displayName ?? null;
}

/** Queues the "right away" emails of notices just written (inside notify's transaction). */
export async function queueInstantEmails(
  tx: Database,
  written: { userId: number; kind: NotificationKind; message: string; link: string | null }[],
  recipients: Map<number, Recipient>,
  actorId: number | null,
  now: Date,
) {
  if (written.length === 0) return;
  const key = await siteKey(tx, "unsubscribe");
  const name = await actorName(tx, actorId);
  const emails: OutgoingEmail[] = [];
  for (const notice of written) {
    const recipient = recipients.get(notice.userId)!;
    const unsubscribe = unsubscribeUrl(key, notice.userId, notice.kind, now);
    const { subject, text } = instantEmail({
      recipientName: recipient.displayName,
      notice: { kind: notice.kind, message: notice.message, actorName: name, url: publicUrl(notice.link ?? notificationsPath) },
      settingsUrl: publicUrl(settingsPath("notifications")),
      unsubscribeUrl: unsubscribe,
    });
    emails.push({ to: recipient.email, subject, text, unsubscribeUrl: unsubscribe });
  }
  await queueEmails(tx, emails, now);
}

/** How long a notice waits for its digest: one email a day at most, with all that came meanwhile. */
export const DIGEST_EVERY_MS = DAY_MS;

/**
 * Sends the digests that are due: a member whose oldest notice waiting for a digest is a day old
 * gets one email with everything waiting. Safe from several processes at once: each member is
 * taken under a row lock that others skip, and what was sent is marked in the same transaction.
 */
export async function sendDueDigests(db: Database, now = new Date(), limit = 50): Promise<{ sent: number }> {
  const due = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.emailDigest, true), isNull(notifications.emailedAt), lte(notifications.createdAt, new Date(now.getTime() - DIGEST_EVERY_MS))))
    .limit(limit);
  let sent = 0;
  for (const { userId } of due) {
    if (await sendDigest(db, userId, now)) sent++;
  }
  return { sent };
}

async function sendDigest(db: Database, userId: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ email: users.email, displayName: users.displayName, deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, userId))
      .for("no key update", { skipLocked: true });
    if (!member) return false;
    const actor = sql`(select a.display_name from users a where a.id = ${notifications.actorId})`;
    const waiting = await tx
      .select({ id: notifications.id, kind: notifications.kind, message: notifications.message, link: notifications.link, actorName: sql<string | null>`${actor}`, postDeletedAt: posts.deletedAt })
      .from(notifications)
      .leftJoin(posts, eq(posts.id, notifications.postId))
      .where(and(eq(notifications.userId, userId), eq(notifications.emailDigest, true), isNull(notifications.emailedAt), lte(notifications.createdAt, now)))
      .orderBy(asc(notifications.createdAt), asc(notifications.id));
    // Since written: the member may have turned the kind off, or the post may be gone.
    const deliveries = await emailDeliveries(tx, userId);
    const sendable = waiting.filter((row) => !member.deletedAt && row.postDeletedAt === null && deliveries[row.kind as NotificationKind] !== "off");
    const dropped = waiting.filter((row) => !sendable.includes(row)).map((row) => row.id);
    if (dropped.length > 0) await tx.update(notifications).set({ emailDigest: false }).where(inArray(notifications.id, dropped));
    if (sendable.length === 0) return false;
    await tx.update(notifications).set({ emailedAt: now }).where(inArray(notifications.id, sendable.map((row) => row.id)));
    const unsubscribe = unsubscribeUrl(await siteKey(tx, "unsubscribe"), userId, "digest", now);
    const { subject, text } = digestEmail({
      recipientName: member.displayName,
      notices: sendable.map((row) => ({ kind: row.kind as NotificationKind, message: row.message, actorName: row.actorName, url: publicUrl(row.link ?? notificationsPath) })),
      settingsUrl: publicUrl(settingsPath("notifications")),
      unsubscribeUrl: unsubscribe,
      inboxUrl: publicUrl(notificationsPath),
    });
    await queueEmails(tx, [{ to: member.email, subject, text, unsubscribeUrl: unsubscribe }], now);
    return true;
  });
}

const BAD_LINK = "This unsubscribe link is not valid. Copy the whole link from the email, or change your emails in your settings.";
const OLD_LINK = `This unsubscribe link is more than ${UNSUBSCRIBE_LINK_DAYS} days old. Log in and change your emails in your settings.`;

/** Whom and what an emailed unsubscribe link is for; a made-up or altered one is refused (400), an old one is gone (410). */
export async function readUnsubscribeLink(db: Database, token: string, now = new Date()): Promise<{ userId: number; scope: UnsubscribeScope }> {
  const check = verifyToken(await siteKey(db, "unsubscribe"), token, now);
  if (!check.ok) {
    if (check.reason === "expired") throw new ExpiredLinkError(OLD_LINK);
    throw new InvalidInputError({ token: BAD_LINK });
  }
  const [id, scope] = check.claim.split(":");
  if (!/^\d+$/.test(id ?? "") || !isUnsubscribeScope(scope ?? "")) throw new InvalidInputError({ token: BAD_LINK });
  return { userId: Number(id), scope: scope as UnsubscribeScope };
}

/**
 * Follows an unsubscribe link: its kind (or everything the digest carries) is turned off. Using
 * the link again changes nothing more, so a mail scanner's or a double click's repeat is harmless.
 */
export async function unsubscribe(db: Database, token: string, now = new Date()): Promise<{ scope: UnsubscribeScope; changed: boolean }> {
  const { userId, scope } = await readUnsubscribeLink(db, token, now);
  return db.transaction(async (tx) => {
    const current = await emailDeliveries(tx, userId);
    const next = afterUnsubscribe(current, scope);
    const changes = Object.fromEntries(Object.entries(next).filter(([kind, delivery]) => current[kind as NotificationKind] !== delivery));
    await saveEmailDeliveries(tx, userId, changes);
    return { scope, changed: Object.keys(changes).length > 0 };
  });
}
