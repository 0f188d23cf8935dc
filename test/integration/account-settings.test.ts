import { and, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountTokens, comments, emailOutbox, loginDevices, notifications, posts, sessions, users } from "../../db/schema";
import * as confirmEmail from "~/routes/confirm-email";
import * as forgot from "~/routes/forgot-password";
import * as login from "~/routes/login";
import * as question from "~/routes/questions.$id.($slug)";
import * as profile from "~/routes/users.$id.($slug)";
import * as settings from "~/routes/settings";
import * as exportRoute from "~/routes/settings_.export";
import * as signup from "~/routes/signup";
import {
  EMAIL_CHANGED_SUBJECT,
  EMAIL_CHANGE_REQUESTED_SUBJECT,
  EMAIL_CHANGE_SUBJECT,
  EMAIL_CHANGE_TAKEN_SUBJECT,
  requestEmailChange,
} from "~/services/account-settings.server";
import { NO_ACCOUNT_SUBJECT, PASSWORD_CHANGED_SUBJECT } from "~/services/account-recovery.server";
import { queueEmail } from "~/services/email.server";
import { rememberDevice } from "~/services/login-devices.server";
import { addComment } from "~/services/posting.server";
import { createSession, validateSessionToken } from "~/services/sessions.server";
import { castVote } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { TEST_PASSWORD, emailsTo, makeAnswer, makeQuestion, makeUser } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest, questionUrl, userUrl } from "../support/routes";

const t = useTestDatabase();
const CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function signedIn(userId: number, userAgent?: string, now = new Date()) {
  const session = await createSession(t.db, userId, now, { userAgent });
  return { token: session.token, cookie: `peerdesk_session=${session.token}` };
}

function post(cookie: string | undefined, fields: Record<string, string>) {
  return callRoute(() => settings.action({ request: formRequest("/settings", fields, cookie), params: {}, context: contextFor(t.db) }));
}

function page(cookie?: string) {
  return callRoute(() => settings.loader({ request: getRequest("/settings", cookie), params: {}, context: contextFor(t.db) }));
}

async function emailOf(userId: number) {
  const [row] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row.email;
}

async function emailLinkFor(address: string) {
  for (const email of await emailsTo(t.db, address)) {
    const match = /https?:\/\/\S+?(\/confirm-email\?\S+)/.exec(email.text);
    if (match) return { path: match[1], token: new URL(match[1], "http://localhost").searchParams.get("token")! };
  }
  throw new Error(`no email change link was emailed to ${address}`);
}

function confirm(token: string) {
  return callRoute(() => confirmEmail.action({ request: formRequest("/confirm-email", { token }), params: {}, context: contextFor(t.db) }));
}

describe("settings page", () => {
  it("is for signed-in members: anyone else is sent to log in and back", async () => {
    const result = await page();
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Fsettings");
    const download = await callRoute(() => exportRoute.loader({ request: getRequest("/settings/export"), params: {}, context: contextFor(t.db) }));
    expect(download.status).toBe(302);
    expect(download.location).toBe("/login?redirectTo=%2Fsettings%2Fexport");
    expect((await post(undefined, { intent: "signOutOthers" })).status).toBe(302);
  });
});

