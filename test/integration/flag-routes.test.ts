// The flag page and /review through their routes: who is refused with what status, that a
// refusal changes nothing, and that bad input is a 4xx with the text kept, never a 500.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { flags, posts, reviewItems, users } from "../../db/schema";
import { PRIVILEGE_THRESHOLDS } from "~/domain/privileges";
import { action as flagAction, loader as flagLoader } from "~/routes/posts.$id.flag";
import { loader as heldLoader } from "~/routes/posts.$id.held";
import { action as answerAction } from "~/routes/questions.$id.($slug)";
import { action as reviewAction, loader as reviewLoader } from "~/routes/review";
import { flagPost } from "~/services/flags.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();

async function spamThread() {
  const asker = await makeUser(t.db);
  const author = await makeUser(t.db, { reputation: 200 });
  const question = await makeQuestion(t.db, asker.id);
  const answer = await makeAnswer(t.db, author.id, question.id, "Buy watches at a discount now.");
  return { question, answer, author };
}

const flagRoute = (postId: number, fields: Record<string, string>, cookie?: string) =>
  callRoute(() => flagAction({ request: formRequest(`/posts/${postId}/flag`, fields, cookie), params: { id: String(postId) }, context: contextFor(t.db) } as never));

const reviewRoute = (fields: Record<string, string>, cookie?: string) =>
  callRoute(() => reviewAction({ request: formRequest("/review", fields, cookie), params: {}, context: contextFor(t.db) } as never));

async function openItem(postId: number) {
  const [item] = await t.db.select().from(reviewItems).where(and(eq(reviewItems.postId, postId), eq(reviewItems.status, "open")));
  return item;
}

