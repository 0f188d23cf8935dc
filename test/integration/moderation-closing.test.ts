// Close, reopen, duplicates, locks, suspensions and the staff log, through the routes people use
// and the services underneath. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeVotes, moderationLog, posts, suspensions, users } from "../../db/schema";
import { MODERATION_SETTINGS } from "~/domain/moderation";
import * as adminLog from "~/routes/admin.log";
import * as ask from "~/routes/questions.ask";
import * as question from "~/routes/questions.$id.($slug)";
import * as questionLookup from "~/routes/questions.lookup";
import * as profile from "~/routes/users.$id.($slug)";
import { castCloseVote, setThreadLock } from "~/services/closing.server";
import { askQuestion, editPost, postAnswer } from "~/services/posting.server";
import { parseSearchQuery } from "~/domain/search-query";
import { refreshSearchStatistics, searchEverything, suggestSimilar } from "~/services/search/index.server";
import { liftSuspension, suspendUser } from "~/services/suspensions.server";
import { acceptAnswer, castVote } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, sessionCookieFor } from "../support/fixtures";
import { addressKey } from "~/http/visitor.server";
import { RATE_LIMITS, countHit } from "~/services/rate-limits.server";
import { callRoute, contextFor, formRequest, getRequest, questionUrl, userUrl } from "../support/routes";

const t = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const CLOSER_REP = 2000;

async function postTo(path: string, params: Record<string, string>, fields: Record<string, string>, cookie?: string) {
  const route = path.startsWith("/users/") ? profile : question;
  return callRoute(async () => route.action({ request: formRequest(path, fields, cookie), params, context: contextFor(t.db) }));
}
const onQuestion = (id: number, fields: Record<string, string>, cookie?: string) => postTo(`/questions/${id}`, { id: String(id) }, fields, cookie);
const onProfile = (id: number, fields: Record<string, string>, cookie?: string) => postTo(`/users/${id}`, { id: String(id) }, fields, cookie);
const pageOf = (id: number, cookie?: string) => callRoute(async () => question.loader({ request: getRequest(await questionUrl(t.db, id), cookie), params: { id: String(id) }, context: contextFor(t.db) }));

async function questionRow(id: number) {
  const [row] = await t.db.select().from(posts).where(eq(posts.id, id));
  return row;
}
async function logFor(postId: number) {
  return t.db.select().from(moderationLog).where(eq(moderationLog.postId, postId)).orderBy(desc(moderationLog.id));
}
async function suspended(days = 7, reason = "Spamming referral links in answers.") {
  const staff = await makeUser(t.db, { role: "staff" });
  const member = await makeUser(t.db, { reputation: CLOSER_REP });
  await suspendUser(t.db, { actorId: staff.id, userId: member.id, days, reason });
  return { member, staff, reason };
}