describe("change password", () => {
  it("needs the current password, then ends every other session and keeps this one", async () => {
    const user = await makeUser(t.db);
    const here = await signedIn(user.id, CHROME_ON_LINUX);
    const phone = await signedIn(user.id, SAFARI_ON_IPHONE);
    const tablet = await signedIn(user.id);

    const wrong = await post(here.cookie, { intent: "changePassword", currentPassword: "not my password", newPassword: "a new long password" });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ intent: "changePassword", errors: { currentPassword: "That is not your current password." } });
    expect(JSON.stringify(wrong.data.values)).not.toContain("password\":");
    expect(Object.keys(wrong.data.values)).toEqual(["intent"]);
    const short = await post(here.cookie, { intent: "changePassword", currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(short.data.errors).toEqual({ newPassword: "Password must be at least 8 characters." });
    expect(await validateSessionToken(t.db, phone.token)).not.toBeNull();

    const changed = await post(here.cookie, { intent: "changePassword", currentPassword: TEST_PASSWORD, newPassword: "a new long password" });
    expect(changed.status).toBe(200);
    expect(changed.data).toEqual({ ok: true, intent: "changePassword", message: "Your password is changed. 2 other devices were logged out." });
    expect(await validateSessionToken(t.db, here.token)).not.toBeNull();
    expect(await validateSessionToken(t.db, phone.token)).toBeNull();
    expect(await validateSessionToken(t.db, tablet.token)).toBeNull();
    expect((await emailsTo(t.db, user.email))[0].subject).toBe(PASSWORD_CHANGED_SUBJECT);
    const logIn = (password: string) =>
      callRoute(() => login.action({ request: formRequest("/login", { email: user.email, password }), params: {}, context: contextFor(t.db, "198.51.100.60") }));
    expect((await logIn(TEST_PASSWORD)).status).toBe(400);
    expect((await logIn("a new long password")).status).toBe(302);
  });

  it("counts wrong current passwords, so a stolen session cannot guess the password", async () => {
    const user = await makeUser(t.db);
    const here = await signedIn(user.id);
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(here.cookie, { intent: "changePassword", currentPassword: `guess number ${i}`, newPassword: "a new long password" })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
    // Even the right password waits now.
    expect((await post(here.cookie, { intent: "changePassword", currentPassword: TEST_PASSWORD, newPassword: "a new long password" })).status).toBe(429);
  });
});

describe("change email", () => {
  it("changes only when the link sent to the new address is used, once; both addresses hear of it", async () => {
    const user = await makeUser(t.db);
    const here = await signedIn(user.id);
    const asked = await post(here.cookie, { intent: "changeEmail", newEmail: "Moved.Here@Example.com", emailPassword: TEST_PASSWORD });
    expect(asked.status).toBe(200);
    expect(asked.data.message).toBe("We sent a link to moved.here@example.com. Your email changes when it is opened, within 24 hours.");
    expect(await emailOf(user.id)).toBe(user.email);
    expect((await emailsTo(t.db, user.email))[0].subject).toBe(EMAIL_CHANGE_REQUESTED_SUBJECT);
    expect((await emailsTo(t.db, "moved.here@example.com"))[0].subject).toBe(EMAIL_CHANGE_SUBJECT);
    const link = await emailLinkFor("moved.here@example.com");
    const [stored] = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(stored).toMatchObject({ purpose: "email_change", newEmail: "moved.here@example.com", usedAt: null });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);
    expect(stored.tokenHash).not.toContain(link.token);

    // Opening the link changes nothing.
    for (let i = 0; i < 2; i++) {
      const opened = await callRoute(() => confirmEmail.loader({ request: getRequest(link.path), params: {}, context: contextFor(t.db) }));
      expect(opened.data).toEqual({ pending: { newEmail: "moved.here@example.com" } });
    }
    expect(await emailOf(user.id)).toBe(user.email);

    const used = await confirm(link.token);
    expect(used.status).toBe(200);
    expect(used.data).toEqual({ ok: true, newEmail: "moved.here@example.com" });
    expect(await emailOf(user.id)).toBe("moved.here@example.com");
    expect((await emailsTo(t.db, user.email))[0].subject).toBe(EMAIL_CHANGED_SUBJECT);

    const again = await confirm(link.token);
    expect(again.status).toBe(400);
    expect(again.data.errors.form).toMatch(/expired or has already been used/);
    const dead = await callRoute(() => confirmEmail.loader({ request: getRequest(link.path), params: {}, context: contextFor(t.db) }));
    expect(dead.status).toBe(404);
  });

  it("answers the same when the new address belongs to another account, and changes nothing", async () => {
    const user = await makeUser(t.db);
    const other = await makeUser(t.db);
    const here = await signedIn(user.id);
    const free = await post(here.cookie, { intent: "changeEmail", newEmail: "free-address@example.com", emailPassword: TEST_PASSWORD });
    const taken = await post(here.cookie, { intent: "changeEmail", newEmail: other.email, emailPassword: TEST_PASSWORD });
    expect(taken.status).toBe(free.status);
    expect(taken.data).toEqual({ ...free.data, message: free.data.message.replace("free-address@example.com", other.email) });
    const [note] = await emailsTo(t.db, other.email);
    expect(note.subject).toBe(EMAIL_CHANGE_TAKEN_SUBJECT);
    expect(note.text).not.toContain("/confirm-email");
    expect(await t.db.select().from(accountTokens).where(eq(accountTokens.newEmail, other.email))).toEqual([]);
    expect(await emailOf(user.id)).toBe(user.email);
    expect(await emailOf(other.id)).toBe(other.email);
  });

  it("refuses, with a clear message, when the address was taken between the request and the link", async () => {
    const user = await makeUser(t.db);
    const here = await signedIn(user.id);
    await post(here.cookie, { intent: "changeEmail", newEmail: "contested@example.com", emailPassword: TEST_PASSWORD });
    const link = await emailLinkFor("contested@example.com");
    const quicker = await makeUser(t.db);
    await t.db.update(users).set({ email: "contested@example.com" }).where(eq(users.id, quicker.id));
    const refused = await confirm(link.token);
    expect(refused.status).toBe(400);
    expect(refused.data.errors.form).toBe("Another account now uses contested@example.com, so your email was not changed. Choose another address from your settings.");
    expect(await emailOf(user.id)).toBe(user.email);
  });

  it("a link older than a day, the current address, or a wrong password change nothing", async () => {
    const user = await makeUser(t.db);
    const here = await signedIn(user.id);
    await requestEmailChange(t.db, { userId: user.id, newEmail: "too-late@example.com", currentPassword: TEST_PASSWORD }, new Date(Date.now() - 25 * 60 * 60 * 1000));
    const late = await confirm((await emailLinkFor("too-late@example.com")).token);
    expect(late.status).toBe(400);
    expect(await emailOf(user.id)).toBe(user.email);
    const same = await post(here.cookie, { intent: "changeEmail", newEmail: user.email, emailPassword: TEST_PASSWORD });
    expect(same.data.errors).toEqual({ newEmail: "That is already your email." });
    const wrong = await post(here.cookie, { intent: "changeEmail", newEmail: "elsewhere@example.com", emailPassword: "not it at all" });
    expect(wrong.data.errors).toEqual({ emailPassword: "That is not your current password." });
    expect(await emailsTo(t.db, "elsewhere@example.com")).toEqual([]);
  });
});

