// Password reset by emailed link. The form answers the same whether or not the email has an
// account, and both answers do the same work (one email queued): the reset link to an owner, a
// note saying there is no account to anyone else. Tokens are random, kept only as a SHA-256,
// work once and for an hour; using one spends every reset link of that account.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accountTokens, sessions, users } from "../../db/schema";
import { PASSWORD_RESET_LINK_MINUTES, RESET_LINK_NO_LONGER_WORKS } from "~/domain/accounts";
import { forgotPasswordPath, resetPasswordPath } from "~/lib/paths";
import { publicUrl, queueEmail } from "./email.server";
import { InvalidInputError } from "./errors";
import { RATE_LIMITS, hitRateLimit } from "./rate-limits.server";
import { generateSessionToken, tokenHash } from "./sessions.server";
import { hashPassword } from "./users.server";

export const PASSWORD_RESET_SUBJECT = "Reset your Peerdesk password";
export const NO_ACCOUNT_SUBJECT = "Peerdesk password reset: no account with this email";
export const PASSWORD_CHANGED_SUBJECT = "Your Peerdesk password was changed";

/** From /forgot-password: limited per address and per email; queues exactly one email either way. */
export async function requestPasswordReset(db: Database, input: { email: string; clientIp: string }, now = new Date()) {
  await hitRateLimit(db, `reset:ip:${input.clientIp}`, RATE_LIMITS.passwordResetPerIp, now, "Too many password reset requests from your network. Please try again later.");
  await hitRateLimit(db, `reset:account:${input.email}`, RATE_LIMITS.passwordResetPerAccount, now, "Too many password reset requests for this email. Please try again later.");
  const token = generateSessionToken();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), isNull(users.deletedAt)));
    if (!user) {
      await queueEmail(tx, { to: input.email, subject: NO_ACCOUNT_SUBJECT, text: noAccountText() }, now);
      return;
    }
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LINK_MINUTES * 60 * 1000);
    await tx.insert(accountTokens).values({ purpose: "password_reset", userId: user.id, tokenHash: tokenHash(token), createdAt: now, expiresAt });
    await queueEmail(tx, { to: input.email, subject: PASSWORD_RESET_SUBJECT, text: resetText(publicUrl(resetPasswordPath(token))) }, now);
  });
}

function resetText(link: string) {
  return `Hello,\n\nSomeone (we hope you) asked to reset the password of the Peerdesk account with this email address. To choose a new password, open this link within ${PASSWORD_RESET_LINK_MINUTES} minutes:\n\n${link}\n\nIt works once. If you did not ask, ignore this email: your password stays as it is.\n`;
}

function noAccountText() {
  return `Hello,\n\nSomeone (perhaps you) asked to reset a Peerdesk password for this email address, but no account uses it. If you have an account, it may be under another address. To create one:\n\n${publicUrl("/signup")}\n\nIf it was not you, you can ignore this email.\n`;
}

function passwordChangedText() {
  return `Hello,\n\nThe password of your Peerdesk account was just changed, and every device logged in to it was logged out. If that was not you, reset your password at once:\n\n${publicUrl(forgotPasswordPath)}\n`;
}

/** For the page behind the link: whether it still works. Uses nothing up (mail scanners open links). */
export async function passwordResetLinkWorks(db: Database, token: string, now = new Date()) {
  const [row] = await db
    .select({ expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt, deletedAt: users.deletedAt })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, tokenHash(token)), eq(accountTokens.purpose, "password_reset")));
  return Boolean(row && !row.usedAt && !row.deletedAt && row.expiresAt.getTime() > now.getTime());
}

/**
 * The new password from the page behind the link: in one transaction the password is set, every
 * reset link of the account spent and every session ended (whoever knew the old password is out).
 * Returns the user, for the route to sign them in afresh.
 */
export async function resetPassword(db: Database, input: { token: string; password: string }, now = new Date()) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ userId: accountTokens.userId, expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt })
      .from(accountTokens)
      .where(and(eq(accountTokens.tokenHash, tokenHash(input.token)), eq(accountTokens.purpose, "password_reset")))
      .for("update");
    if (!link || link.usedAt || link.expiresAt.getTime() <= now.getTime()) throw new InvalidInputError({ form: RESET_LINK_NO_LONGER_WORKS });
    const [user] = await tx.select({ id: users.id, email: users.email, deletedAt: users.deletedAt }).from(users).where(eq(users.id, link.userId)).for("update");
    if (!user || user.deletedAt) throw new InvalidInputError({ form: RESET_LINK_NO_LONGER_WORKS });
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, "password_reset"), isNull(accountTokens.usedAt)));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await queueEmail(tx, { to: user.email, subject: PASSWORD_CHANGED_SUBJECT, text: passwordChangedText() }, now);
    return { id: user.id };
  });
}