describe("closing a question as a duplicate (staff)", () => {
  it("staff close alone; the duplicate stays readable with a banner naming the original, takes no answers, and is logged", async () => {
    const asker = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const original = await makeQuestion(t.db, asker.id, "How do I export invoices to CSV for my accountant?");
    const duplicate = await makeQuestion(t.db, asker.id, "Exporting invoices as CSV for the accountant?");
    const cookie = await sessionCookieFor(t.db, staff.id);

    const result = await onQuestion(duplicate.id, { intent: "close", reason: "duplicate", duplicateOf: `http://localhost/questions/${original.id}/how-do-i-export` }, cookie);
    expect(result.status).toBe(302);
    const row = await questionRow(duplicate.id);
    expect(row.closedAt).not.toBeNull();
    expect(row.closeReason).toBe("duplicate");
    expect(row.duplicateOfId).toBe(original.id);

    const reader = await makeUser(t.db);
    const page = await pageOf(duplicate.id, await sessionCookieFor(t.db, reader.id));
    expect(page.status).toBe(200);
    expect(page.data.moderation.duplicateOf).toEqual({ id: original.id, title: "How do I export invoices to CSV for my accountant?" });
    expect(page.data.moderation.closedBy).toEqual({ community: false, name: staff.displayName });
    expect(page.data.moderation.answerBlocked).toMatch(/closed/);
    expect(page.data.moderation.panel).toBeNull();

    const answer = await onQuestion(duplicate.id, { intent: "answer", body: "Reports, then Export, then CSV works for me." }, await sessionCookieFor(t.db, reader.id));
    expect(answer.status).toBe(403);
    expect(answer.data.errors.form).toMatch(/closed/);

    const [entry] = await logFor(duplicate.id);
    expect(entry).toMatchObject({ action: "question_duplicate", actorId: staff.id, targetUserId: asker.id });
    expect(entry.reason).toContain(`#${original.id}`);
  });

  it.each([
    ["nothing named", "", /Type words from the original question's title/],
    ["not a question reference", "/users/3", /not a link to a question here/],
    ["itself", "SELF", /itself/],
    ["a question that does not exist", "987654", /no question #987654/],
    ["a deleted question", "DELETED", /no question/],
    ["an answer", "ANSWER", /no question/],
  ])("refuses a duplicate of %s with 400, the field's message and what was typed", async (_name, typed, message) => {
    const asker = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const target = await makeQuestion(t.db, asker.id);
    const gone = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, asker.id, gone.id);
    await t.db.update(posts).set({ deletedAt: new Date(), deletionReason: "staff" }).where(eq(posts.id, gone.id));
    const value = typed.replace("SELF", String(target.id)).replace("DELETED", String(gone.id)).replace("ANSWER", String(answer.id));
    const result = await onQuestion(target.id, { intent: "close", reason: "duplicate", duplicateOf: value }, await sessionCookieFor(t.db, staff.id));
    expect(result.status).toBe(400);
    expect(result.data.errors.duplicateOf).toMatch(message);
    expect(result.data.values.duplicateOf).toBe(value);
    expect((await questionRow(target.id)).closedAt).toBeNull();
  });

  it("words instead of a question come back as the matching questions to choose from; the chosen one closes it", async () => {
    const asker = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const cookie = await sessionCookieFor(t.db, staff.id);
    const original = await makeQuestion(t.db, asker.id, "Quarterly zanzibarite ledger export fails with a timeout");
    const target = await makeQuestion(t.db, asker.id, "Zanzibarite ledger export keeps timing out every quarter");

    const listed = await onQuestion(target.id, { intent: "close", reason: "duplicate", duplicateOf: "zanzibarite ledger export" }, cookie);
    expect(listed.status).toBe(400);
    expect(listed.data.errors.duplicateOf).toMatch(/Choose the original question below/);
    expect(listed.data.values.duplicateOf).toBe("zanzibarite ledger export");
    // The question being closed is never offered as its own original.
    expect(listed.data.choices.map((choice: { id: number }) => choice.id)).toEqual([original.id]);
    expect(listed.data.choices[0].titleHtml).toContain("<mark>");
    expect((await questionRow(target.id)).closedAt).toBeNull();

    const nothing = await onQuestion(target.id, { intent: "close", reason: "duplicate", duplicateOf: "qqqxyzzy wibblefrotz" }, cookie);
    expect([nothing.status, nothing.data.errors.duplicateOf, nothing.data.choices]).toEqual([400, "No question matches “qqqxyzzy wibblefrotz”. Try other words, or paste its link.", []]);

    const chosen = await onQuestion(target.id, { intent: "close", reason: "duplicate", duplicateOf: "zanzibarite ledger export", duplicateOfId: String(original.id) }, cookie);
    expect(chosen.status).toBe(302);
    expect((await questionRow(target.id)).duplicateOfId).toBe(original.id);
  });

  it("/questions/lookup lists matching live questions as JSON as a moderator types, counted as searches", async () => {
    const asker = await makeUser(t.db);
    const original = await makeQuestion(t.db, asker.id, "Gorbellite invoices show the wrong currency symbol");
    const target = await makeQuestion(t.db, asker.id, "Wrong currency symbol on gorbellite invoices");
    const gone = await makeQuestion(t.db, asker.id, "Gorbellite invoices print twice");
    await t.db.update(posts).set({ deletedAt: new Date(), deletionReason: "staff" }).where(eq(posts.id, gone.id));
    const lookup = (query: string, ip = "203.0.113.7") =>
      callRoute(async () => questionLookup.loader({ request: getRequest(`/questions/lookup?${query}`), params: {}, context: contextFor(t.db, ip) }));

    const found = await lookup(`q=gorbellite+invoices&exclude=${target.id}`);
    expect(found.status).toBe(200);
    expect(found.data.choices).toEqual([expect.objectContaining({ id: original.id, title: "Gorbellite invoices show the wrong currency symbol", answerCount: 0, solved: false, url: `/questions/${original.id}/gorbellite-invoices-show-the-wrong-currency-symbol` })]);
    // Nonsense parameters are an empty list, never an error.
    for (const query of ["", "q=", "q=%3F%21&exclude=abc", `q=${"x".repeat(600)}`]) expect((await lookup(query)).data).toEqual({ choices: [] });

    const ip = "198.51.100.40";
    for (let i = 0; i < RATE_LIMITS.searchesPerIp.limit; i++) await countHit(t.db, `search:address:${addressKey(contextFor(t.db, ip))}`, RATE_LIMITS.searchesPerIp);
    const refused = await lookup("q=gorbellite", ip);
    expect([refused.status, refused.data.message]).toEqual([429, "You are searching very fast. Please wait a minute."]);
  });

  it("refuses a close without a reason with 400", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const target = await makeQuestion(t.db, staff.id);
    const result = await onQuestion(target.id, { intent: "close", reason: "" }, await sessionCookieFor(t.db, staff.id));
    expect(result.status).toBe(400);
    expect(result.data.errors.reason).toMatch(/Choose why/);
  });
});

