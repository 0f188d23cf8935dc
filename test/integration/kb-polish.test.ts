// Issue 14, "Fix what a new user saw": the knowledge-base home (search, categories worth opening,
// no article twice), related articles that are related, and "Save and publish" in the editor.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { kbArticleRevisions, kbArticles } from "../../db/schema";
import * as articleRoute from "~/routes/kb.$slug._index";
import * as editRoute from "~/routes/kb.$slug.edit";
import * as homeRoute from "~/routes/kb._index";
import { articleSearchPath } from "~/lib/paths";
import { ConflictError, InvalidInputError } from "~/services/errors";
import { getKbHome, relatedArticles } from "~/services/kb-queries.server";
import { recordFeedback } from "~/services/kb-readers.server";
import { changeArticleStatus, promoteAnswer, saveAndPublishArticle } from "~/services/knowledge-base.server";
import { askQuestion } from "~/services/posting.server";
import { acceptAnswer } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();

/** A draft promoted from an accepted answer to a question with this title and these tags. */
async function draftArticle(title: string, tags: string[]) {
  const staff = await makeUser(t.db, { role: "staff" });
  const asker = await makeUser(t.db);
  const question = await askQuestion(t.db, { authorId: asker.id, title, body: "It worked yesterday and today it does not, and I have tried the obvious.", tags });
  const answer = await makeAnswer(t.db, (await makeUser(t.db)).id, question.id);
  await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
  const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
  return { staff, article };
}

async function publishedArticle(title: string, tags: string[], now = new Date()) {
  const { staff, article } = await draftArticle(title, tags);
  await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "publish" }, now);
  return { staff, article };
}

async function articleRow(id: number) {
  const [row] = await t.db.select().from(kbArticles).where(eq(kbArticles.id, id));
  return row;
}

async function revisionsOf(id: number) {
  return t.db.select().from(kbArticleRevisions).where(eq(kbArticleRevisions.articleId, id));
}

