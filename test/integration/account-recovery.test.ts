import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountTokens, sessions, users } from "../../db/schema";
import * as forgot from "~/routes/forgot-password";
import * as login from "~/routes/login";
import * as reset from "~/routes/reset-password";
import { NO_ACCOUNT_SUBJECT, PASSWORD_CHANGED_SUBJECT, PASSWORD_RESET_SUBJECT, requestPasswordReset } from "~/services/account-recovery.server";
import { tokenHash, validateSessionToken } from "~/services/sessions.server";
import { useTestDatabase } from "../support/databases";
import { TEST_PASSWORD, emailsTo, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();
const NEW_PASSWORD = "a brand new passphrase";

function askForReset(email: string, clientIp = "198.51.100.20") {
  return callRoute(() => forgot.action({ request: formRequest("/forgot-password", { email }), params: {}, context: contextFor(t.db, clientIp) }));
}

function openLink(path: string) {
  return callRoute(() => reset.loader({ request: getRequest(path), params: {}, context: contextFor(t.db) }));
}

function chooseNewPassword(token: string, password: string) {
  return callRoute(() => reset.action({ request: formRequest("/reset-password", { token, password }), params: {}, context: contextFor(t.db) }));
}

function logIn(email: string, password: string, clientIp = "198.51.100.29") {
  return callRoute(() => login.action({ request: formRequest("/login", { email, password }), params: {}, context: contextFor(t.db, clientIp) }));
}

/** The newest reset link emailed to an address, as a path and its token. */
async function resetLinkFor(address: string) {
  for (const email of await emailsTo(t.db, address)) {
    const match = /https?:\/\/\S+?(\/reset-password\?\S+)/.exec(email.text);
    if (match) return { path: match[1], token: new URL(match[1], "http://localhost").searchParams.get("token")! };
  }
  throw new Error(`no reset link was emailed to ${address}`);
}

function tokenOf(cookieHeader: string | null) {
  return decodeURIComponent((cookieHeader ?? "").split(";")[0].split("=")[1] ?? "");
}

describe("password reset", () => {
  it("emails a one-hour link; the new password works, the old one and every old session do not; the link works once", async () => {
    const user = await makeUser(t.db);
    const phone = (await sessionCookieFor(t.db, user.id)).split("=")[1];
    const laptop = (await sessionCookieFor(t.db, user.id)).split("=")[1];

    const asked = await askForReset(user.email.toUpperCase());
    expect(asked.status).toBe(200);
    expect(asked.data).toEqual({ ok: true, sentTo: user.email, linkMinutes: 60 });
    const [email] = await emailsTo(t.db, user.email);
    expect(email.subject).toBe(PASSWORD_RESET_SUBJECT);
    const link = await resetLinkFor(user.email);
    expect(link.path).toMatch(/^\/reset-password\?token=[a-z0-9]{32}$/);
    const [stored] = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(stored).toMatchObject({ purpose: "password_reset", tokenHash: tokenHash(link.token), usedAt: null });
    expect(stored.tokenHash).not.toContain(link.token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(60 * 60 * 1000);

    // A mail scanner opening the link (twice) spends nothing.
    for (let i = 0; i < 2; i++) expect((await openLink(link.path)).data).toEqual({ works: true });

    const done = await chooseNewPassword(link.token, NEW_PASSWORD);
    expect(done.status).toBe(302);
    expect(done.location).toBe("/");
    const fresh = tokenOf(done.headers.get("Set-Cookie"));
    expect((await validateSessionToken(t.db, fresh))?.user.id).toBe(user.id);
    expect(await validateSessionToken(t.db, phone)).toBeNull();
    expect(await validateSessionToken(t.db, laptop)).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
    expect((await emailsTo(t.db, user.email))[0].subject).toBe(PASSWORD_CHANGED_SUBJECT);

    expect((await logIn(user.email, TEST_PASSWORD)).status).toBe(400);
    expect((await logIn(user.email, NEW_PASSWORD)).status).toBe(302);

    const again = await chooseNewPassword(link.token, "yet another passphrase");
    expect(again.status).toBe(400);
    expect(again.data.errors.form).toMatch(/expired or has already been used/);
    const dead = await openLink(link.path);
    expect(dead.status).toBe(404);
    expect(dead.data).toEqual({ works: false });
    expect((await logIn(user.email, NEW_PASSWORD)).status).toBe(302);
  });

  it("using one link spends every other reset link of the account", async () => {
    const user = await makeUser(t.db);
    await askForReset(user.email, "198.51.100.21");
    const first = await resetLinkFor(user.email);
    await askForReset(user.email, "198.51.100.21");
    const second = await resetLinkFor(user.email);
    expect(second.token).not.toBe(first.token);
    expect((await chooseNewPassword(second.token, NEW_PASSWORD)).status).toBe(302);
    expect((await chooseNewPassword(first.token, "someone else's choice")).status).toBe(400);
    expect((await logIn(user.email, NEW_PASSWORD, "198.51.100.30")).status).toBe(302);
  });

  it("a link older than an hour, or unknown, or malformed, is a clear 4xx and changes nothing", async () => {
    const user = await makeUser(t.db);
    await requestPasswordReset(t.db, { email: user.email, clientIp: "198.51.100.22" }, new Date(Date.now() - 61 * 60 * 1000));
    const link = await resetLinkFor(user.email);
    expect((await openLink(link.path)).status).toBe(404);
    const late = await chooseNewPassword(link.token, NEW_PASSWORD);
    expect(late.status).toBe(400);
    expect(late.data.errors.form).toMatch(/expired/);
    expect((await openLink("/reset-password?token=nosuchtoken")).status).toBe(404);
    expect((await openLink("/reset-password")).status).toBe(404);
    expect((await openLink(`/reset-password?token=${"x".repeat(500)}`)).status).toBe(404);
    expect((await chooseNewPassword("nosuchtoken", NEW_PASSWORD)).status).toBe(400);
    expect((await chooseNewPassword("", NEW_PASSWORD)).status).toBe(400);
    expect((await logIn(user.email, TEST_PASSWORD, "198.51.100.31")).status).toBe(302);
  });

  it("a too-short new password is refused with the sign-up rule, and the link still works", async () => {
    const user = await makeUser(t.db);
    await askForReset(user.email, "198.51.100.23");
    const link = await resetLinkFor(user.email);
    const short = await chooseNewPassword(link.token, "short");
    expect(short.status).toBe(400);
    expect(short.data.errors).toEqual({ password: "Password must be at least 8 characters." });
    expect((await openLink(link.path)).data).toEqual({ works: true });
    expect((await chooseNewPassword(link.token, NEW_PASSWORD)).status).toBe(302);
  });

  it("answers an unknown email exactly as a known one, with one email either way, in about the same time", async () => {
    const known = await makeUser(t.db);
    const forKnown = await askForReset(known.email, "198.51.100.24");
    const forUnknown = await askForReset("nobody-here@example.com", "198.51.100.24");
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forUnknown.data).toEqual({ ...forKnown.data, sentTo: "nobody-here@example.com" });
    expect([...forUnknown.headers.keys()]).toEqual([...forKnown.headers.keys()]);
    expect(await emailsTo(t.db, known.email)).toHaveLength(1);
    const [note] = await emailsTo(t.db, "nobody-here@example.com");
    expect(note.subject).toBe(NO_ACCOUNT_SUBJECT);
    expect(note.text).not.toContain("/reset-password");

    // Timed alternately, fresh emails and addresses each time so no limit is near. The fastest of
    // several runs is the least disturbed by other work on the machine; the bounds are loose, but a
    // password hash (tens of ms) or an email sent on one side only would break them.
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      const user = await makeUser(t.db);
      let started = performance.now();
      await askForReset(user.email, `198.51.101.${i}`);
      knownTimes.push(performance.now() - started);
      started = performance.now();
      await askForReset(`nobody-${i}@example.com`, `198.51.102.${i}`);
      unknownTimes.push(performance.now() - started);
    }
    const ratio = Math.min(...unknownTimes) / Math.min(...knownTimes);
    const report = `known ${knownTimes.map((x) => x.toFixed(1))} ms, unknown ${unknownTimes.map((x) => x.toFixed(1))} ms`;
    expect(ratio, report).toBeGreaterThan(1 / 5);
    expect(ratio, report).toBeLessThan(5);
  });

  it("limits requests per email and per address, with Retry-After", async () => {
    const user = await makeUser(t.db);
    const perEmail = [];
    for (let i = 0; i < 4; i++) perEmail.push(await askForReset(user.email, `198.51.103.${i}`));
    expect(perEmail.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(Number(perEmail[3].headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await t.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id))).toHaveLength(3);

    const perAddress = [];
    for (let i = 0; i < 11; i++) perAddress.push((await askForReset(`someone-${i}@example.com`, "198.51.100.25")).status);
    expect(perAddress.filter((status) => status === 429)).toEqual([429]);
    expect(perAddress.at(-1)).toBe(429);
  });

  it("a malformed email is a field error; a signed-in member is sent to their settings", async () => {
    const bad = await askForReset("not an email");
    expect(bad.status).toBe(400);
    expect(bad.data.errors.email).toMatch(/email address like/);
    const user = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, user.id);
    const page = await callRoute(() => forgot.loader({ request: getRequest("/forgot-password", cookie), params: {}, context: contextFor(t.db) }));
    expect(page.status).toBe(302);
    expect(page.location).toBe("/settings#password");
    const [row] = await t.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toBe(user.passwordHash);
  });
});