describe("community close and reopen votes", () => {
  it("three members with the privilege close it; two do not; the votes become applied", async () => {
    const asker = await makeUser(t.db);
    const target = await makeQuestion(t.db, asker.id);
    const voters = await Promise.all([1, 2, 3].map(() => makeUser(t.db, { reputation: CLOSER_REP })));
    expect(await castCloseVote(t.db, { actorId: voters[0].id, questionId: target.id, kind: "close", reason: "needs_details" })).toMatchObject({ outcome: "voted", count: 1 });
    expect(await castCloseVote(t.db, { actorId: voters[1].id, questionId: target.id, kind: "close", reason: "off_topic" })).toMatchObject({ outcome: "voted", count: 2 });
    expect((await questionRow(target.id)).closedAt).toBeNull();
    await expect(castCloseVote(t.db, { actorId: voters[1].id, questionId: target.id, kind: "close", reason: "off_topic" })).rejects.toMatchObject({ status: 409 });
    expect(await castCloseVote(t.db, { actorId: voters[2].id, questionId: target.id, kind: "close", reason: "needs_details" })).toMatchObject({ outcome: "closed", reason: "needs_details" });
    expect((await questionRow(target.id)).closeReason).toBe("needs_details");
    const statuses = await t.db.select({ status: closeVotes.status }).from(closeVotes).where(eq(closeVotes.questionId, target.id));
    expect(statuses.map((row) => row.status)).toEqual(["applied", "applied", "applied"]);
    const [entry] = await logFor(target.id);
    expect(entry).toMatchObject({ action: "question_closed", actorId: null });
    const page = await pageOf(target.id);
    expect(page.data.moderation.closedBy).toEqual({ community: true, name: null });

    // Reopening takes three reopen votes too.
    for (const [i, voter] of voters.entries()) {
      const outcome = await castCloseVote(t.db, { actorId: voter.id, questionId: target.id, kind: "reopen" });
      expect(outcome.outcome).toBe(i < 2 ? "voted" : "reopened");
    }
    const reopened = await questionRow(target.id);
    expect([reopened.closedAt, reopened.closeReason]).toEqual([null, null]);
    expect((await logFor(target.id))[0].action).toBe("question_reopened");
  });

  it("votes older than the lifetime stop counting and are marked expired", async () => {
    const asker = await makeUser(t.db);
    const target = await makeQuestion(t.db, asker.id);
    const voters = await Promise.all([1, 2, 3].map(() => makeUser(t.db, { reputation: CLOSER_REP })));
    const now = Date.now();
    const old = new Date(now - (MODERATION_SETTINGS.closeVoteLifetimeDays + 1) * DAY);
    await castCloseVote(t.db, { actorId: voters[0].id, questionId: target.id, kind: "close", reason: "off_topic" }, old);
    await castCloseVote(t.db, { actorId: voters[1].id, questionId: target.id, kind: "close", reason: "off_topic" }, new Date(now - DAY));
    const outcome = await castCloseVote(t.db, { actorId: voters[2].id, questionId: target.id, kind: "close", reason: "off_topic" }, new Date(now));
    expect(outcome).toMatchObject({ outcome: "voted", count: 2 });
    expect((await questionRow(target.id)).closedAt).toBeNull();
    const [first] = await t.db.select({ status: closeVotes.status }).from(closeVotes).where(and(eq(closeVotes.questionId, target.id), eq(closeVotes.voterId, voters[0].id)));
    expect(first.status).toBe("expired");
    // The first voter may vote again: their old vote no longer counts, the new one does.
    expect(await castCloseVote(t.db, { actorId: voters[0].id, questionId: target.id, kind: "close", reason: "off_topic" }, new Date(now + 1000))).toMatchObject({ outcome: "closed" });
  });

  it("the page shows the tally to a member with the privilege, and a closed question offers reopening", async () => {
    const asker = await makeUser(t.db);
    const target = await makeQuestion(t.db, asker.id);
    const voter = await makeUser(t.db, { reputation: CLOSER_REP });
    const cookie = await sessionCookieFor(t.db, voter.id);
    expect((await onQuestion(target.id, { intent: "close", reason: "off_topic" }, cookie)).status).toBe(302);
    const page = await pageOf(target.id, cookie);
    expect(page.data.moderation.panel).toMatchObject({ kind: "close", votes: 1, needed: 3, viewerVoted: true, canLock: false });
    const again = await onQuestion(target.id, { intent: "close", reason: "off_topic" }, cookie);
    expect(again.status).toBe(409);
  });
});