describe("the knowledge-base home", () => {
  it("hides empty categories from customers and shows them, marked empty, to staff", async () => {
    // Titles and tags in this file are chosen to share nothing across tests (see "related articles").
    const { staff, article } = await publishedArticle("Card payments shown in the wrong month", ["cards"]);
    const banking = (await getKbHome(t.db, staff)).categories.find((category) => category.slug === "banking")!;
    await t.db.update(kbArticles).set({ categoryId: banking.id }).where(eq(kbArticles.id, article.id));
    const customer = await makeUser(t.db);

    for (const reader of [customer, null]) {
      const home = await getKbHome(t.db, reader);
      expect(home.categories.map((category) => category.slug)).toEqual(["banking"]);
      expect(home.categories[0]).toMatchObject({ articles: 1, empty: false });
    }
    const asStaff = await getKbHome(t.db, staff);
    expect(asStaff.categories.map((category) => category.slug)).toEqual(["getting-started", "invoicing", "banking", "tax", "integrations", "account-and-billing"]);
    expect(asStaff.categories.filter((category) => category.empty).map((category) => category.slug)).toEqual(["getting-started", "invoicing", "tax", "integrations", "account-and-billing"]);

    // The route says the same: a customer's page lists one category.
    const page = await callRoute(async () => homeRoute.loader({ request: getRequest("/kb", await sessionCookieFor(t.db, customer.id)), params: {}, context: contextFor(t.db) }));
    expect(page.data.categories.map((category: { slug: string }) => category.slug)).toEqual(["banking"]);
    expect(page.data.staff).toBe(false);
  });

  it("never lists one article under both Most helpful and Newest", async () => {
    const now = Date.now();
    const older = await publishedArticle("Export the VAT return as a PDF", ["tax"], new Date(now - 3000));
    const rated = await publishedArticle("Set a default payment term for new customers", ["invoices"], new Date(now - 2000));
    await publishedArticle("Invite your bookkeeper as a read-only user", ["users"], new Date(now - 1000));
    for (const _ of [1, 2]) await recordFeedback(t.db, { articleId: rated.article.id, voter: { userId: (await makeUser(t.db)).id }, helpful: true });

    const home = await getKbHome(t.db, null);
    const helpful = home.mostHelpful.map((article) => article.id);
    const newest = home.newest.map((article) => article.id);
    expect(helpful).toContain(rated.article.id);
    // Without the rule, the three newest (this test's) would all be under Newest, the rated one too.
    expect(newest).not.toContain(rated.article.id);
    expect(newest).toContain(older.article.id);
    expect(helpful.filter((id) => newest.includes(id))).toEqual([]);
  });

  it("sends its search box's GET on to site search, articles only", async () => {
    const result = await callRoute(async () => homeRoute.loader({ request: getRequest("/kb?q=%20refund%20policy%20"), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/search?q=refund+policy+is%3Aarticle");
    expect(result.location).toBe(articleSearchPath("refund policy"));
    // An empty box shows the home page itself.
    const empty = await callRoute(async () => homeRoute.loader({ request: getRequest("/kb?q=+"), params: {}, context: contextFor(t.db) }));
    expect(empty.status).toBe(200);
  });
});

describe("related articles", () => {
  it("share a tag or a title word with the article, and are absent when nothing is shared", async () => {
    const feed = await publishedArticle("Bank feed stopped importing overnight", ["bank-feeds"]);
    const sameWords = await publishedArticle("Reconnect a bank feed after changing your password", ["passwords"]);
    const sameTag = await publishedArticle("Transactions arrive twice since Monday", ["bank-feeds"]);
    const unrelated = await publishedArticle("Print payslips in landscape", ["payslip-layout"]);
    const draft = await draftArticle("Bank feed for a second currency", ["bank-feeds"]);

    const related = (await relatedArticles(t.db, await articleRow(feed.article.id))).map((article) => article.slug);
    expect(related.sort()).toEqual([sameWords.article.slug, sameTag.article.slug].sort());
    expect(related).not.toContain(unrelated.article.slug);
    expect(related).not.toContain(draft.article.slug);
    // A shared tag ranks first when both are there.
    expect((await relatedArticles(t.db, await articleRow(sameTag.article.id)))[0].slug).toBe(feed.article.slug);

    // Nothing in common with anything: the page has no related list at all, not a filler one.
    const page = await callRoute(async () => articleRoute.loader({ request: getRequest(`/kb/${unrelated.article.slug}`), params: { slug: unrelated.article.slug }, context: contextFor(t.db) }));
    expect(page.status).toBe(200);
    expect(page.data.related).toEqual([]);
  });

  it("keeps the ranking but shows each related article as it is now; a new one is found once the ranking is a day old", async () => {
    const viewed = await publishedArticle("Payroll export to the pension provider fails", ["pension-export"]);
    const renamed = await publishedArticle("Pension provider rejects the payroll export file", ["pension-export"]);
    const withdrawn = await publishedArticle("Payroll pension export missing employees", ["pension-export"]);
    const titles = async (now?: Date) => (await relatedArticles(t.db, await articleRow(viewed.article.id), now)).map((article) => article.title);
    const title = async (id: number) => (await articleRow(id)).title;
    const withdrawnTitle = await title(withdrawn.article.id);
    expect(await titles()).toEqual(expect.arrayContaining([await title(renamed.article.id), withdrawnTitle]));

    await t.db.update(kbArticles).set({ title: "Pension provider refuses the payroll export" }).where(eq(kbArticles.id, renamed.article.id));
    await changeArticleStatus(t.db, { actorId: withdrawn.staff.id, articleId: withdrawn.article.id, change: "unpublish" });
    const later = await publishedArticle("Pension export: which payroll fields the provider needs", ["pension-export"]);
    const now = await titles();
    expect(now).toContain("Pension provider refuses the payroll export");
    expect(now).not.toContain(withdrawnTitle);
    expect(now).not.toContain(await title(later.article.id));
    expect(await titles(new Date(Date.now() + 25 * 60 * 60 * 1000))).toContain(await title(later.article.id));
  });
});

describe("Save and publish", () => {
  const edit = (slug: string, fields: Record<string, string>, cookie: string) =>
    callRoute(async () => editRoute.action({ request: formRequest(`/kb/${slug}/edit`, fields, cookie), params: { slug }, context: contextFor(t.db) }));

  it("saves the edit and publishes the draft in one step", async () => {
    const { staff, article } = await draftArticle("Where is the invoice numbering setting", ["invoices"]);
    const cookie = await sessionCookieFor(t.db, staff.id);
    const form = await callRoute(async () => editRoute.loader({ request: getRequest(`/kb/${article.slug}/edit`, cookie), params: { slug: article.slug }, context: contextFor(t.db) }));
    expect(form.data.mayPublish).toBe(true);

    const result = await edit(article.slug, { intent: "publish", title: "Change where invoice numbers start", body: "Settings → Numbering → next number.", categoryId: "", baseRevision: String(form.data.baseRevision) }, cookie);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/kb/change-where-invoice-numbers-start");
    const row = await articleRow(article.id);
    expect(row).toMatchObject({ status: "published", title: "Change where invoice numbers start", bodyMarkdown: "Settings → Numbering → next number." });
    expect(row.publishedAt).not.toBeNull();
    expect(await revisionsOf(article.id)).toHaveLength(2);
    // A customer now reads it.
    const read = await callRoute(async () => articleRoute.loader({ request: getRequest(result.location!), params: { slug: row.slug }, context: contextFor(t.db) }));
    expect(read.status).toBe(200);
    // Published now: the editor offers a plain save only.
    const again = await callRoute(async () => editRoute.loader({ request: getRequest(`/kb/${row.slug}/edit`, cookie), params: { slug: row.slug }, context: contextFor(t.db) }));
    expect(again.data.mayPublish).toBe(false);
  });

  it("a bad edit publishes nothing, and the form keeps what was typed", async () => {
    const { staff, article } = await draftArticle("Payroll export misses the last day", ["payroll"]);
    const cookie = await sessionCookieFor(t.db, staff.id);
    const before = await articleRow(article.id);

    const blankTitle = await edit(article.slug, { intent: "publish", title: "", body: "My careful new body, kept.", categoryId: "" }, cookie);
    expect(blankTitle.status).toBe(400);
    expect(blankTitle.data.errors.title).toBeTruthy();
    expect(blankTitle.data.values.body).toBe("My careful new body, kept.");

    const badCategory = await edit(article.slug, { intent: "publish", title: "Payroll export and the last day", body: "My careful new body, kept.", categoryId: "999999" }, cookie);
    expect(badCategory.status).toBe(400);
    expect(badCategory.data.values.title).toBe("Payroll export and the last day");

    expect(await articleRow(article.id)).toEqual(before);
    expect(await revisionsOf(article.id)).toHaveLength(1);

    // A stale base revision is a conflict: nothing saved, nothing published.
    await expect(
      saveAndPublishArticle(t.db, { actorId: staff.id, articleId: article.id, title: "Payroll export and the last day", body: "Another body.", categoryId: null, baseRevision: 0 }),
    ).rejects.toBeInstanceOf(ConflictError);
    // The edit is fine but the article cannot be published (archived): the edit is rolled back with it.
    await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "archive" });
    await expect(
      saveAndPublishArticle(t.db, { actorId: staff.id, articleId: article.id, title: "Payroll export and the last day", body: "Another body.", categoryId: null }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    const after = await articleRow(article.id);
    expect(after).toMatchObject({ status: "archived", title: before.title, bodyMarkdown: before.bodyMarkdown, publishedAt: null });
    expect(await revisionsOf(article.id)).toHaveLength(1);
  });

  it("a customer cannot save and publish", async () => {
    const { article } = await draftArticle("Customer tries to publish a draft", ["drafts"]);
    const customer = await makeUser(t.db, { reputation: 50_000 });
    const result = await edit(article.slug, { intent: "publish", title: "Published by a customer", body: "Not allowed.", categoryId: "" }, await sessionCookieFor(t.db, customer.id));
    expect(result.status).toBe(403);
    expect((await articleRow(article.id)).status).toBe("draft");
  });
});
