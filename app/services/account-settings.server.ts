// What a signed-in member changes about their own account: password, email (confirmed at the new
// address), their sessions, a copy of their data, and deleting the account. Every change that
// needs the current password checks it first, outside the transaction, so a wrong guess is
// counted even though the change itself is refused.
import { verify } from "@node-rs/argon2";
import { and, asc, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  accountTokens,
  comments,
  emailOutbox,
  loginDevices,
  notifications,
  questionFollows,
  tagFollows,
  posts,
  rateLimits,
  reputationEvents,
  sessions,
  signupRequests,
  users,
  votes,
} from "../../db/schema";
import { EMAIL_CHANGE_LINK_HOURS, formerMemberName, scrubbedEmail } from "~/domain/accounts";
import { confirmEmailPath, forgotPasswordPath, settingsPath } from "~/lib/paths";
import { PASSWORD_CHANGED_SUBJECT } from "./account-recovery.server";
import { publicUrl, queueEmail } from "./email.server";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { RATE_LIMITS, hitRateLimit } from "./rate-limits.server";
import { generateSessionToken, invalidateOtherSessions, tokenHash } from "./sessions.server";
import { isUniqueViolation } from "./unique-violation.server";
import { hashPassword } from "./users.server";

export const EMAIL_CHANGE_SUBJECT = "Confirm your new Peerdesk email";
export const EMAIL_CHANGE_TAKEN_SUBJECT = "Someone tried to move a Peerdesk account to this email";
export const EMAIL_CHANGE_REQUESTED_SUBJECT = "A change of your Peerdesk email was requested";
export const EMAIL_CHANGED_SUBJECT = "Your Peerdesk email was changed";
export const EMAIL_LINK_NO_LONGER_WORKS = "This link has expired or has already been used. Ask for a new one from your settings.";

const WRONG_PASSWORD = "That is not your current password.";

/** Counts the try (per member, so a stolen session is no password oracle), then checks the password. */
async function requireCurrentPassword(db: Database, userId: number, password: string, field: string, now: Date) {
  await hitRateLimit(db, `password-check:${userId}`, RATE_LIMITS.passwordChecksPerUser, now, "Too many password attempts. Please wait a few minutes and try again.");
  const [user] = await db.select({ passwordHash: users.passwordHash, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId));
  if (!user || user.deletedAt) throw new NotFoundError("That account");
  const ok = await verify(user.passwordHash, password).catch(() => false);
  if (!ok) throw new InvalidInputError({ [field]: WRONG_PASSWORD });
}

/** The settings page's facts about the member (sessions are listed by sessions.server). */
export async function getAccountSettings(db: Database, userId: number) {
  const [user] = await db.select({ id: users.id, email: users.email, displayName: users.displayName }).from(users).where(eq(users.id, userId));
  if (!user) throw new NotFoundError("That account");
  return user;
}

/**
 * A new password: every other session ends (whoever else was signed in knew the old one), the
 * current one stays, unused reset links are spent, and the owner's inbox hears of it.
 */
export async function changePassword(db: Database, input: { userId: number; currentPassword: string; newPassword: string; keepToken: string | null }, now = new Date()) {
  await requireCurrentPassword(db, input.userId, input.currentPassword, "currentPassword", now);
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId)).returning({ email: users.email });
    await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.userId, input.userId), eq(accountTokens.purpose, "password_reset"), isNull(accountTokens.usedAt)));
    const endedSessions = await invalidateOtherSessions(tx, input.userId, input.keepToken);
    await queueEmail(
      tx,
      {
        to: user.email,
        subject: PASSWORD_CHANGED_SUBJECT,
        text: `Hello,\n\nThe password of your Peerdesk account was just changed from its settings page, and every other device logged in to it was logged out. If that was not you, reset your password at once:\n\n${publicUrl(forgotPasswordPath)}\n`,
      },
      now,
    );
    return { endedSessions };
  });
}

/**
 * Asks to move the account to another email. The same answer whether or not the new address has
 * an account: a link to it if free, a note to it if taken (the account stays as it is). The
 * current address is told either way. The email changes only when the link is used.
 */