describe("every moderation action is refused, with no change, to those who may not", () => {
  async function scene() {
    const asker = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const open = await makeQuestion(t.db, asker.id);
    const closed = await makeQuestion(t.db, asker.id);
    const locked = await makeQuestion(t.db, asker.id);
    await castCloseVote(t.db, { actorId: staff.id, questionId: closed.id, kind: "close", reason: "off_topic" });
    await setThreadLock(t.db, { actorId: staff.id, questionId: locked.id, locked: true });
    const victim = await makeUser(t.db);
    const liftable = await makeUser(t.db);
    await suspendUser(t.db, { actorId: staff.id, userId: liftable.id, days: 3, reason: "A suspension to lift early." });
    return { asker, staff, open, closed, locked, victim, liftable };
  }
  const attempts = (s: Awaited<ReturnType<typeof scene>>) => [
    { what: "vote to close", send: (cookie?: string) => onQuestion(s.open.id, { intent: "close", reason: "off_topic" }, cookie) },
    { what: "close as duplicate", send: (cookie?: string) => onQuestion(s.open.id, { intent: "close", reason: "duplicate", duplicateOf: String(s.closed.id) }, cookie) },
    { what: "vote to reopen", send: (cookie?: string) => onQuestion(s.closed.id, { intent: "reopen" }, cookie) },
    { what: "lock", send: (cookie?: string) => onQuestion(s.open.id, { intent: "lock" }, cookie) },
    { what: "unlock", send: (cookie?: string) => onQuestion(s.locked.id, { intent: "unlock" }, cookie) },
    { what: "suspend", send: (cookie?: string) => onProfile(s.victim.id, { intent: "suspend", days: "3", reason: "Trying to suspend someone." }, cookie) },
    { what: "lift a suspension", send: (cookie?: string) => onProfile(s.liftable.id, { intent: "liftSuspension" }, cookie) },
  ];
  async function snapshot(s: Awaited<ReturnType<typeof scene>>) {
    const rows = await t.db
      .select({ id: posts.id, closedAt: posts.closedAt, lockedAt: posts.lockedAt, duplicateOfId: posts.duplicateOfId })
      .from(posts)
      .where(sql`${posts.id} in (${s.open.id}, ${s.closed.id}, ${s.locked.id})`)
      .orderBy(posts.id);
    const people = await t.db
      .select({ id: users.id, until: users.suspendedUntil })
      .from(users)
      .where(sql`${users.id} in (${s.victim.id}, ${s.liftable.id})`)
      .orderBy(users.id);
    const [counts] = await t.db.select({
      votes: sql<number>`(select count(*)::int from close_votes)`,
      log: sql<number>`(select count(*)::int from moderation_log)`,
      suspensions: sql<number>`(select count(*)::int from suspensions)`,
    }).from(sql`(select 1) x`);
    return { rows, people, counts };
  }

  it("an anonymous visitor is sent to log in", async () => {
    const s = await scene();
    const before = await snapshot(s);
    for (const attempt of attempts(s)) {
      const result = await attempt.send();
      expect(result.status, attempt.what).toBe(302);
      expect(result.location, attempt.what).toMatch(/^\/login\?redirectTo=/);
    }
    // Underneath, the services refuse a caller who is nobody with 403.
    const nobody = 2_000_000_000;
    await expect(castCloseVote(t.db, { actorId: nobody, questionId: s.open.id, kind: "close", reason: "off_topic" })).rejects.toMatchObject({ status: 403 });
    await expect(setThreadLock(t.db, { actorId: nobody, questionId: s.open.id, locked: true })).rejects.toMatchObject({ status: 403 });
    await expect(suspendUser(t.db, { actorId: nobody, userId: s.victim.id, days: 3, reason: "Nobody suspending." })).rejects.toMatchObject({ status: 403 });
    await expect(liftSuspension(t.db, { actorId: nobody, userId: s.liftable.id })).rejects.toMatchObject({ status: 403 });
    expect(await snapshot(s)).toEqual(before);
  });

  it("a customer below the thresholds gets 403", async () => {
    const s = await scene();
    const customer = await makeUser(t.db, { reputation: CLOSER_REP - 1 });
    const cookie = await sessionCookieFor(t.db, customer.id);
    const before = await snapshot(s);
    for (const attempt of attempts(s)) {
      const result = await attempt.send(cookie);
      expect(result.status, attempt.what).toBe(403);
      expect(result.data.errors.form, attempt.what).toMatch(/reputation|Only staff/);
    }
    expect(await snapshot(s)).toEqual(before);
  });

  it("a suspended member, even one with the reputation, gets 403 and the reason", async () => {
    const s = await scene();
    const { member, reason } = await suspended();
    const cookie = await sessionCookieFor(t.db, member.id);
    const before = await snapshot(s);
    for (const attempt of attempts(s)) {
      const result = await attempt.send(cookie);
      expect(result.status, attempt.what).toBe(403);
    }
    // The close privilege is theirs by reputation, so the refusal names the suspension.
    const vote = await attempts(s)[0].send(cookie);
    expect(vote.data.errors.form).toContain(reason);
    expect(await snapshot(s)).toEqual(before);
  });

  it("the staff log refuses anonymous visitors (to login), customers and suspended members (403)", async () => {
    const load = (cookie?: string) => callRoute(async () => adminLog.loader({ request: getRequest("/admin/log", cookie), params: {}, context: contextFor(t.db) }));
    expect((await load()).status).toBe(302);
    const customer = await makeUser(t.db, { reputation: 50_000 });
    expect((await load(await sessionCookieFor(t.db, customer.id))).status).toBe(403);
    const { member } = await suspended();
    expect((await load(await sessionCookieFor(t.db, member.id))).status).toBe(403);
  });
});

