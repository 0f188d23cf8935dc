// Sessions as in Lucia's session guide: a random token in an HttpOnly cookie, its SHA-256 as
// the row id, 30-day expiry that slides forward when half of it has passed.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { sessions, users, type Role } from "../../db/schema";
import { SESSION_SEEN_EVERY_MS } from "~/domain/accounts";
import { unreadCountSql } from "./notifications.server";
import { activeSuspension, type Suspension } from "~/domain/privileges";

const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** SHA-256 of a token, hex: what the database keeps instead of the token itself. */
export function tokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

const sessionIdFor = tokenHash;

// A header longer than this is not a browser worth describing; the list shows a summary anyway.
const USER_AGENT_MAX = 512;

export async function createSession(db: Database, userId: number, now = new Date(), details: { userAgent?: string | null } = {}) {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  const userAgent = details.userAgent ? details.userAgent.slice(0, USER_AGENT_MAX) : null;
  await db.insert(sessions).values({ id: sessionIdFor(token), userId, expiresAt, createdAt: now, lastSeenAt: now, userAgent });
  return { token, expiresAt };
}

export interface SessionViewer {
  id: number;
  displayName: string;
  email: string;
  role: Role;
  reputation: number;
  createdAt: Date;
  /** Set while a suspension runs. */
  suspension: Suspension | null;
  /** Unread notifications, up to UNREAD_COUNT_CAP. */
  unreadNotifications: number;
}

export async function validateSessionToken(db: Database, token: string, now = new Date()) {
  const sessionId = sessionIdFor(token);
  const [row] = await db
    .select({
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      user: {
        id: users.id,
        displayName: users.displayName,
        email: users.email,
        role: users.role,
        reputation: users.reputation,
        createdAt: users.createdAt,
        suspendedUntil: users.suspendedUntil,
        suspensionReason: users.suspensionReason,
        // The header's bell, read with the session rather than by one more query on every page.
        unreadNotifications: unreadCountSql(sql`${users.id}`),
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
  if (!row) return null;
  if (now.getTime() >= row.expiresAt.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (now.getTime() >= expiresAt.getTime() - SESSION_LIFETIME_MS / 2) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    renewed = true;
  }
  // "Last seen" to within a few minutes is enough for the sessions list, and spares a write per request.
  const seenLongAgo = !row.lastSeenAt || now.getTime() - row.lastSeenAt.getTime() >= SESSION_SEEN_EVERY_MS;
  if (renewed || seenLongAgo) {
    await db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  const { suspendedUntil, suspensionReason, unreadNotifications, ...user } = row.user;
  return { user: { ...user, unreadNotifications: Number(unreadNotifications), suspension: activeSuspension(suspendedUntil, suspensionReason, now) } as SessionViewer, expiresAt, renewed };
}

export async function invalidateSession(db: Database, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionIdFor(token)));
}

/** A member's live sessions, most recently used first; `current` marks the one the token belongs to. */
export async function listSessions(db: Database, userId: number, currentToken: string | null, now = new Date()) {
  const rows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  const currentId = currentToken ? sessionIdFor(currentToken) : null;
  return rows
    .filter((row) => row.expiresAt.getTime() > now.getTime())
    .map((row) => ({ id: row.id, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt ?? row.createdAt, userAgent: row.userAgent, current: row.id === currentId }));
}

/** Ends one of the member's own sessions (a session id of someone else's ends nothing). */
export async function invalidateUserSession(db: Database, userId: number, sessionId: string) {
  const ended = await db.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId))).returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every session of the member but the one `keepToken` belongs to (all of them without one). */
export async function invalidateOtherSessions(db: Database, userId: number, keepToken: string | null) {
  const others = keepToken ? and(eq(sessions.userId, userId), ne(sessions.id, sessionIdFor(keepToken))) : eq(sessions.userId, userId);
  const ended = await db.delete(sessions).where(others).returning({ id: sessions.id });
  return ended.length;
}