describe("sessions", () => {
  it("lists each session with its browser, marks this one, and signs out one or all the others", async () => {
    const user = await makeUser(t.db);
    const stranger = await makeUser(t.db);
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    const here = await signedIn(user.id, CHROME_ON_LINUX);
    const phone = await signedIn(user.id, SAFARI_ON_IPHONE, hourAgo);
    const old = await signedIn(user.id, undefined, hourAgo);
    const strangers = await signedIn(stranger.id);

    const listed = await page(here.cookie);
    expect(listed.status).toBe(200);
    const rows = listed.data.sessions as { id: string; browser: string; current: boolean; lastSeenAt: Date }[];
    expect(rows.map((row) => [row.browser, row.current])).toEqual([
      ["Chrome on Linux", true],
      ["Safari on iOS", false],
      ["Unknown browser", false],
    ]);
    expect(JSON.stringify(rows)).not.toContain(here.token);

    // Someone else's session id ends nothing.
    const [strangerRow] = await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, stranger.id));
    const notMine = await post(here.cookie, { intent: "signOutSession", sessionId: strangerRow.id });
    expect(notMine.data.message).toBe("That session had already ended.");
    expect(await validateSessionToken(t.db, strangers.token)).not.toBeNull();
    expect((await post(here.cookie, { intent: "signOutSession", sessionId: "not-an-id" })).status).toBe(400);

    const one = await post(here.cookie, { intent: "signOutSession", sessionId: rows[1].id });
    expect(one.data.message).toBe("That session is logged out.");
    expect(await validateSessionToken(t.db, phone.token)).toBeNull();
    expect(await validateSessionToken(t.db, old.token)).not.toBeNull();

    const rest = await post(here.cookie, { intent: "signOutOthers" });
    expect(rest.data.message).toBe("Logged out everywhere else (1 session).");
    expect(await validateSessionToken(t.db, old.token)).toBeNull();
    expect(await validateSessionToken(t.db, here.token)).not.toBeNull();
    expect(await validateSessionToken(t.db, strangers.token)).not.toBeNull();
  });

  it("records when a session was last seen, at most every five minutes", async () => {
    const user = await makeUser(t.db);
    const start = new Date(Date.now() - 60 * 60 * 1000);
    const session = await signedIn(user.id, CHROME_ON_LINUX, start);
    const lastSeen = async () => (await t.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.userId, user.id)))[0].at?.getTime();
    expect(await lastSeen()).toBe(start.getTime());
    await validateSessionToken(t.db, session.token, new Date(start.getTime() + 4 * 60 * 1000));
    expect(await lastSeen()).toBe(start.getTime());
    const later = new Date(start.getTime() + 6 * 60 * 1000);
    await validateSessionToken(t.db, session.token, later);
    expect(await lastSeen()).toBe(later.getTime());
    const [row] = await t.db.select({ userAgent: sessions.userAgent }).from(sessions).where(eq(sessions.userId, user.id));
    expect(row.userAgent).toBe(CHROME_ON_LINUX);
  });
});