describe("locking a thread", () => {
  it("stops customers' answers, comments and votes; staff still act; unlocking restores them; both are logged", async () => {
    const asker = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const member = await makeUser(t.db, { reputation: 200 });
    const target = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, asker.id, target.id);
    const staffCookie = await sessionCookieFor(t.db, staff.id);
    expect((await onQuestion(target.id, { intent: "lock", note: "Heated thread" }, staffCookie)).status).toBe(302);
    expect((await questionRow(target.id)).lockedAt).not.toBeNull();

    const cookie = await sessionCookieFor(t.db, member.id);
    const tries = [
      await onQuestion(target.id, { intent: "answer", body: "Another answer to a locked thread." }, cookie),
      await onQuestion(target.id, { intent: "comment", postId: String(answer.id), body: "A comment on a locked thread." }, cookie),
      await onQuestion(target.id, { intent: "vote", postId: String(answer.id), direction: "up" }, cookie),
    ];
    for (const result of tries) {
      expect(result.status).toBe(403);
      expect(result.data.errors.form).toMatch(/locked/);
    }
    const page = await pageOf(target.id, cookie);
    expect(page.data.moderation.locked).toBe(true);
    expect(page.data.moderation.answerBlocked).toMatch(/locked/);
    // Staff are not stopped by the lock.
    await postAnswer(t.db, { authorId: staff.id, questionId: target.id, body: "Staff can still add the official answer here." });

    expect((await onQuestion(target.id, { intent: "lock" }, staffCookie)).status).toBe(409);
    expect((await onQuestion(target.id, { intent: "unlock" }, staffCookie)).status).toBe(302);
    expect((await onQuestion(target.id, { intent: "vote", postId: String(answer.id), direction: "up" }, cookie)).status).toBe(302);
    expect((await logFor(target.id)).map((entry) => [entry.action, entry.reason])).toEqual([
      ["thread_unlocked", null],
      ["thread_locked", "Heated thread"],
    ]);
  });
});