export async function requestEmailChange(db: Database, input: { userId: number; newEmail: string; currentPassword: string }, now = new Date()) {
  await requireCurrentPassword(db, input.userId, input.currentPassword, "emailPassword", now);
  await hitRateLimit(db, `email-change:${input.userId}`, RATE_LIMITS.emailChangesPerUser, now, "Too many email changes asked for. Please try again later.");
  const token = generateSessionToken();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId)).for("update");
    if (user.email === input.newEmail) throw new InvalidInputError({ newEmail: "That is already your email." });
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.newEmail));
    if (taken) {
      await queueEmail(tx, { to: input.newEmail, subject: EMAIL_CHANGE_TAKEN_SUBJECT, text: emailTakenText() }, now);
    } else {
      const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_LINK_HOURS * 60 * 60 * 1000);
      await tx.insert(accountTokens).values({ purpose: "email_change", userId: input.userId, tokenHash: tokenHash(token), newEmail: input.newEmail, createdAt: now, expiresAt });
      await queueEmail(tx, { to: input.newEmail, subject: EMAIL_CHANGE_SUBJECT, text: confirmNewEmailText(publicUrl(confirmEmailPath(token))) }, now);
    }
    await queueEmail(tx, { to: user.email, subject: EMAIL_CHANGE_REQUESTED_SUBJECT, text: changeRequestedText(input.newEmail) }, now);
  });
}

function confirmNewEmailText(link: string) {
  return `Hello,\n\nTo make this address the email of your Peerdesk account, open this link within ${EMAIL_CHANGE_LINK_HOURS} hours and choose "Use this email":\n\n${link}\n\nIt works once. If you did not ask for this, ignore this email: nothing changes without that step.\n`;
}

function emailTakenText() {
  return `Hello,\n\nSomeone asked to move their Peerdesk account to this email address, but it already belongs to an account, so nothing was changed. To log in:\n\n${publicUrl("/login")}\n\nIf it was not you, you can ignore this email.\n`;
}

function changeRequestedText(newEmail: string) {
  return `Hello,\n\nSomeone logged in to your Peerdesk account asked to change its email to ${newEmail}. It changes only if the link sent there is used.\n\nIf that was not you, change your password now (settings: ${publicUrl(settingsPath("password"))}), or reset it: ${publicUrl(forgotPasswordPath)}\n`;
}

async function liveEmailChange(db: Database, token: string, now: Date, lock: boolean) {
  const query = db
    .select({ id: accountTokens.id, userId: accountTokens.userId, newEmail: accountTokens.newEmail, expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, tokenHash(token)), eq(accountTokens.purpose, "email_change")));
  const [link] = lock ? await query.for("update") : await query;
  if (!link || !link.newEmail || link.usedAt || link.expiresAt.getTime() <= now.getTime()) return null;
  return { ...link, newEmail: link.newEmail };
}

/** For the page behind the link: the address it would switch to, or null. Uses nothing up. */
export async function findEmailChange(db: Database, token: string, now = new Date()) {
  const link = await liveEmailChange(db, token, now, false);
  return link ? { newEmail: link.newEmail } : null;
}

/** The button behind the link: the email changes now, unless another account took the address meanwhile. */
export async function confirmEmailChange(db: Database, input: { token: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const link = await liveEmailChange(tx, input.token, now, true);
    if (!link) throw new InvalidInputError({ form: EMAIL_LINK_NO_LONGER_WORKS });
    const [user] = await tx.select({ email: users.email, deletedAt: users.deletedAt }).from(users).where(eq(users.id, link.userId)).for("update");
    if (!user || user.deletedAt) throw new InvalidInputError({ form: EMAIL_LINK_NO_LONGER_WORKS });
    const takenMessage = `Another account now uses ${link.newEmail}, so your email was not changed. Choose another address from your settings.`;
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, link.newEmail));
    if (taken) throw new InvalidInputError({ form: takenMessage });
    try {
      await tx.update(users).set({ email: link.newEmail }).where(eq(users.id, link.userId));
    } catch (error) {
      if (isUniqueViolation(error, "users_email_unique")) throw new InvalidInputError({ form: takenMessage });
      throw error;
    }
    await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.userId, link.userId), eq(accountTokens.purpose, "email_change"), isNull(accountTokens.usedAt)));
    await queueEmail(
      tx,
      {
        to: user.email,
        subject: EMAIL_CHANGED_SUBJECT,
        text: `Hello,\n\nThe email of your Peerdesk account was changed to ${link.newEmail}; this address no longer receives its mail. If that was not you, reply to this email at once.\n`,
      },
      now,
    );
    return { userId: link.userId, newEmail: link.newEmail };
  });
}