/** A member with a question, an answer on someone else's question, a comment, a vote and reputation. */
async function activeMember() {
  const user = await makeUser(t.db, { reputation: 60 });
  const other = await makeUser(t.db);
  const own = await makeQuestion(t.db, user.id, "How do I export invoices for my accountant?");
  const theirs = await makeQuestion(t.db, other.id);
  const answer = await makeAnswer(t.db, user.id, theirs.id, "Open Reports, choose Export, then pick CSV for the year.");
  await addComment(t.db, { authorId: user.id, postId: theirs.id, body: "Which plan are you on, by the way?" });
  await castVote(t.db, { voterId: user.id, postId: theirs.id, direction: "up" });
  return { user, other, own, theirs, answer };
}

describe("download my data", () => {
  it("is a JSON attachment with the profile, posts with bodies, comments, votes and reputation, and no password hash", async () => {
    const { user, own, theirs, answer } = await activeMember();
    const here = await signedIn(user.id);
    const download = await callRoute(() => exportRoute.loader({ request: getRequest("/settings/export", here.cookie), params: {}, context: contextFor(t.db) }));
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(download.headers.get("Content-Disposition")).toBe(`attachment; filename="peerdesk-data-${user.id}.json"`);
    expect(download.headers.get("Cache-Control")).toMatch(/no-store/);
    const exported = download.data;
    expect(exported.profile).toMatchObject({ id: user.id, email: user.email, displayName: user.displayName });
    expect(exported.questions).toEqual([expect.objectContaining({ id: own.id, title: "How do I export invoices for my accountant?", body: expect.stringContaining("CSV") })]);
    expect(exported.answers).toEqual([expect.objectContaining({ id: answer.id, questionId: theirs.id, body: "Open Reports, choose Export, then pick CSV for the year." })]);
    expect(exported.comments).toEqual([expect.objectContaining({ postId: theirs.id, body: "Which plan are you on, by the way?" })]);
    expect(exported.votes).toEqual([expect.objectContaining({ postId: theirs.id, value: 1, direction: "up" })]);
    expect(exported.reputationEvents.length).toBeGreaterThan(0);
    const text = JSON.stringify(exported);
    expect(text).not.toMatch(/passwordHash|password_hash|\$argon2/);
  });
});