describe("suspensions", () => {
  it("staff suspend from the profile; every write the member tries is refused with 403 and the reason; reading still works", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const member = await makeUser(t.db, { reputation: 3000 });
    const other = await makeUser(t.db);
    const target = await makeQuestion(t.db, other.id);
    const otherAnswer = await makeAnswer(t.db, other.id, target.id);
    const own = await makeQuestion(t.db, member.id);
    const ownAnswer = await makeAnswer(t.db, other.id, own.id);
    const reason = "Repeated personal attacks in comments.";
    const result = await onProfile(member.id, { intent: "suspend", days: "7", reason }, await sessionCookieFor(t.db, staff.id));
    expect(result.status).toBe(302);
    expect(result.location).toBe(`${await userUrl(t.db, member.id)}#suspend`);
    const [row] = await t.db.select({ until: users.suspendedUntil, why: users.suspensionReason }).from(users).where(eq(users.id, member.id));
    expect(row.why).toBe(reason);
    expect(Math.round((row.until!.getTime() - Date.now()) / DAY)).toBe(7);

    const cookie = await sessionCookieFor(t.db, member.id);
    const writes = [
      await onQuestion(target.id, { intent: "answer", body: "An answer from a suspended member." }, cookie),
      await onQuestion(target.id, { intent: "comment", postId: String(target.id), body: "A comment from a suspended member." }, cookie),
      await onQuestion(target.id, { intent: "vote", postId: String(otherAnswer.id), direction: "up" }, cookie),
      await onQuestion(own.id, { intent: "accept", answerId: String(ownAnswer.id) }, cookie),
      await callRoute(async () =>
        ask.action({ request: formRequest("/questions/ask", { title: "A question from a suspended member", body: "Some body text that is long enough.", tags: "invoices" }, cookie), params: {}, context: contextFor(t.db) }),
      ),
    ];
    for (const write of writes) {
      expect(write.status).toBe(403);
      expect(write.data.errors.form).toContain(reason);
      expect(write.data.errors.form).toMatch(/suspended until/);
    }
    await expect(editPost(t.db, { editorId: member.id, postId: own.id, body: "An edit from a suspended member, long enough." })).rejects.toMatchObject({ status: 403 });
    // Reading works, and where the forms would be the page says why.
    const page = await pageOf(target.id, cookie);
    expect(page.status).toBe(200);
    expect(page.data.moderation.answerBlocked).toContain(reason);
    const askPage = await callRoute(async () => ask.loader({ request: getRequest("/questions/ask", cookie), params: {}, context: contextFor(t.db) }));
    expect(askPage.data.suspended).toContain(reason);
    const profilePage = await callRoute(async () => profile.loader({ request: getRequest(await userUrl(t.db, member.id), cookie), params: { id: String(member.id) }, context: contextFor(t.db) }));
    expect(profilePage.data.suspension).toMatchObject({ canSuspend: false, current: { reason } });
    const [entry] = await t.db.select().from(moderationLog).where(eq(moderationLog.targetUserId, member.id)).orderBy(desc(moderationLog.id));
    expect(entry).toMatchObject({ action: "user_suspended", actorId: staff.id, reason });
  });

  it("withdrawing a vote is a write too: refused while suspended", async () => {
    const other = await makeUser(t.db);
    const { member, staff } = await suspended();
    const target = await makeQuestion(t.db, other.id);
    await liftSuspension(t.db, { actorId: staff.id, userId: member.id });
    await castVote(t.db, { voterId: member.id, postId: target.id, direction: "up" });
    await suspendUser(t.db, { actorId: staff.id, userId: member.id, days: 2, reason: "Second suspension for the same thing." });
    await expect(castVote(t.db, { voterId: member.id, postId: target.id, direction: "up" })).rejects.toMatchObject({ status: 403 });
    expect((await questionRow(target.id)).score).toBe(1);
  });

  it("ends by itself when its time is up, with nothing to run", async () => {
    const other = await makeUser(t.db);
    const { member } = await suspended(1);
    const target = await makeQuestion(t.db, other.id);
    await expect(postAnswer(t.db, { authorId: member.id, questionId: target.id, body: "Too early to answer again." })).rejects.toMatchObject({ status: 403 });
    // A day passes: the stored end is now in the past (moved back rather than waiting), and nothing else changes.
    await t.db.update(users).set({ suspendedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, member.id));
    await expect(postAnswer(t.db, { authorId: member.id, questionId: target.id, body: "A day later I can answer again." })).resolves.toMatchObject({ id: expect.any(Number) });
    const page = await pageOf(target.id, await sessionCookieFor(t.db, member.id));
    expect(page.data.moderation.answerBlocked).toBeNull();
  });

  it("staff lift it early; the member can post again; lifting twice is a conflict", async () => {
    const other = await makeUser(t.db);
    const { member, staff } = await suspended(30);
    const staffCookie = await sessionCookieFor(t.db, staff.id);
    expect((await onProfile(member.id, { intent: "liftSuspension", note: "Apologised" }, staffCookie)).status).toBe(302);
    await askQuestion(t.db, { authorId: member.id, title: "Back again with a real question about invoices", body: "How do I resend an invoice by email?", tags: ["invoices"] });
    const [row] = await t.db.select().from(suspensions).where(eq(suspensions.userId, member.id));
    expect(row.liftedBy).toBe(staff.id);
    expect((await onProfile(member.id, { intent: "liftSuspension" }, staffCookie)).status).toBe(409);
    const [entry] = await t.db.select().from(moderationLog).where(eq(moderationLog.targetUserId, member.id)).orderBy(desc(moderationLog.id));
    expect(entry).toMatchObject({ action: "suspension_lifted", reason: "Apologised" });
    void other;
  });

  it.each([
    ["zero days", { days: "0" }, "days", /from 1 to 365/],
    ["too many days", { days: "366" }, "days", /from 1 to 365/],
    ["a fraction", { days: "1.5" }, "days", /whole number/],
    ["not a number", { days: "a week" }, "days", /number of days/],
    ["no reason", { reason: "" }, "reason", /why/],
  ])("refuses %s with 400 and keeps what was typed", async (_name, override, field, message) => {
    const staff = await makeUser(t.db, { role: "staff" });
    const member = await makeUser(t.db);
    const fields = { intent: "suspend", days: "7", reason: "Posting spam links in answers.", ...override };
    const result = await onProfile(member.id, fields, await sessionCookieFor(t.db, staff.id));
    expect(result.status).toBe(400);
    expect(result.data.errors[field]).toMatch(message);
    expect(result.data.values.reason).toBe(fields.reason);
    const [row] = await t.db.select({ until: users.suspendedUntil }).from(users).where(eq(users.id, member.id));
    expect(row.until).toBeNull();
  });

  it("staff cannot be suspended, nor can anyone suspend themselves", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const colleague = await makeUser(t.db, { role: "admin" });
    const cookie = await sessionCookieFor(t.db, staff.id);
    expect((await onProfile(colleague.id, { intent: "suspend", days: "3", reason: "Suspending a colleague." }, cookie)).status).toBe(403);
    expect((await onProfile(staff.id, { intent: "suspend", days: "3", reason: "Suspending myself today." }, cookie)).status).toBe(403);
  });
});

