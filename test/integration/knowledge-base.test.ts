import { and, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { kbArticles, kbFeedback, notifications } from "../../db/schema";
import * as articleRoute from "~/routes/kb.$slug._index";
import * as editRoute from "~/routes/kb.$slug.edit";
import * as manageRoute from "~/routes/kb.manage";
import * as questionRoute from "~/routes/questions.$id.($slug)";
import { ConflictError, ForbiddenError } from "~/services/errors";
import { getArticleBySlug, getKbHome, reviewList } from "~/services/kb-queries.server";
import { KB_READER_LIMITS, recordFeedback } from "~/services/kb-readers.server";
import { changeArticleStatus, deleteArticle, promoteAnswer, updateArticle, verifyArticle } from "~/services/knowledge-base.server";
import { editPost } from "~/services/posting.server";
import { recount } from "~/services/recount.server";
import { acceptAnswer } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, reputationOf, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest, questionUrl } from "../support/routes";

const t = useTestDatabase();

async function acceptedThread(title?: string) {
  const asker = await makeUser(t.db);
  const answerer = await makeUser(t.db);
  const question = await makeQuestion(t.db, asker.id, title);
  const answer = await makeAnswer(t.db, answerer.id, question.id, "Settings → Numbering → set the next number to 148.");
  await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
  return { asker, answerer, question, answer };
}

describe("promotion", () => {
  it("creates a credited draft from the thread, pays +25 once, and notifies the author", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const { answerer, answer, question } = await acceptedThread("How do I change the invoice number sequence?");
    const before = await reputationOf(t.db, answerer.id);

    const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    expect(article.slug).toBe("how-do-i-change-the-invoice-number-sequence");
    const [row] = await t.db.select().from(kbArticles).where(eq(kbArticles.id, article.id));
    expect(row).toMatchObject({ status: "draft", creditedUserId: answerer.id, sourceQuestionId: question.id, sourceAnswerId: answer.id, title: "How do I change the invoice number sequence?" });
    expect(row.bodyMarkdown).toContain("Settings → Numbering → set the next number to 148.");
    expect(row.bodyMarkdown).toContain("I need all of last year's invoices as CSV");
    expect(await reputationOf(t.db, answerer.id)).toBe(before + 25);
    const [note] = await t.db.select().from(notifications).where(and(eq(notifications.userId, answerer.id), eq(notifications.kind, "answer_promoted")));
    expect(note.message).toContain("knowledge-base article");

    await expect(promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id })).rejects.toBeInstanceOf(ConflictError);
    expect(await reputationOf(t.db, answerer.id)).toBe(before + 25);
  });

  it("a customer can never promote, and nothing changes", async () => {
    const { answer, asker } = await acceptedThread();
    const superuser = await makeUser(t.db, { reputation: 50_000 });
    await expect(promoteAnswer(t.db, { actorId: superuser.id, answerId: answer.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(promoteAnswer(t.db, { actorId: asker.id, answerId: answer.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await t.db.select().from(kbArticles).where(eq(kbArticles.sourceAnswerId, answer.id))).toEqual([]);
  });

  it("deleting the article reverses the bonus; promoting again pays it once more (net once)", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const { answerer, answer } = await acceptedThread();
    const base = await reputationOf(t.db, answerer.id);
    const first = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    await deleteArticle(t.db, { actorId: staff.id, articleId: first.id });
    expect(await reputationOf(t.db, answerer.id)).toBe(base);
    await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    expect(await reputationOf(t.db, answerer.id)).toBe(base + 25);
    expect(await recount(t.db)).toEqual([]);
  });
});

describe("editing, publishing, reading", () => {
  it("drafts are 404 to customers; published articles show; renames keep the old slug redirecting", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const customer = await makeUser(t.db);
    const { answer } = await acceptedThread("Bank feed stopped importing after bank rename");
    const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });

    await expect(getArticleBySlug(t.db, article.slug, customer)).rejects.toMatchObject({ status: 404 });
    await expect(getArticleBySlug(t.db, article.slug, null)).rejects.toMatchObject({ status: 404 });
    expect("article" in (await getArticleBySlug(t.db, article.slug, staff))).toBe(true);

    const { slug } = await updateArticle(t.db, { actorId: staff.id, articleId: article.id, title: "Reconnect a bank feed after your bank renames", body: "1. Open Banking.\n2. Reconnect.", categoryId: null });
    expect(slug).toBe("reconnect-a-bank-feed-after-your-bank-renames");
    await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "publish" });
    expect(await getArticleBySlug(t.db, article.slug, customer)).toEqual({ redirectTo: `/kb/${slug}` });
    const found = await getArticleBySlug(t.db, slug, customer);
    expect("article" in found && found.article.article.bodyHtml).toContain("<ol>");
    const home = await getKbHome(t.db, customer);
    expect(home.newest.map((item) => item.slug)).toContain(slug);

    await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "archive" });
    await expect(getArticleBySlug(t.db, slug, customer)).rejects.toMatchObject({ status: 404 });
  });

  it("customers' attempts to edit, publish, archive, verify or delete get 403 and change nothing", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const customer = await makeUser(t.db, { reputation: 50_000 });
    const { answer } = await acceptedThread();
    const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "publish" });
    const [before] = await t.db.select().from(kbArticles).where(eq(kbArticles.id, article.id));

    const cookie = await sessionCookieFor(t.db, customer.id);
    const params = { slug: article.slug };
    const attempts: Record<string, string>[] = [{ intent: "status", change: "archive" }, { intent: "status", change: "unpublish" }, { intent: "verify" }, { intent: "delete" }];
    for (const fields of attempts) {
      const result = await callRoute(async () => articleRoute.action({ request: formRequest(`/kb/${article.slug}`, fields, cookie), params, context: contextFor(t.db) }));
      expect(result.status).toBe(403);
    }
    const edit = await callRoute(async () =>
      editRoute.action({ request: formRequest(`/kb/${article.slug}/edit`, { title: "Hijacked title here", body: "Hijacked body text here" }, cookie), params, context: contextFor(t.db) }),
    );
    expect(edit.status).toBe(403);
    const manage = await callRoute(async () => manageRoute.loader({ request: getRequest("/kb/manage", cookie), params: {}, context: contextFor(t.db) }));
    expect(manage.status).toBe(403);
    const promote = await callRoute(async () =>
      questionRoute.action({ request: formRequest(`/questions/${answer.id}`, { intent: "promote", answerId: String(answer.id) }, cookie), params: { id: String((await t.db.select().from(kbArticles).where(eq(kbArticles.id, article.id)))[0].sourceQuestionId) }, context: contextFor(t.db) }),
    );
    expect(promote.status).toBe(403);
    const [after] = await t.db.select().from(kbArticles).where(eq(kbArticles.id, article.id));
    expect(after).toEqual(before);
  });

  it("a staff member promotes from the question page and lands on the draft's edit form", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const { answer, question } = await acceptedThread();
    const result = await callRoute(async () =>
      questionRoute.action({ request: formRequest(`/questions/${question.id}`, { intent: "promote", answerId: String(answer.id) }, await sessionCookieFor(t.db, staff.id)), params: { id: String(question.id) }, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/kb\/[a-z0-9-]+\/edit$/);
    const page = await callRoute(async () => questionRoute.loader({ request: getRequest(await questionUrl(t.db, question.id)), params: { id: String(question.id) }, context: contextFor(t.db) }));
    // Customers see the link only once the article is published.
    expect(page.data.answers[0].article).toBeNull();
  });
});