/** Everything the member has put in, for "Download my data" (never the password hash). */
export async function exportAccountData(db: Database, userId: number, now = new Date()) {
  const [profile] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      reputation: users.reputation,
      createdAt: users.createdAt,
      bio: users.bio,
      location: users.location,
      website: users.website,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!profile) throw new NotFoundError("That account");
  const ownPosts = await db
    .select({
      id: posts.id,
      type: posts.type,
      questionId: posts.questionId,
      title: posts.title,
      tags: posts.tags,
      body: posts.bodyMarkdown,
      score: posts.score,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
    })
    .from(posts)
    .where(eq(posts.authorId, userId))
    .orderBy(asc(posts.createdAt), asc(posts.id));
  const ownComments = await db
    .select({ id: comments.id, postId: comments.postId, body: comments.body, createdAt: comments.createdAt, deletedAt: comments.deletedAt })
    .from(comments)
    .where(eq(comments.authorId, userId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const ownVotes = await db
    .select({ postId: votes.postId, value: votes.value, createdAt: votes.createdAt })
    .from(votes)
    .where(eq(votes.voterId, userId))
    .orderBy(asc(votes.createdAt), asc(votes.postId));
  const reputation = await db
    .select({ id: reputationEvents.id, reason: reputationEvents.reason, delta: reputationEvents.delta, postId: reputationEvents.postId, reversesId: reputationEvents.reversesId, createdAt: reputationEvents.createdAt })
    .from(reputationEvents)
    .where(eq(reputationEvents.userId, userId))
    .orderBy(asc(reputationEvents.createdAt), asc(reputationEvents.id));
  return {
    exportedAt: now,
    profile,
    questions: ownPosts.filter((post) => post.type === "question").map(({ type: _type, questionId: _questionId, ...question }) => question),
    answers: ownPosts.filter((post) => post.type === "answer").map(({ type: _type, title: _title, tags: _tags, ...answer }) => answer),
    comments: ownComments,
    votes: ownVotes.map((vote) => ({ ...vote, direction: vote.value > 0 ? "up" : "down" })),
    reputationEvents: reputation,
  };
}

/**
 * Deletes the account but keeps what it wrote: posts and comments stay, under "Former member N".
 * Everything personal goes: email (a unique undeliverable placeholder), password (no hash, so no
 * login), profile text, sessions, emailed links, known devices, notifications, mail not yet sent,
 * pending sign-ups and rate-limit counters keyed by the address.
 */
export async function deleteAccount(db: Database, input: { userId: number; currentPassword: string }, now = new Date()) {
  await requireCurrentPassword(db, input.userId, input.currentPassword, "deletePassword", now);
  await db.transaction(async (tx) => {
    await refuseIfLastAdmin(tx, input.userId);
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId)).for("update");
    await tx
      .update(users)
      .set({
        deletedAt: now,
        email: scrubbedEmail(input.userId),
        displayName: formerMemberName(input.userId),
        // argon2 cannot verify an empty hash, so no password ever matches it.
        passwordHash: "",
        role: "customer",
        bio: null,
        location: null,
        website: null,
      })
      .where(eq(users.id, input.userId));
    await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    await tx.delete(accountTokens).where(eq(accountTokens.userId, input.userId));
    await tx.delete(loginDevices).where(eq(loginDevices.userId, input.userId));
    await tx.delete(notifications).where(eq(notifications.userId, input.userId));
    await tx.delete(questionFollows).where(eq(questionFollows.userId, input.userId));
    await tx.delete(tagFollows).where(eq(tagFollows.userId, input.userId));
    await tx.delete(emailOutbox).where(and(eq(emailOutbox.toAddress, user.email), isNull(emailOutbox.sentAt)));
    await tx.delete(signupRequests).where(eq(signupRequests.email, user.email));
    const keys = [`login:account:${user.email}`, `signup:account:${user.email}`, `reset:account:${user.email}`];
    await tx.delete(rateLimits).where(or(inArray(rateLimits.key, keys), like(rateLimits.key, sql`${`login:account-ip:${escapeLike(user.email)}:`} || '%'`)));
  });
}

const LAST_ADMIN_MESSAGE = "You are the only admin. Make another member an admin (npm run user:role) before deleting your account, or nobody could manage staff.";

/**
 * The community must keep an admin. Every live admin row is locked in id order first, so two
 * admins deleting themselves at once are serialised (one succeeds, the other is refused) and
 * cannot deadlock on each other's rows.
 */
async function refuseIfLastAdmin(tx: Database, userId: number) {
  const [me] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (me?.role !== "admin") return;
  const admins = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), isNull(users.deletedAt))).orderBy(users.id).for("update");
  if (admins.length <= 1) throw new ConflictError(LAST_ADMIN_MESSAGE);
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