describe("the staff action log", () => {
  it("lists entries newest first, filters by staff member, member and action, and pages by keyset", async () => {
    const staffA = await makeUser(t.db, { role: "staff" });
    const staffB = await makeUser(t.db, { role: "admin" });
    const memberX = await makeUser(t.db);
    const memberY = await makeUser(t.db);
    const qx = await makeQuestion(t.db, memberX.id);
    await setThreadLock(t.db, { actorId: staffA.id, questionId: qx.id, locked: true, reason: "first" });
    await suspendUser(t.db, { actorId: staffB.id, userId: memberY.id, days: 2, reason: "Spam links again and again." });
    await setThreadLock(t.db, { actorId: staffA.id, questionId: qx.id, locked: false, reason: "second" });
    const cookie = await sessionCookieFor(t.db, staffA.id);
    const load = (query: string) => callRoute(async () => adminLog.loader({ request: getRequest(`/admin/log${query}`, cookie), params: {}, context: contextFor(t.db) }));

    const byA = await load(`?staff=${staffA.id}`);
    expect(byA.status).toBe(200);
    expect(byA.data.entries.map((entry: { action: string }) => entry.action)).toEqual(["thread_unlocked", "thread_locked"]);
    expect(byA.data.entries[1]).toMatchObject({ reason: "first", actor: { id: staffA.id }, target: { id: memberX.id }, post: { id: qx.id, type: "question" } });

    const aboutY = await load(`?member=${memberY.id}`);
    expect(aboutY.data.entries).toHaveLength(1);
    expect(aboutY.data.entries[0]).toMatchObject({ action: "user_suspended", actor: { id: staffB.id }, reason: "Spam links again and again." });

    const locks = await load(`?action=thread_locked&staff=${staffA.id}`);
    expect(locks.data.entries.map((entry: { reason: string }) => entry.reason)).toEqual(["first"]);

    // Bad filter values are ignored, never a 500.
    expect((await load("?staff=abc&action=drop_table&after=zzz")).status).toBe(200);

    // Keyset paging: each page continues where the last one stopped, without repeats.
    const seen: number[] = [];
    let after: string | null = "";
    let pages = 0;
    while (after !== null && pages < 100) {
      const page = await load(after ? `?after=${after}` : "");
      seen.push(...page.data.entries.map((entry: { id: number }) => entry.id));
      after = page.data.next;
      pages++;
    }
    const [total] = await t.db.select({ n: sql<number>`count(*)::int` }).from(moderationLog);
    expect(seen).toHaveLength(total.n);
    expect(new Set(seen).size).toBe(total.n);
  });

  it("entries cannot be changed or removed", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const q = await makeQuestion(t.db, staff.id);
    await setThreadLock(t.db, { actorId: staff.id, questionId: q.id, locked: true });
    await expect(t.db.update(moderationLog).set({ reason: "rewritten" }).where(eq(moderationLog.postId, q.id))).rejects.toThrow();
    await expect(t.db.delete(moderationLog).where(eq(moderationLog.postId, q.id))).rejects.toThrow();
  });
});

