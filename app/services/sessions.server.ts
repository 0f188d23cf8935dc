// Sessions as in Lucia's session guide: a random token in an HttpOnly cookie, its SHA-256 as
// the row id, 30-day expiry that slides forward when half of it has passed.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { sessions, users, type Role } from "../../db/schema";
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

export async function createSession(db: Database, userId: number, now = new Date()) {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.insert(sessions).values({ id: sessionIdFor(token), userId, expiresAt, createdAt: now });
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
}

export async function validateSessionToken(db: Database, token: string, now = new Date()) {
  const sessionId = sessionIdFor(token);
  const [row] = await db
    .select({
      expiresAt: sessions.expiresAt,
      user: {
        id: users.id,
        displayName: users.displayName,
        email: users.email,
        role: users.role,
        reputation: users.reputation,
        createdAt: users.createdAt,
        suspendedUntil: users.suspendedUntil,
        suspensionReason: users.suspensionReason,
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
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
  }
  const { suspendedUntil, suspensionReason, ...user } = row.user;
  return { user: { ...user, suspension: activeSuspension(suspendedUntil, suspensionReason, now) } as SessionViewer, expiresAt, renewed };
}

export async function invalidateSession(db: Database, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionIdFor(token)));
}