describe("feedback and freshness", () => {
  it("one helpful vote per reader (user or anonymous visitor); changing it moves the counters", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const reader = await makeUser(t.db);
    const { answer } = await acceptedThread();
    const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    await expect(recordFeedback(t.db, { articleId: article.id, voter: { userId: reader.id }, helpful: true })).rejects.toMatchObject({ status: 404 });
    await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "publish" });

    await recordFeedback(t.db, { articleId: article.id, voter: { userId: reader.id }, helpful: true });
    await recordFeedback(t.db, { articleId: article.id, voter: { userId: reader.id }, helpful: true });
    await recordFeedback(t.db, { articleId: article.id, voter: { visitorHash: "a".repeat(64), address: "test", hadCookie: true }, helpful: true });
    await recordFeedback(t.db, { articleId: article.id, voter: { visitorHash: "a".repeat(64), address: "test", hadCookie: true }, helpful: false, comment: "Nothing about the iOS app" });
    const [row] = await t.db.select().from(kbArticles).where(eq(kbArticles.id, article.id));
    expect([row.helpfulYes, row.helpfulNo]).toEqual([1, 1]);
  });

  it("anonymous visitors vote through the route with a visitor cookie, once", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const { answer } = await acceptedThread();
    const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "publish" });
    const first = await callRoute(async () => articleRoute.action({ request: formRequest(`/kb/${article.slug}`, { intent: "feedback", helpful: "yes" }), params: { slug: article.slug }, context: contextFor(t.db) }));
    expect(first.status).toBe(200);
    const cookie = first.headers.get("Set-Cookie")!.split(";")[0];
    expect(cookie).toMatch(/^peerdesk_visitor=/);
    await callRoute(async () => articleRoute.action({ request: formRequest(`/kb/${article.slug}`, { intent: "feedback", helpful: "yes" }, cookie), params: { slug: article.slug }, context: contextFor(t.db) }));
    const [row] = await t.db.select().from(kbArticles).where(eq(kbArticles.id, article.id));
    expect(row.helpfulYes).toBe(1);
    const bad = await callRoute(async () => articleRoute.action({ request: formRequest(`/kb/${article.slug}`, { intent: "feedback", helpful: "maybe" }), params: { slug: article.slug }, context: contextFor(t.db) }));
    expect(bad.status).toBe(400);
  });

  it("an edited source answer puts the article on the review list with a diff; verifying clears it", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const { answer, answerer } = await acceptedThread();
    const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "publish" });
    expect((await reviewList(t.db)).map((item) => item.id)).not.toContain(article.id);

    await editPost(t.db, { editorId: answerer.id, postId: answer.id, body: "Settings → Invoices → Numbering → set the next number to 148." });
    const due = (await reviewList(t.db)).find((item) => item.id === article.id);
    expect(due?.reviewReasons).toEqual(["source_changed"]);
    expect(due?.diff).toEqual([
      { kind: "removed", text: "Settings → Numbering → set the next number to 148." },
      { kind: "added", text: "Settings → Invoices → Numbering → set the next number to 148." },
    ]);

    await verifyArticle(t.db, { actorId: staff.id, articleId: article.id });
    expect((await reviewList(t.db)).map((item) => item.id)).not.toContain(article.id);
  });
});

