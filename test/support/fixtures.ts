// Builders for integration tests: real rows through the real services.
import { randomBytes } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { emailOutbox, reputationEvents, users, type Role } from "../../db/schema";
import { SESSION_COOKIE } from "~/http/viewer.server";
import { askQuestion, postAnswer } from "~/services/posting.server";
import { createSession } from "~/services/sessions.server";
import { hashPassword } from "~/services/users.server";

const ACCOUNT_AGE_MS = 30 * 24 * 60 * 60 * 1000;
let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery";

/** A user who joined a month ago (so new-account limits do not apply unless asked for). */
export async function makeUser(db: Database, options: { role?: Role; reputation?: number; name?: string; createdAt?: Date } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const suffix = randomBytes(4).toString("hex");
  const [user] = await db
    .insert(users)
    .values({
      email: `user-${suffix}@example.com`,
      displayName: options.name ?? `User ${suffix}`,
      passwordHash: await cachedHash,
      role: options.role ?? "customer",
      createdAt: options.createdAt ?? new Date(Date.now() - ACCOUNT_AGE_MS),
    })
    .returning();
  if (options.reputation && options.reputation > 1) await grantReputation(db, user.id, options.reputation - 1);
  return { ...user, reputation: options.reputation ?? 1 };
}

/** Reputation earned "elsewhere": a ledger row plus the cache, so a recount stays clean. */
export async function grantReputation(db: Database, userId: number, amount: number) {
  await db.insert(reputationEvents).values({
    userId,
    reason: "answer_accepted",
    delta: amount,
    createdAt: new Date(Date.now() - ACCOUNT_AGE_MS),
  });
  await db.update(users).set({ reputation: sql`${users.reputation} + ${amount}` }).where(eq(users.id, userId));
}

export async function reputationOf(db: Database, userId: number) {
  const [row] = await db.select({ reputation: users.reputation }).from(users).where(eq(users.id, userId));
  return row.reputation;
}

export async function makeQuestion(db: Database, authorId: number, title = `How do I export invoices ${randomBytes(3).toString("hex")}?`) {
  return askQuestion(db, { authorId, title, body: "I need all of last year's invoices as CSV for my accountant.", tags: ["exports", "invoices"] });
}

export async function makeAnswer(db: Database, authorId: number, questionId: number, body = "Go to Reports, then Export, and choose CSV.") {
  return postAnswer(db, { authorId, questionId, body });
}

export async function sessionCookieFor(db: Database, userId: number) {
  const session = await createSession(db, userId);
  return `${SESSION_COOKIE}=${session.token}`;
}

/** The emails queued for an address, newest first. */
export async function emailsTo(db: Database, address: string) {
  return db
    .select({ subject: emailOutbox.subject, text: emailOutbox.bodyText })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(desc(emailOutbox.id));
}

/** The newest sign-up link emailed to an address, as a path (`/signup/confirm?token=…`), and its token. */
export async function signUpLinkFor(db: Database, address: string) {
  for (const email of await emailsTo(db, address)) {
    const match = /https?:\/\/\S+?(\/signup\/confirm\?\S+)/.exec(email.text);
    if (match) return { path: match[1], token: new URL(match[1], "http://localhost").searchParams.get("token")! };
  }
  throw new Error(`no sign-up link was emailed to ${address}`);
}