describe("search prefers the original", () => {
  it("ranks a duplicate below its original and leaves it out of ask-time suggestions", async () => {
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const original = await askQuestion(t.db, { authorId: asker.id, title: "Zephyrine gateway payouts arrive a day late", body: "Payouts from the zephyrine gateway land a day after the statement says.", tags: ["payments"] });
    const duplicate = await askQuestion(t.db, { authorId: asker.id, title: "Zephyrine gateway payouts arrive one day late, why?", body: "Zephyrine gateway payouts arrive late, a day after the zephyrine statement date.", tags: ["payments"] });
    await postAnswer(t.db, { authorId: answerer.id, questionId: original.id, body: "Zephyrine settles at midnight UTC, so payouts show the next day." });
    await postAnswer(t.db, { authorId: answerer.id, questionId: duplicate.id, body: "Zephyrine settles at midnight, see the other question." });
    await acceptAnswer(t.db, { actorId: asker.id, answerId: (await t.db.select({ id: posts.id }).from(posts).where(eq(posts.questionId, duplicate.id)))[0].id });

    await refreshSearchStatistics(t.db);
    const before = await suggestSimilar(t.db, { title: "zephyrine payouts late", body: "" }, { limit: 5 });
    expect(before.map((item) => item.id)).toContain(duplicate.id);
    await castCloseVote(t.db, { actorId: staff.id, questionId: duplicate.id, kind: "close", reason: "duplicate", duplicateOfId: original.id });

    const results = await searchEverything(t.db, parseSearchQuery("zephyrine payouts late is:question"));
    const ids = results.results.map((item) => item.id);
    expect(ids.indexOf(original.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(original.id)).toBeLessThan(ids.indexOf(duplicate.id));
    const after = await suggestSimilar(t.db, { title: "zephyrine payouts late", body: "" }, { limit: 5 });
    expect(after.map((item) => item.id)).toContain(original.id);
    expect(after.map((item) => item.id)).not.toContain(duplicate.id);
  });
});