async function publishedArticle() {
  const staff = await makeUser(t.db, { role: "staff" });
  const { answer } = await acceptedThread();
  const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
  await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "publish" });
  return { staff, article };
}

async function countersOf(articleId: number) {
  const [row] = await t.db.select({ views: kbArticles.views, yes: kbArticles.helpfulYes, no: kbArticles.helpfulNo }).from(kbArticles).where(eq(kbArticles.id, articleId));
  return row;
}

function visitorCookieFrom(result: { headers: Headers }) {
  return result.headers.get("Set-Cookie")?.split(";")[0] ?? null;
}

describe("readers count once", () => {
  const read = (slug: string, address: string, headers: { cookie?: string; userAgent?: string } = {}) =>
    callRoute(async () =>
      articleRoute.loader({
        request: new Request(`http://localhost/kb/${slug}`, { headers: { ...(headers.cookie ? { Cookie: headers.cookie } : {}), ...(headers.userAgent ? { "User-Agent": headers.userAgent } : {}) } }),
        params: { slug },
        context: contextFor(t.db, address),
      }),
    );
  const vote = (slug: string, address: string, fields: Record<string, string>, cookie?: string) =>
    callRoute(async () => articleRoute.action({ request: formRequest(`/kb/${slug}`, { intent: "feedback", ...fields }, cookie), params: { slug }, context: contextFor(t.db, address) }));

  it("30 page loads by one visitor count one view; the first load sets the visitor cookie", async () => {
    const { article } = await publishedArticle();
    const first = await read(article.slug, "198.51.100.1");
    expect(first.status).toBe(200);
    const cookie = visitorCookieFrom(first);
    expect(cookie).toMatch(/^peerdesk_visitor=/);
    for (let i = 0; i < 29; i++) expect((await read(article.slug, "198.51.100.1", { cookie: cookie! })).status).toBe(200);
    expect((await countersOf(article.id)).views).toBe(1);
  });

  it("30 loads without cookies from one address count one view; crawlers and staff count none", async () => {
    const { article, staff } = await publishedArticle();
    for (let i = 0; i < 30; i++) await read(article.slug, "198.51.100.2");
    expect((await countersOf(article.id)).views).toBe(1);
    await read(article.slug, "198.51.100.3", { userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" });
    await read(article.slug, "198.51.100.4", { cookie: await sessionCookieFor(t.db, staff.id) });
    expect((await countersOf(article.id)).views).toBe(1);
    // Another reader is another view.
    await read(article.slug, "198.51.100.5");
    expect((await countersOf(article.id)).views).toBe(2);
  });

  it("50 cookie-less 'not helpful' posts count at most the per-address limit, then get 429", async () => {
    const { article } = await publishedArticle();
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const result = await vote(article.slug, "198.51.100.6", { helpful: "no", comment: `Spam comment number ${i}` });
      statuses.push(result.status);
      if (result.status === 429) {
        expect(Number(result.headers.get("Retry-After"))).toBeGreaterThan(0);
        expect(result.data.errors.form).toMatch(/feedback/);
        expect(result.data.values.comment).toBe(`Spam comment number ${i}`);
      }
    }
    const limit = KB_READER_LIMITS.cookielessFeedbackPerAddress.limit;
    expect(statuses.filter((status) => status === 200)).toHaveLength(limit);
    expect(statuses.slice(limit).every((status) => status === 429)).toBe(true);
    expect(await countersOf(article.id)).toMatchObject({ yes: 0, no: limit });
    const comments = await t.db.select().from(kbFeedback).where(and(eq(kbFeedback.articleId, article.id), isNotNull(kbFeedback.comment)));
    expect(comments).toHaveLength(limit);
  });

  it("a visitor's second vote replaces the first rather than adding to it", async () => {
    const { article } = await publishedArticle();
    const cookie = visitorCookieFrom(await read(article.slug, "198.51.100.7"));
    expect((await vote(article.slug, "198.51.100.7", { helpful: "no" }, cookie!)).status).toBe(200);
    expect((await vote(article.slug, "198.51.100.7", { helpful: "no" }, cookie!)).status).toBe(200);
    expect(await countersOf(article.id)).toMatchObject({ yes: 0, no: 1 });
    expect((await vote(article.slug, "198.51.100.7", { helpful: "yes" }, cookie!)).status).toBe(200);
    expect(await countersOf(article.id)).toMatchObject({ yes: 1, no: 0 });
    expect(await t.db.select().from(kbFeedback).where(eq(kbFeedback.articleId, article.id))).toHaveLength(1);
  });

  it("visitors with fresh cookies are still limited per address", async () => {
    const { article } = await publishedArticle();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const cookie = visitorCookieFrom(await read(article.slug, "198.51.100.8"));
      statuses.push((await vote(article.slug, "198.51.100.8", { helpful: "no" }, cookie!)).status);
    }
    const limit = KB_READER_LIMITS.anonymousFeedbackPerAddress.limit;
    expect(statuses.filter((status) => status === 200)).toHaveLength(limit);
    expect((await countersOf(article.id)).no).toBe(limit);
  });

  it("feedback comments are rate-limited per reader", async () => {
    const { article } = await publishedArticle();
    const cookie = await sessionCookieFor(t.db, (await makeUser(t.db)).id);
    const limit = KB_READER_LIMITS.feedbackCommentsPerReader.limit;
    for (let i = 0; i < limit; i++) expect((await vote(article.slug, "198.51.100.9", { helpful: "no", comment: `Missing step ${i}` }, cookie)).status).toBe(200);
    expect((await vote(article.slug, "198.51.100.9", { helpful: "no", comment: "One comment too many" }, cookie)).status).toBe(429);
    // A plain vote, without a comment, still counts.
    expect((await vote(article.slug, "198.51.100.9", { helpful: "yes" }, cookie)).status).toBe(200);
  });
});