describe("the flag route", () => {
  it("sends a signed-out visitor to log in and records nothing", async () => {
    const { answer } = await spamThread();
    const result = await flagRoute(answer.id, { kind: "spam" });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login\?redirectTo=/);
    expect(await t.db.select().from(flags).where(eq(flags.postId, answer.id))).toHaveLength(0);
  });

  it.each([
    { who: "a customer below the flag threshold", rep: PRIVILEGE_THRESHOLDS.flag - 1, suspended: false },
    { who: "a suspended member", rep: 500, suspended: true },
  ])("refuses $who with 403 and the reason", async ({ rep, suspended }) => {
    const { answer } = await spamThread();
    const user = await makeUser(t.db, { reputation: rep });
    if (suspended) {
      await t.db.update(users).set({ suspendedUntil: new Date(Date.now() + 86_400_000), suspensionReason: "Posting spam" }).where(eq(users.id, user.id));
    }
    const result = await flagRoute(answer.id, { kind: "spam", reason: "my words" }, await sessionCookieFor(t.db, user.id));
    expect(result.status).toBe(403);
    expect(result.data.errors.form).toMatch(suspended ? /suspended.*Posting spam/ : /You need 15 reputation to flag posts/);
    expect(result.data.values.reason).toBe("my words");
    expect(await t.db.select().from(flags).where(eq(flags.postId, answer.id))).toHaveLength(0);
  });

  it("refuses a missing kind, an 'other' without words and a bad duplicate link with 400, keeping the text", async () => {
    const { question } = await spamThread();
    const user = await makeUser(t.db, { reputation: 20 });
    const cookie = await sessionCookieFor(t.db, user.id);
    const none = await flagRoute(question.id, { reason: "hello" }, cookie);
    expect([none.status, none.data.errors.kind, none.data.values.reason]).toEqual([400, "Choose what is wrong.", "hello"]);
    const other = await flagRoute(question.id, { kind: "other", reason: "   " }, cookie);
    expect([other.status, other.data.errors.reason]).toEqual([400, "Say what is wrong, so staff know what to look for."]);
    const dup = await flagRoute(question.id, { kind: "duplicate", duplicateOf: "https://elsewhere.example/nothing" }, cookie);
    expect([dup.status, dup.data.errors.duplicateOf]).toEqual([400, "That is not a link to a question here. Paste a question's link or number, or type words from its title."]);
    const bogus = await flagRoute(question.id, { kind: "no-such-kind" }, cookie);
    expect(bogus.status).toBe(400);
  });

  it("accepts a duplicate flag given as the original's URL and confirms it", async () => {
    const { question } = await spamThread();
    const original = await makeQuestion(t.db, (await makeUser(t.db)).id);
    const user = await makeUser(t.db, { reputation: 20 });
    const result = await flagRoute(question.id, { kind: "duplicate", duplicateOf: `http://localhost/questions/${original.id}/some-title` }, await sessionCookieFor(t.db, user.id));
    expect([result.status, result.location]).toEqual([302, `/posts/${question.id}/flag?sent=1`]);
    const [row] = await t.db.select().from(flags).where(eq(flags.postId, question.id));
    expect(row.duplicateOfId).toBe(original.id);
  });

  it("a duplicate flag with words lists matching questions (not the flagged thread), and the chosen one is recorded", async () => {
    const asker = await makeUser(t.db);
    const original = await makeQuestion(t.db, asker.id, "Why does the quillonite payroll sync stop at midnight?");
    const question = await makeQuestion(t.db, asker.id, "Quillonite payroll sync stops every midnight");
    const answer = await makeAnswer(t.db, asker.id, question.id);
    const user = await makeUser(t.db, { reputation: 20 });
    const cookie = await sessionCookieFor(t.db, user.id);
    // Flagging an answer: its own question is the thread, and is left out of the list.
    const listed = await flagRoute(answer.id, { kind: "duplicate", duplicateOf: "quillonite payroll", reason: "Same problem" }, cookie);
    expect(listed.status).toBe(400);
    expect(listed.data.choices.map((choice: { id: number }) => choice.id)).toEqual([original.id]);
    expect(listed.data.values).toMatchObject({ duplicateOf: "quillonite payroll", reason: "Same problem" });
    expect(await t.db.select().from(flags).where(eq(flags.postId, answer.id))).toEqual([]);

    const chosen = await flagRoute(answer.id, { kind: "duplicate", duplicateOf: "quillonite payroll", duplicateOfId: String(original.id) }, cookie);
    expect(chosen.status).toBe(302);
    const [row] = await t.db.select().from(flags).where(eq(flags.postId, answer.id));
    expect(row.duplicateOfId).toBe(original.id);
  });

  it("a second open flag by the same member is a 409 with a clear message", async () => {
    const { answer } = await spamThread();
    const user = await makeUser(t.db, { reputation: 20 });
    const cookie = await sessionCookieFor(t.db, user.id);
    expect((await flagRoute(answer.id, { kind: "spam" }, cookie)).status).toBe(302);
    const again = await flagRoute(answer.id, { kind: "abusive" }, cookie);
    expect(again.status).toBe(409);
    expect(again.data.errors.form).toMatch(/already flagged/);
  });

  it("the flag page of a deleted post or a malformed comment id is a 404", async () => {
    const user = await makeUser(t.db, { reputation: 20 });
    const cookie = await sessionCookieFor(t.db, user.id);
    const missing = await callRoute(() => flagLoader({ request: getRequest("/posts/99999999/flag", cookie), params: { id: "99999999" }, context: contextFor(t.db) } as never));
    expect(missing.status).toBe(404);
    const { answer } = await spamThread();
    const badComment = await callRoute(() => flagLoader({ request: getRequest(`/posts/${answer.id}/flag?comment=abc`, cookie), params: { id: String(answer.id) }, context: contextFor(t.db) } as never));
    expect(badComment.status).toBe(404);
  });
});