describe("delete my account", () => {
  it("needs the password and the typed confirmation, then scrubs the member and keeps their posts under the placeholder", async () => {
    const { user, own, theirs, answer } = await activeMember();
    await t.db.update(users).set({ bio: "Bookkeeper in Leeds", location: "Leeds", website: "https://example.com/me" }).where(eq(users.id, user.id));
    const here = await signedIn(user.id, CHROME_ON_LINUX);
    const elsewhere = await signedIn(user.id);
    await rememberDevice(t.db, user.id, null);
    await t.db.insert(notifications).values({ userId: user.id, kind: "promoted", message: "Your answer was promoted." });
    await requestEmailChange(t.db, { userId: user.id, newEmail: "next-address@example.com", currentPassword: TEST_PASSWORD });
    await queueEmail(t.db, { to: user.email, subject: "Not sent yet", text: "Pending mail." });

    const unconfirmed = await post(here.cookie, { intent: "deleteAccount", deletePassword: TEST_PASSWORD, confirmation: "yes" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.errors).toEqual({ confirmation: 'Type "delete my account" to confirm.' });
    const wrong = await post(here.cookie, { intent: "deleteAccount", deletePassword: "not the password", confirmation: "delete my account" });
    expect(wrong.data.errors).toEqual({ deletePassword: "That is not your current password." });
    expect(await emailOf(user.id)).toBe(user.email);

    const deleted = await post(here.cookie, { intent: "deleteAccount", deletePassword: TEST_PASSWORD, confirmation: " Delete my account " });
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe("/settings/deleted");
    expect(deleted.headers.get("Set-Cookie")).toMatch(/^peerdesk_session=;.*Max-Age=0/);

    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({
      email: `deleted-${user.id}@invalid`,
      displayName: `Former member ${user.id}`,
      passwordHash: "",
      bio: null,
      location: null,
      website: null,
      role: "customer",
    });
    expect(row.deletedAt).toBeInstanceOf(Date);
    for (const table of [sessions, accountTokens, loginDevices, notifications] as const) {
      expect(await t.db.select().from(table).where(eq(table.userId, user.id))).toEqual([]);
    }
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email))).toEqual([]);
    expect(await validateSessionToken(t.db, elsewhere.token)).toBeNull();

    // The posts and comment stay, credited to the placeholder, and their pages work.
    const kept = await t.db.select({ id: posts.id, authorId: posts.authorId, deletedAt: posts.deletedAt }).from(posts).where(eq(posts.authorId, user.id));
    expect(kept.map((p) => p.id).sort()).toEqual([own.id, answer.id].sort());
    expect(kept.every((p) => p.deletedAt === null)).toBe(true);
    expect(await t.db.select().from(comments).where(eq(comments.authorId, user.id))).toHaveLength(1);
    for (const id of [own.id, theirs.id]) {
      const thread = await callRoute(async () => question.loader({ request: getRequest(await questionUrl(t.db, id)), params: { id: String(id) }, context: contextFor(t.db) }));
      expect(thread.status).toBe(200);
      expect(JSON.stringify(thread.data)).toContain(`Former member ${user.id}`);
      expect(JSON.stringify(thread.data)).not.toContain(user.displayName);
    }
    const shown = await callRoute(async () => profile.loader({ request: getRequest(await userUrl(t.db, user.id)), params: { id: String(user.id) }, context: contextFor(t.db) }));
    expect(shown.status).toBe(200);
    expect(shown.data.user).toMatchObject({ displayName: `Former member ${user.id}` });
    expect(shown.data.user.deletedAt).not.toBeNull();
    expect(JSON.stringify(shown.data)).not.toContain(user.email);

    // Nobody can log in as them; their old address is free and unknown.
    const logIn = await callRoute(() => login.action({ request: formRequest("/login", { email: user.email, password: TEST_PASSWORD }), params: {}, context: contextFor(t.db, "198.51.100.70") }));
    expect(logIn.status).toBe(400);
    await callRoute(() => forgot.action({ request: formRequest("/forgot-password", { email: user.email }), params: {}, context: contextFor(t.db, "198.51.100.71") }));
    expect((await emailsTo(t.db, user.email))[0].subject).toBe(NO_ACCOUNT_SUBJECT);
    expect((await page(here.cookie)).status).toBe(302);
  });

  it("nobody can take a placeholder name", async () => {
    const result = await callRoute(() =>
      signup.action({ request: formRequest("/signup", { email: "poser@example.com", displayName: "Former Member 1", password: "a good long password" }), params: {}, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({ displayName: "That display name is reserved." });
  });
});

describe("the last admin", () => {
  it("cannot delete their account while no other admin exists; once another is made admin, they can", async () => {
    const first = await makeUser(t.db, { role: "admin" });
    // This file's earlier tests may have made admins: the community is left with exactly one.
    await t.db.update(users).set({ role: "customer" }).where(and(eq(users.role, "admin"), ne(users.id, first.id)));
    const here = await signedIn(first.id);

    const refused = await post(here.cookie, { intent: "deleteAccount", deletePassword: TEST_PASSWORD, confirmation: "delete my account" });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.data)).toContain("You are the only admin.");
    const [kept] = await t.db.select({ role: users.role, deletedAt: users.deletedAt }).from(users).where(eq(users.id, first.id));
    expect(kept).toEqual({ role: "admin", deletedAt: null });

    const second = await makeUser(t.db, { role: "admin" });
    const deleted = await post(here.cookie, { intent: "deleteAccount", deletePassword: TEST_PASSWORD, confirmation: "delete my account" });
    expect(deleted.status).toBe(302);
    // The one left is now the last, and is refused in turn.
    const secondSession = await signedIn(second.id);
    const last = await post(secondSession.cookie, { intent: "deleteAccount", deletePassword: TEST_PASSWORD, confirmation: "delete my account" });
    expect(last.status).toBe(409);
  });
});
