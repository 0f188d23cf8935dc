// Route loaders and actions called with real Requests, as the server calls them.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, users, votes } from "../../db/schema";
import * as ask from "~/routes/questions.ask";
import * as question from "~/routes/questions.$id.($slug)";
import * as questions from "~/routes/questions._index";
import * as tag from "~/routes/tags.$tag";
import * as profile from "~/routes/users.$id.($slug)";
import * as edit from "~/routes/posts.$id.edit";
import * as healthz from "~/routes/healthz";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest, questionUrl } from "../support/routes";

const t = useTestDatabase();

const validQuestion = { title: "How do I void a paid invoice?", body: "I marked it paid by mistake and need to undo it.", tags: "invoices" };

describe("asking through the route", () => {
  it("redirects signed-out visitors to login and back", async () => {
    const result = await callRoute(async () => ask.loader({ request: getRequest("/questions/ask"), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Fquestions%2Fask");
  });

  it("creates the question and redirects to it", async () => {
    const user = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, user.id);
    const result = await callRoute(async () => ask.action({ request: formRequest("/questions/ask", validQuestion, cookie), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/questions\/\d+\/how-do-i-void-a-paid-invoice$/);
  });

  it.each([
    ["an empty title", { title: "" }, "title", "Title is required."],
    ["a 1 MB body", { body: "x".repeat(1_000_000) }, "body", "Body must be at most 30,000 characters."],
    ["a control character", { body: "A body that carries a \u0001 control character." }, "body", "Body contains characters that are not allowed."],
    ["six tags", { tags: "a b c d e f" }, "tags", "Use at most 5 tags."],
  ])("answers %s with 400, a message, and the user's text kept", async (_name, override, field, message) => {
    const user = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, user.id);
    const fields = { ...validQuestion, ...override };
    const result = await callRoute(async () => ask.action({ request: formRequest("/questions/ask", fields, cookie), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(400);
    expect(result.data.errors[field]).toBe(message);
    expect(result.data.values).toMatchObject(fields);
    const [count] = await t.db.select({ id: posts.id }).from(posts).where(eq(posts.authorId, user.id));
    expect(count).toBeUndefined();
  });

  it("answers a new account's fourth question in an hour with 429 and Retry-After", async () => {
    const user = await makeUser(t.db, { createdAt: new Date() });
    const cookie = await sessionCookieFor(t.db, user.id);
    for (let i = 0; i < 3; i++) {
      const ok = await callRoute(async () => ask.action({ request: formRequest("/questions/ask", { ...validQuestion, title: `${validQuestion.title} ${i}` }, cookie), params: {}, context: contextFor(t.db) }));
      expect(ok.status).toBe(302);
    }
    const result = await callRoute(async () => ask.action({ request: formRequest("/questions/ask", validQuestion, cookie), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(429);
    expect(Number(result.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(result.data.values.body).toBe(validQuestion.body);
  });
});

describe("the question page", () => {
  it.each(["-1", "abc", "0", "99999999999", "1.5", "2147483647"])("id %s is a 404, not a 500", async (id) => {
    const result = await callRoute(async () => question.loader({ request: getRequest(`/questions/${id}`), params: { id }, context: contextFor(t.db) }));
    expect(result.status).toBe(404);
  });

  it("says where each missing control would be what it needs, from the same can() the actions enforce, and nothing on one's own post", async () => {
    const asker = await makeUser(t.db);
    const newcomer = await makeUser(t.db);
    const q = await makeQuestion(t.db, asker.id);
    const a = await makeAnswer(t.db, newcomer.id, q.id);
    const cookie = await sessionCookieFor(t.db, newcomer.id);
    const page = await callRoute(async () => question.loader({ request: getRequest(await questionUrl(t.db, q.id), cookie), params: { id: String(q.id) }, context: contextFor(t.db) }));
    const note = (text: string) => ({ text, logIn: false });
    expect(page.data.question.canComment).toBe(false);
    expect(page.data.question.notes).toEqual({
      comment: note("Commenting on others' posts needs 50 reputation."),
      vote: note("Upvoting needs 15 reputation."),
      flag: note("Flagging needs 15 reputation."),
      edit: note("Editing others' posts needs 1000 reputation."),
    });
    expect(page.data.moderation.closeNote).toEqual(note("Voting to close or reopen needs 2000 reputation."));
    const own = page.data.answers.find((answer: { id: number }) => answer.id === a.id);
    expect([own.canComment, own.notes]).toEqual([true, { comment: null, vote: null, flag: null, edit: null }]);

    const anonymous = await callRoute(async () => question.loader({ request: getRequest(await questionUrl(t.db, q.id)), params: { id: String(q.id) }, context: contextFor(t.db) }));
    expect(anonymous.data.question.notes).toEqual({ comment: { text: "Log in to comment", logIn: true }, vote: { text: "Log in to vote", logIn: true }, flag: null, edit: null });
    expect(anonymous.data.moderation.closeNote).toBeNull();
  });

  it("tells a suspended member why where the comment link would be, and at the answer form", async () => {
    const asker = await makeUser(t.db);
    const member = await makeUser(t.db, { reputation: 5000 });
    const q = await makeQuestion(t.db, asker.id);
    await t.db.update(users).set({ suspendedUntil: new Date("2099-01-02T03:04:00Z"), suspensionReason: "Posting spam" }).where(eq(users.id, member.id));
    const cookie = await sessionCookieFor(t.db, member.id);
    const page = await callRoute(async () => question.loader({ request: getRequest(await questionUrl(t.db, q.id), cookie), params: { id: String(q.id) }, context: contextFor(t.db) }));
    const why = "Your account is suspended until 2 Jan 2099, 03:04 UTC: Posting spam";
    expect(page.data.question.notes.comment).toEqual({ text: why, logIn: false });
    expect(page.data.moderation.answerBlocked).toBe(why);
  });

  it("an answer's id is not a question", async () => {
    const asker = await makeUser(t.db);
    const q = await makeQuestion(t.db, asker.id);
    const a = await makeAnswer(t.db, asker.id, q.id);
    const result = await callRoute(async () => question.loader({ request: getRequest(await questionUrl(t.db, a.id)), params: { id: String(a.id) }, context: contextFor(t.db) }));
    expect(result.status).toBe(404);
  });

  it("posts an answer, and refuses an empty one with 400", async () => {
    const asker = await makeUser(t.db);
    const helper = await makeUser(t.db);
    const q = await makeQuestion(t.db, asker.id);
    const cookie = await sessionCookieFor(t.db, helper.id);
    const path = `/questions/${q.id}`;
    const empty = await callRoute(async () => question.action({ request: formRequest(path, { intent: "answer", body: "  " }, cookie), params: { id: String(q.id) }, context: contextFor(t.db) }));
    expect(empty.status).toBe(400);
    expect(empty.data.errors.body).toBe("Body is required.");
    const ok = await callRoute(async () => question.action({ request: formRequest(path, { intent: "answer", body: "Reports > Export > CSV does it." }, cookie), params: { id: String(q.id) }, context: contextFor(t.db) }));
    expect(ok.status).toBe(302);
    const page = await callRoute(async () => question.loader({ request: getRequest(await questionUrl(t.db, q.id), cookie), params: { id: String(q.id) }, context: contextFor(t.db) }));
    expect(page.data.answers).toHaveLength(1);
    expect(page.data.answers[0].bodyHtml).toContain("Reports &gt; Export &gt; CSV");
  });

  it("a vote without the reputation is 403 and changes nothing; a vote on another thread's post is 404", async () => {
    const asker = await makeUser(t.db);
    const newcomer = await makeUser(t.db);
    const q = await makeQuestion(t.db, asker.id);
    const other = await makeQuestion(t.db, asker.id);
    const cookie = await sessionCookieFor(t.db, newcomer.id);
    const refused = await callRoute(async () =>
      question.action({ request: formRequest(`/questions/${q.id}`, { intent: "vote", postId: String(q.id), direction: "up" }, cookie), params: { id: String(q.id) }, context: contextFor(t.db) }),
    );
    expect(refused.status).toBe(403);
    expect(refused.data.errors.form).toBe("You need 15 reputation to upvote.");
    expect(await t.db.select().from(votes).where(eq(votes.postId, q.id))).toEqual([]);
    const crossThread = await callRoute(async () =>
      question.action({ request: formRequest(`/questions/${q.id}`, { intent: "vote", postId: String(other.id), direction: "up" }, cookie), params: { id: String(q.id) }, context: contextFor(t.db) }),
    );
    expect(crossThread.status).toBe(404);
  });

  it("only the asker (or staff) can accept, whatever the form says", async () => {
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db, { reputation: 5000 });
    const q = await makeQuestion(t.db, asker.id);
    const a = await makeAnswer(t.db, answerer.id, q.id);
    const forged = await callRoute(async () =>
      question.action({ request: formRequest(`/questions/${q.id}`, { intent: "accept", answerId: String(a.id) }, await sessionCookieFor(t.db, answerer.id)), params: { id: String(q.id) }, context: contextFor(t.db) }),
    );
    expect(forged.status).toBe(403);
    const accepted = await callRoute(async () =>
      question.action({ request: formRequest(`/questions/${q.id}`, { intent: "accept", answerId: String(a.id) }, await sessionCookieFor(t.db, asker.id)), params: { id: String(q.id) }, context: contextFor(t.db) }),
    );
    expect(accepted.status).toBe(302);
    const [row] = await t.db.select({ accepted: posts.acceptedAnswerId }).from(posts).where(eq(posts.id, q.id));
    expect(row.accepted).toBe(a.id);
  });

  it("an unknown intent or a malformed id is a 400, not a 500", async () => {
    const asker = await makeUser(t.db);
    const q = await makeQuestion(t.db, asker.id);
    const cookie = await sessionCookieFor(t.db, asker.id);
    const attempts: Record<string, string>[] = [{ intent: "explode" }, { intent: "vote", postId: "-3", direction: "up" }, { intent: "vote", postId: "1", direction: "sideways" }];
    for (const fields of attempts) {
      const result = await callRoute(async () => question.action({ request: formRequest(`/questions/${q.id}`, fields, cookie), params: { id: String(q.id) }, context: contextFor(t.db) }));
      expect(result.status).toBe(400);
    }
  });
});

describe("lists, tags, profiles, edits, health", () => {
  it("an unknown sort or a forged cursor is a 400", async () => {
    for (const query of ["sort=sideways", "after=%00%01", `after=${"A".repeat(5000)}`, "page=99999999999", "page=-1"]) {
      const result = await callRoute(async () => questions.loader({ request: getRequest(`/questions?${query}`), params: {}, context: contextFor(t.db) }));
      expect(result.status).toBe(400);
    }
  });

  it("an unknown tag is a 404", async () => {
    const result = await callRoute(async () => tag.loader({ request: getRequest("/tags/no-such-tag"), params: { tag: "no-such-tag" }, context: contextFor(t.db) }));
    expect(result.status).toBe(404);
  });

  it("a customer cannot make someone staff (403); an admin can", async () => {
    const target = await makeUser(t.db);
    const customer = await makeUser(t.db, { reputation: 9000 });
    const admin = await makeUser(t.db, { role: "admin" });
    const request = async (cookie: string) =>
      callRoute(async () => profile.action({ request: formRequest(`/users/${target.id}`, { intent: "setRole", role: "staff" }, cookie), params: { id: String(target.id) }, context: contextFor(t.db) }));
    expect((await request(await sessionCookieFor(t.db, customer.id))).status).toBe(403);
    expect((await request(await sessionCookieFor(t.db, admin.id))).status).toBe(302);
    const [row] = await t.db.select({ role: users.role }).from(users).where(eq(users.id, target.id));
    expect(row.role).toBe("staff");
  });

  it("editing someone else's post is 403 for a customer without the privilege", async () => {
    const author = await makeUser(t.db);
    const other = await makeUser(t.db);
    const q = await makeQuestion(t.db, author.id);
    const result = await callRoute(async () =>
      edit.action({ request: formRequest(`/posts/${q.id}/edit`, validQuestion, await sessionCookieFor(t.db, other.id)), params: { id: String(q.id) }, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(403);
  });

  it("health answers ok", async () => {
    const result = await callRoute(async () => healthz.loader({ request: getRequest("/healthz"), params: {}, context: contextFor(t.db) }));
    expect([result.status, result.data]).toEqual([200, "ok"]);
  });
});
