import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginDevices, sessions, signupRequests, users } from "../../db/schema";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as signup from "~/routes/signup";
import * as confirm from "~/routes/signup_.confirm";
import * as root from "~/root";
import { validateSessionToken } from "~/services/sessions.server";
import { publicUrl } from "~/services/email.server";
import { requestSignUp } from "~/services/sign-up.server";
import { signUp } from "~/services/users.server";
import { useTestDatabase } from "../support/databases";
import { TEST_PASSWORD, emailsTo, makeUser, signUpLinkFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();

/** Every Set-Cookie of a response (a login sets the session and the device cookie). */
function setCookies(result: { headers: Headers }) {
  return result.headers.getSetCookie();
}

function attempt(email: string, password: string, clientIp: string, cookie?: string) {
  return callRoute(() => login.action({ request: formRequest("/login", { email, password }, cookie), params: {}, context: contextFor(t.db, clientIp) }));
}

function cookieFrom(result: { headers: Headers }) {
  const header = result.headers.get("Set-Cookie") ?? "";
  return { header, pair: header.split(";")[0] };
}

function signUpRequest(fields: Record<string, string>, clientIp = "198.51.100.1") {
  return callRoute(() => signup.action({ request: formRequest("/signup", fields), params: {}, context: contextFor(t.db, clientIp) }));
}

function confirmRequest(fields: Record<string, string>) {
  return callRoute(() => confirm.action({ request: formRequest("/signup/confirm", fields), params: {}, context: contextFor(t.db) }));
}

async function userByEmail(email: string) {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return user;
}

describe("sign up", () => {
  it("emails a link; opening it changes nothing; its button creates an argon2id account, signs in and goes back", async () => {
    const asked = await signUpRequest({ email: "New.Person@Example.com", displayName: "New Person", password: "a good long password", redirectTo: "/questions/ask" });
    expect(asked.status).toBe(200);
    expect(asked.data).toEqual({ ok: true, sentTo: "new.person@example.com", linkHours: 24 });
    expect(asked.headers.get("Set-Cookie")).toBeNull();
    expect(await userByEmail("new.person@example.com")).toBeUndefined();
    const [email] = await emailsTo(t.db, "new.person@example.com");
    expect(email.subject).toBe("Finish creating your Peerdesk account");
    const link = await signUpLinkFor(t.db, "new.person@example.com");
    expect(link.path).toMatch(/^\/signup\/confirm\?token=[a-z0-9]+&redirectTo=%2Fquestions%2Fask$/);
    // Only a hash of the token is kept, and the password is already hashed.
    const [pending] = await t.db.select().from(signupRequests).where(eq(signupRequests.email, "new.person@example.com"));
    expect(pending.tokenHash).not.toContain(link.token);
    expect(pending.passwordHash).toMatch(/^\$argon2id\$/);
    expect(pending.expiresAt.getTime() - pending.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);

    // A mail scanner fetching the link (twice) uses nothing up.
    for (let i = 0; i < 2; i++) {
      const page = await callRoute(() => confirm.loader({ request: getRequest(link.path), params: {}, context: contextFor(t.db) }));
      expect(page.status).toBe(200);
      expect(page.data.pending).toEqual({ email: "new.person@example.com", displayName: "New Person" });
    }
    expect(await userByEmail("new.person@example.com")).toBeUndefined();

    const created = await confirmRequest({ token: link.token, redirectTo: "/questions/ask" });
    expect(created.status).toBe(302);
    expect(created.location).toBe("/questions/ask");
    const { header, pair } = cookieFrom(created);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    const user = await userByEmail("new.person@example.com");
    expect(user.passwordHash).toBe(pending.passwordHash);
    expect(user.reputation).toBe(1);
    const me = await callRoute(() => root.loader({ request: getRequest("/", pair), params: {}, context: contextFor(t.db) }));
    expect(me.data.viewer).toMatchObject({ displayName: "New Person", reputation: 1, role: "customer" });

    // The link works once.
    const again = await confirmRequest({ token: link.token });
    expect(again.status).toBe(400);
    expect(again.data.errors.form).toMatch(/expired or has already been used/);
    const page = await callRoute(() => confirm.loader({ request: getRequest(link.path), params: {}, context: contextFor(t.db) }));
    expect(page.status).toBe(404);
    expect(page.data.pending).toBeNull();
  });

  it("answers a taken email exactly as a new one, and tells the owner instead", async () => {
    const existing = await makeUser(t.db);
    const taken = await signUpRequest({ email: existing.email, displayName: "Someone", password: "another long password" }, "198.51.100.2");
    const fresh = await signUpRequest({ email: "brand-new@example.com", displayName: "Someone Else", password: "another long password" }, "198.51.100.2");
    expect(taken.status).toBe(fresh.status);
    expect(taken.data).toEqual({ ...fresh.data, sentTo: existing.email });
    expect([...taken.headers.keys()]).toEqual([...fresh.headers.keys()]);
    // The owner's account is untouched, no link exists for it, and they hear about the attempt.
    expect((await userByEmail(existing.email)).passwordHash).toBe(existing.passwordHash);
    expect(await t.db.select().from(signupRequests).where(eq(signupRequests.email, existing.email))).toEqual([]);
    const [notice] = await emailsTo(t.db, existing.email);
    expect(notice.subject).toBe("Someone tried to sign up with your email");
    expect(notice.text).toContain(publicUrl("/login"));
    expect(notice.text).not.toContain("/signup/confirm");
  });

  it("a link past its 24 hours creates nothing", async () => {
    const dayAndHourAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await requestSignUp(t.db, { email: "late@example.com", displayName: "Late Comer", password: "a good long password", clientIp: "198.51.100.3" }, dayAndHourAgo);
    const link = await signUpLinkFor(t.db, "late@example.com");
    const page = await callRoute(() => confirm.loader({ request: getRequest(link.path), params: {}, context: contextFor(t.db) }));
    expect(page.status).toBe(404);
    const result = await confirmRequest({ token: link.token });
    expect(result.status).toBe(400);
    expect(result.data.errors.form).toMatch(/expired/);
    expect(await userByEmail("late@example.com")).toBeUndefined();
  });

  it("says at once that a display name is taken, also when it differs only by case, width or invisible characters", async () => {
    await makeUser(t.db, { name: "Maya Okafor" });
    for (const [i, displayName] of ["Maya Okafor", "maya  OKAFOR", "Maya Okafor\u200B", "\uFF2Daya Okafor", "Maya\u2060 Okafor\u202E"].entries()) {
      const result = await signUpRequest({ email: `maya-${i}@example.com`, displayName, password: "a good long password" }, "198.51.100.4");
      expect(result.status, displayName).toBe(400);
      expect(result.data.errors).toEqual({ displayName: "That display name is taken." });
      expect(result.data.values.displayName).toBe(displayName);
    }
  });

  it("a name taken between the email and the click is asked for again, and the link still works", async () => {
    await signUpRequest({ email: "slow@example.com", displayName: "Quick Fox", password: "a good long password" }, "198.51.100.5");
    const link = await signUpLinkFor(t.db, "slow@example.com");
    await makeUser(t.db, { name: "quick fox" });
    const refused = await confirmRequest({ token: link.token });
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toEqual({ displayName: "That display name is taken." });
    expect(await userByEmail("slow@example.com")).toBeUndefined();
    const created = await confirmRequest({ token: link.token, displayName: "Quick Fox 2" });
    expect(created.status).toBe(302);
    expect((await userByEmail("slow@example.com")).displayName).toBe("Quick Fox 2");
  });

  it("the services refuse a name that differs only by invisible characters, as taken (the demo seed's path)", async () => {
    await makeUser(t.db, { name: "Priya Nair" });
    await expect(signUp(t.db, { email: "priya2@example.com", displayName: "Priya Nair\u200B", password: "a good long password" })).rejects.toMatchObject({
      fieldErrors: { displayName: "That display name is taken." },
    });
    // Stored without invisible characters even when they come straight to the service.
    const { id } = await signUp(t.db, { email: "zed@example.com", displayName: "Zed\u200B Zero\u202E", password: "a good long password" });
    const [user] = await t.db.select().from(users).where(eq(users.id, id));
    expect(user.displayName).toBe("Zed Zero");
  });

  it("limits sign-ups per address", async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      const result = await signUpRequest({ email: `burst${i}@example.com`, displayName: `Burst ${i}`, password: "a good long password" }, "198.51.100.99");
      statuses.push(result.status);
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
  });

  it("limits sign-up attempts for one email, from any address", async () => {
    const existing = await makeUser(t.db);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const result = await signUpRequest({ email: existing.email, displayName: `Prober ${i}`, password: "a good long password" }, `198.51.100.${100 + i}`);
      statuses.push(result.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe("log in and out", () => {
  it("logs in, never redirects off-site, and logs out by deleting the session", async () => {
    const user = await makeUser(t.db);
    const result = await callRoute(() =>
      login.action({
        request: formRequest("/login", { email: user.email.toUpperCase(), password: TEST_PASSWORD, redirectTo: "https://evil.example/steal" }),
        params: {},
        context: contextFor(t.db, "198.51.100.3"),
      }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    const { pair } = cookieFrom(result);
    const token = decodeURIComponent(pair.split("=")[1]);
    expect(await validateSessionToken(t.db, token)).not.toBeNull();
    // The database stores only a hash of the token.
    expect(await t.db.select().from(sessions).where(eq(sessions.id, token))).toEqual([]);

    const out = await callRoute(() =>
      logout.action({ request: formRequest("/logout", {}, pair), params: {}, context: contextFor(t.db) }),
    );
    expect(out.status).toBe(302);
    expect(out.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await validateSessionToken(t.db, token)).toBeNull();
  });

  it("a wrong password is a 400 with a message that does not say which part was wrong", async () => {
    const user = await makeUser(t.db);
    const result = await callRoute(() =>
      login.action({ request: formRequest("/login", { email: user.email, password: "wrong password" }), params: {}, context: contextFor(t.db, "198.51.100.4") }),
    );
    expect(result.status).toBe(400);
    expect(result.data.errors.form).toBe("That email and password do not match an account.");
    expect(result.data.values.email).toBe(user.email);
  });

  it("wrong passwords for an account from one address do not lock the owner out from another", async () => {
    const user = await makeUser(t.db);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i++) {
      const result = await attempt(user.email, `guess ${i}`, "192.0.2.10");
      statuses.push(result.status);
      retryAfter = result.headers.get("Retry-After") ?? retryAfter;
    }
    // The pair (account, address) is limited to 10 per 15 minutes, with Retry-After.
    expect(statuses).toEqual([...Array(10).fill(400), 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(900);
    // Even the right password waits, from that address...
    expect((await attempt(user.email, TEST_PASSWORD, "192.0.2.10")).status).toBe(429);
    // ...but not from the owner's.
    const owner = await attempt(user.email, TEST_PASSWORD, "198.51.100.77");
    expect(owner.status).toBe(302);
    expect(owner.location).toBe("/");
  });

  it("a browser that logged in before (a known device) logs in even when its address is blocked for the account", async () => {
    const user = await makeUser(t.db);
    const first = await attempt(user.email, TEST_PASSWORD, "203.0.113.40");
    expect(first.status).toBe(302);
    const device = setCookies(first).find((cookie) => cookie.startsWith("peerdesk_device="))!;
    expect(device).toMatch(/HttpOnly/);
    expect(device).toMatch(/SameSite=Lax/);
    expect(device).toMatch(/Max-Age=15552000/); // 180 days
    const devicePair = device.split(";")[0];
    const token = decodeURIComponent(devicePair.split("=")[1]);
    // Only a hash of the token is stored.
    const stored = await t.db.select().from(loginDevices).where(eq(loginDevices.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toBe(token);

    // Someone behind the same address (an office, a phone network) guesses until the pair is blocked.
    for (let i = 0; i < 10; i++) expect((await attempt(user.email, `guess ${i}`, "203.0.113.40")).status).toBe(400);
    expect((await attempt(user.email, TEST_PASSWORD, "203.0.113.40")).status).toBe(429);
    // The owner's browser still gets in, and keeps its device token.
    const again = await attempt(user.email, TEST_PASSWORD, "203.0.113.40", devicePair);
    expect(again.status).toBe(302);
    expect(setCookies(again).find((cookie) => cookie.startsWith("peerdesk_device="))?.split(";")[0]).toBe(devicePair);
    // A made-up device token, or one from another account, is no device at all.
    expect((await attempt(user.email, TEST_PASSWORD, "203.0.113.40", "peerdesk_device=made-up-token")).status).toBe(429);
    const other = await makeUser(t.db);
    const otherDevice = setCookies(await attempt(other.email, TEST_PASSWORD, "203.0.113.41")).find((c) => c.startsWith("peerdesk_device="))!;
    expect((await attempt(user.email, TEST_PASSWORD, "203.0.113.40", otherDevice.split(";")[0])).status).toBe(429);
  });

  it("an account has a slower ceiling over all addresses (100 an hour) that a known device is not held to, within its own 10 tries", async () => {
    const user = await makeUser(t.db);
    const devicePair = setCookies(await attempt(user.email, TEST_PASSWORD, "198.51.100.200"))
      .find((cookie) => cookie.startsWith("peerdesk_device="))!
      .split(";")[0];
    // A guesser spread over 99 addresses (the owner's login was the hour's first try): each is
    // an ordinary wrong password...
    for (let i = 0; i < 99; i++) {
      const result = await attempt(user.email, `guess ${i}`, `10.0.${Math.floor(i / 250)}.${i % 250}`);
      expect(result.status, `guess ${i}`).toBe(400);
    }
    // ...until the ceiling: now a new browser waits, whatever its address.
    const stranger = await attempt(user.email, TEST_PASSWORD, "10.9.9.9");
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get("Retry-After"))).toBeGreaterThan(900);
    expect(Number(stranger.headers.get("Retry-After"))).toBeLessThanOrEqual(3600);
    // The owner's known browser logs in.
    expect((await attempt(user.email, TEST_PASSWORD, "198.51.100.200", devicePair)).status).toBe(302);
    // A stolen device cookie is no master key: 10 tries, then it is held to the ceiling like any browser.
    for (let i = 0; i < 10; i++) expect((await attempt(user.email, `thief ${i}`, `10.8.0.${i}`, devicePair)).status).toBe(400);
    expect((await attempt(user.email, TEST_PASSWORD, "10.8.0.99", devicePair)).status).toBe(429);
  });

  it("rate-limits one address trying many accounts", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const result = await callRoute(() =>
        login.action({ request: formRequest("/login", { email: `nobody${i}@example.com`, password: "whatever it is" }), params: {}, context: contextFor(t.db, "203.0.113.250") }),
      );
      statuses.push(result.status);
    }
    expect(statuses.filter((status) => status === 429)).toEqual([429]);
    expect(statuses.at(-1)).toBe(429);
  });

  it("a malformed session cookie signs nobody in, rather than failing the page", async () => {
    const result = await callRoute(() => root.loader({ request: getRequest("/", "peerdesk_session=%E0%A4%A"), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(200);
    expect(result.data.viewer).toBeNull();
  });

  it("an expired session signs nobody in", async () => {
    const { createSession } = await import("~/services/sessions.server");
    const user = await makeUser(t.db);
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    const session = await createSession(t.db, user.id, longAgo);
    expect(await validateSessionToken(t.db, session.token)).toBeNull();
  });
});