describe("the review route", () => {
  it.each([
    { who: "a signed-out visitor", make: async () => undefined, status: 302 },
    { who: "a customer below the review threshold", make: async () => sessionCookieFor(t.db, (await makeUser(t.db, { reputation: PRIVILEGE_THRESHOLDS.review - 1 })).id), status: 403 },
  ])("keeps $who out of the queue", async ({ make, status }) => {
    const cookie = await make();
    const result = await callRoute(() => reviewLoader({ request: getRequest("/review", cookie), params: {}, context: contextFor(t.db) } as never));
    expect(result.status).toBe(status);
  });

  it.each([
    { who: "a signed-out visitor", cookie: async () => undefined, decision: "dismiss", status: 302 },
    { who: "a customer below the review threshold", cookie: async () => sessionCookieFor(t.db, (await makeUser(t.db, { reputation: 100 })).id), decision: "dismiss", status: 403 },
    { who: "a reviewer (not staff) confirming spam", cookie: async () => sessionCookieFor(t.db, (await makeUser(t.db, { reputation: 600 })).id), decision: "confirm_spam", status: 403 },
    {
      who: "a suspended reviewer",
      cookie: async () => {
        const user = await makeUser(t.db, { reputation: 600 });
        await t.db.update(users).set({ suspendedUntil: new Date(Date.now() + 86_400_000), suspensionReason: "Abuse" }).where(eq(users.id, user.id));
        return sessionCookieFor(t.db, user.id);
      },
      decision: "dismiss",
      status: 403,
    },
  ])("refuses $who a decision ($status) and changes nothing", async ({ cookie, decision, status }) => {
    const { answer } = await spamThread();
    await flagPost(t.db, { flaggerId: (await makeUser(t.db, { reputation: 20 })).id, postId: answer.id, kind: "spam" });
    const item = await openItem(answer.id);
    const result = await reviewRoute({ itemId: String(item.id), decision, note: "x" }, await cookie());
    expect(result.status).toBe(status);
    expect((await openItem(answer.id))?.id).toBe(item.id);
    const [row] = await t.db.select().from(posts).where(eq(posts.id, answer.id));
    expect(row.deletedAt).toBeNull();
  });

  it("staff decide; a second decision is a 409 naming who decided; bad input is a 400", async () => {
    const { answer } = await spamThread();
    await flagPost(t.db, { flaggerId: (await makeUser(t.db, { reputation: 20 })).id, postId: answer.id, kind: "spam" });
    const item = await openItem(answer.id);
    const staff = await makeUser(t.db, { role: "staff", name: "Stella Staff" });
    const cookie = await sessionCookieFor(t.db, staff.id);
    const noReason = await reviewRoute({ itemId: String(item.id), decision: "delete", note: "" }, cookie);
    expect([noReason.status, noReason.data.errors.note]).toEqual([400, "Say why, for the staff log and the author."]);
    const unknown = await reviewRoute({ itemId: "abc", decision: "explode" }, cookie);
    expect(unknown.status).toBe(400);
    const done = await reviewRoute({ itemId: String(item.id), decision: "confirm_spam", note: "" }, cookie);
    expect([done.status, done.location]).toEqual([302, "/review?done=confirm_spam"]);
    const again = await reviewRoute({ itemId: String(item.id), decision: "dismiss" }, cookie);
    expect(again.status).toBe(409);
    expect(again.data.errors.form).toMatch(/^Already decided by Stella Staff/);
  });
});

describe("held posts through the routes", () => {
  it("a brand-new member's answer with many links lands on 'waiting for review', visible to them only", async () => {
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const newbie = await makeUser(t.db, { createdAt: new Date(Date.now() - 3600_000) });
    const cookie = await sessionCookieFor(t.db, newbie.id);
    const body = "Try https://a.example/one, https://b.example/two and https://c.example/three for this.";
    const posted = await callRoute(() =>
      answerAction({ request: formRequest(`/questions/${question.id}`, { intent: "answer", body }, cookie), params: { id: String(question.id) }, context: contextFor(t.db) } as never),
    );
    expect(posted.status).toBe(302);
    const heldId = Number(/^\/posts\/(\d+)\/held$/.exec(posted.location ?? "")?.[1]);
    expect(heldId).toBeGreaterThan(0);
    const mine = await callRoute(() => heldLoader({ request: getRequest(`/posts/${heldId}/held`, cookie), params: { id: String(heldId) }, context: contextFor(t.db) } as never));
    expect(mine.status).toBe(200);
    expect(mine.data.post.bodyHtml).toContain("https://c.example/three");
    const other = await sessionCookieFor(t.db, asker.id);
    const theirs = await callRoute(() => heldLoader({ request: getRequest(`/posts/${heldId}/held`, other), params: { id: String(heldId) }, context: contextFor(t.db) } as never));
    expect(theirs.status).toBe(404);
  });
});
