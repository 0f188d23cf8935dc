// Known devices (OWASP's "device cookie" against lockout): a browser that has logged in to an
// account gets a long-lived random token; the database keeps only its hash. A login attempt
// carrying that token for that account is not held back by the per-account limits an attacker
// elsewhere may have run up, so guessing from other addresses cannot lock the owner out.
import { and, eq, gt, lte } from "drizzle-orm";
import type { Database } from "../../db/client";
import { loginDevices, users } from "../../db/schema";
import { generateSessionToken, tokenHash } from "./sessions.server";

export const DEVICE_LIFETIME_SECONDS = 180 * 24 * 60 * 60;

export interface KnownDevice {
  token: string;
  tokenHash: string;
}

/** The device, if `token` was given to a browser that logged in to the account with this email (and used within its lifetime). */
export async function findKnownDevice(db: Database, token: string, email: string, now = new Date()): Promise<KnownDevice | null> {
  const hash = tokenHash(token);
  const [row] = await db
    .select({ tokenHash: loginDevices.tokenHash })
    .from(loginDevices)
    .innerJoin(users, eq(users.id, loginDevices.userId))
    .where(and(eq(loginDevices.tokenHash, hash), eq(users.email, email), gt(loginDevices.lastUsedAt, lifetimeStart(now))));
  return row ? { token, tokenHash: row.tokenHash } : null;
}

/**
 * After a successful login: refreshes the known device, or makes this browser one. Returns the
 * token for the cookie. Devices of the user unused for a whole lifetime are forgotten.
 */
export async function rememberDevice(db: Database, userId: number, known: KnownDevice | null, now = new Date()): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.delete(loginDevices).where(and(eq(loginDevices.userId, userId), lte(loginDevices.lastUsedAt, lifetimeStart(now))));
    if (known) {
      await tx.update(loginDevices).set({ lastUsedAt: now }).where(eq(loginDevices.tokenHash, known.tokenHash));
      return known.token;
    }
    const token = generateSessionToken();
    await tx.insert(loginDevices).values({ tokenHash: tokenHash(token), userId, createdAt: now, lastUsedAt: now });
    return token;
  });
}

function lifetimeStart(now: Date) {
  return new Date(now.getTime() - DEVICE_LIFETIME_SECONDS * 1000);
}