describe("the article page", () => {
  it("tells each viewer what they may do: readers rate, staff manage and see the figures", async () => {
    const { article, staff } = await publishedArticle();
    const asCustomer = await callRoute(async () => articleRoute.loader({ request: getRequest(`/kb/${article.slug}`, await sessionCookieFor(t.db, (await makeUser(t.db)).id)), params: { slug: article.slug }, context: contextFor(t.db) }));
    expect(asCustomer.data.may).toEqual({ rate: true, manage: false });
    expect(asCustomer.data.staff).toBeNull();
    expect(asCustomer.data.source.path).toMatch(/^\/questions\/\d+\/[a-z0-9-]+#answer-\d+$/);
    const asStaff = await callRoute(async () => articleRoute.loader({ request: getRequest(`/kb/${article.slug}`, await sessionCookieFor(t.db, staff.id)), params: { slug: article.slug }, context: contextFor(t.db) }));
    expect(asStaff.data.may).toEqual({ rate: true, manage: true });
    expect(asStaff.data.staff).toMatchObject({ views: 1, helpfulYes: 0, helpfulNo: 0, comments: [], review: [] });
    // An unpublished article: staff still manage it, nobody rates it.
    await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "unpublish" });
    const draft = await callRoute(async () => articleRoute.loader({ request: getRequest(`/kb/${article.slug}`, await sessionCookieFor(t.db, staff.id)), params: { slug: article.slug }, context: contextFor(t.db) }));
    expect(draft.data.may).toEqual({ rate: false, manage: true });
    const refused = await callRoute(async () => articleRoute.action({ request: formRequest(`/kb/${article.slug}`, { intent: "feedback", helpful: "yes" }), params: { slug: article.slug }, context: contextFor(t.db, "198.51.100.10") }));
    expect(refused.status).toBe(404);
  });
});
