// Lost updates: an edit made from a form loaded before someone else's save is refused with both
// versions (409), never silently undoing that save; saving again from the refreshed form is a
// deliberate overwrite.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { kbArticleRevisions, kbArticles, postRevisions, posts } from "../../db/schema";
import * as articleEditRoute from "~/routes/kb.$slug.edit";
import * as postEditRoute from "~/routes/posts.$id.edit";
import { ConflictError } from "~/services/errors";
import { promoteAnswer, updateArticle } from "~/services/knowledge-base.server";
import { editPost } from "~/services/posting.server";
import { acceptAnswer } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();

const WITH_PHONE = "Call me on +44 7700 900123 and I will walk you through the export settings.";
const REDACTED = "Call me on [phone number removed by staff] and I will walk you through the export settings.";
const AUTHORS_EDIT = "Call me on +44 7700 900123 and I will walk you through the export settings, step by step.";

async function storedPost(postId: number) {
  const [post] = await t.db.select().from(posts).where(eq(posts.id, postId));
  const revisions = await t.db.select().from(postRevisions).where(eq(postRevisions.postId, postId));
  return { body: post.bodyMarkdown, revisions: revisions.length };
}

async function caught(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("post edits carry the revision they were based on", () => {
  it("a stale edit is a ConflictError with the current version, and nothing is stored", async () => {
    const author = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const question = await makeQuestion(t.db, author.id);
    const answer = await makeAnswer(t.db, author.id, question.id, WITH_PHONE);
    await editPost(t.db, { editorId: staff.id, postId: answer.id, body: REDACTED, baseRevision: 1 });

    const error = await caught(editPost(t.db, { editorId: author.id, postId: answer.id, body: AUTHORS_EDIT, baseRevision: 1 }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).conflict).toMatchObject({
      revision: 2,
      editedBy: staff.displayName,
      current: { title: null, details: [], body: REDACTED },
      yours: { body: AUTHORS_EDIT },
    });
    expect(await storedPost(answer.id)).toEqual({ body: REDACTED, revisions: 2 });

    // Based on the revision they have now seen, the author's save goes through.
    await editPost(t.db, { editorId: author.id, postId: answer.id, body: AUTHORS_EDIT, baseRevision: 2 });
    expect(await storedPost(answer.id)).toEqual({ body: AUTHORS_EDIT, revisions: 3 });
  });

  it("a question's conflict covers title and tags too", async () => {
    const author = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const question = await makeQuestion(t.db, author.id, "How do I export all invoices from last year?");
    await editPost(t.db, { editorId: staff.id, postId: question.id, title: "How do I export every invoice from last year?", body: "I need all of last year's invoices as CSV.", tags: ["exports"], baseRevision: 1 });
    const error = await caught(editPost(t.db, { editorId: author.id, postId: question.id, title: "How do I export all invoices from 2025?", body: "I need all of last year's invoices as CSV.", tags: ["exports", "invoices"], baseRevision: 1 }));
    expect((error as ConflictError).conflict?.current).toEqual({ title: "How do I export every invoice from last year?", details: ["Tags: exports"], body: "I need all of last year's invoices as CSV." });
    const [stored] = await t.db.select().from(posts).where(eq(posts.id, question.id));
    expect(stored.title).toBe("How do I export every invoice from last year?");
  });

  it("through the edit page: 409 with both versions and the user's text, then a deliberate save", async () => {
    const author = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const question = await makeQuestion(t.db, author.id);
    const answer = await makeAnswer(t.db, author.id, question.id, WITH_PHONE);
    const authorCookie = await sessionCookieFor(t.db, author.id);
    const params = { id: String(answer.id) };
    const page = await callRoute(async () => postEditRoute.loader({ request: getRequest(`/posts/${answer.id}/edit`, authorCookie), params, context: contextFor(t.db) }));
    expect(page.data.baseRevision).toBe(1);

    const redaction = await callRoute(async () =>
      postEditRoute.action({ request: formRequest(`/posts/${answer.id}/edit`, { body: REDACTED, baseRevision: "1" }, await sessionCookieFor(t.db, staff.id)), params, context: contextFor(t.db) }),
    );
    expect(redaction.status).toBe(302);

    const stale = await callRoute(async () =>
      postEditRoute.action({ request: formRequest(`/posts/${answer.id}/edit`, { body: AUTHORS_EDIT, summary: "More detail", baseRevision: String(page.data.baseRevision) }, authorCookie), params, context: contextFor(t.db) }),
    );
    expect(stale.status).toBe(409);
    expect(stale.data.values).toMatchObject({ body: AUTHORS_EDIT, summary: "More detail", baseRevision: "2" });
    expect(stale.data.conflict.current.body).toBe(REDACTED);
    expect(stale.data.conflict.diff).toEqual(
      expect.arrayContaining([
        { kind: "removed", text: `${REDACTED}` },
        { kind: "added", text: `${AUTHORS_EDIT}` },
      ]),
    );
    expect(stale.data.errors.form).toMatch(/saved a new version/);
    expect(await storedPost(answer.id)).toEqual({ body: REDACTED, revisions: 2 });

    const deliberate = await callRoute(async () =>
      postEditRoute.action({ request: formRequest(`/posts/${answer.id}/edit`, { body: AUTHORS_EDIT, baseRevision: stale.data.values.baseRevision }, authorCookie), params, context: contextFor(t.db) }),
    );
    expect(deliberate.status).toBe(302);
    expect(await storedPost(answer.id)).toEqual({ body: AUTHORS_EDIT, revisions: 3 });
  });

  it("a form without its base revision is refused with a message, the text kept", async () => {
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, author.id);
    const answer = await makeAnswer(t.db, author.id, question.id, WITH_PHONE);
    const result = await callRoute(async () =>
      postEditRoute.action({ request: formRequest(`/posts/${answer.id}/edit`, { body: AUTHORS_EDIT }, await sessionCookieFor(t.db, author.id)), params: { id: String(answer.id) }, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(400);
    expect(result.data.errors.baseRevision).toMatch(/Reload the page/);
    expect(result.data.values.body).toBe(AUTHORS_EDIT);
    expect(await storedPost(answer.id)).toEqual({ body: WITH_PHONE, revisions: 1 });
  });
});

describe("knowledge-base article edits carry the revision they were based on", () => {
  async function draft() {
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, answerer.id, question.id, "Settings → Numbering → set the next number to 148.");
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    const first = await makeUser(t.db, { role: "staff" });
    const second = await makeUser(t.db, { role: "staff" });
    const article = await promoteAnswer(t.db, { actorId: first.id, answerId: answer.id });
    return { first, second, article };
  }

  async function storedArticle(articleId: number) {
    const [article] = await t.db.select().from(kbArticles).where(eq(kbArticles.id, articleId));
    const revisions = await t.db.select().from(kbArticleRevisions).where(eq(kbArticleRevisions.articleId, articleId));
    return { title: article.title, body: article.bodyMarkdown, revisions: revisions.length };
  }

  it("a stale save is a ConflictError with the current version, and nothing is stored", async () => {
    const { first, second, article } = await draft();
    await updateArticle(t.db, { actorId: first.id, articleId: article.id, title: "Change the invoice number sequence", body: "1. Open Settings.\n2. Numbering.", categoryId: null, baseRevision: 1 });
    const error = await caught(updateArticle(t.db, { actorId: second.id, articleId: article.id, title: "Set the next invoice number", body: "Open Settings, then Numbering.", categoryId: null, baseRevision: 1 }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).conflict).toMatchObject({
      revision: 2,
      editedBy: first.displayName,
      current: { title: "Change the invoice number sequence", details: ["Category: No category"], body: "1. Open Settings.\n2. Numbering." },
      yours: { title: "Set the next invoice number", body: "Open Settings, then Numbering." },
    });
    expect(await storedArticle(article.id)).toEqual({ title: "Change the invoice number sequence", body: "1. Open Settings.\n2. Numbering.", revisions: 2 });
  });

  it("through the edit page: 409 with both versions and the user's text, then a deliberate save", async () => {
    const { first, second, article } = await draft();
    const params = { slug: article.slug };
    const secondCookie = await sessionCookieFor(t.db, second.id);
    const page = await callRoute(async () => articleEditRoute.loader({ request: getRequest(`/kb/${article.slug}/edit`, secondCookie), params, context: contextFor(t.db) }));
    expect(page.data.baseRevision).toBe(1);
    // The first staff member fixes the body and keeps the title (and so the address).
    const title = page.data.article.title;
    await updateArticle(t.db, { actorId: first.id, articleId: article.id, title, body: "1. Open Settings.\n2. Numbering.", categoryId: null, baseRevision: 1 });

    const mine = { title: "Set the next invoice number", body: "Open Settings, then Numbering.", categoryId: "", note: "Shorter" };
    const stale = await callRoute(async () =>
      articleEditRoute.action({ request: formRequest(`/kb/${article.slug}/edit`, { ...mine, baseRevision: "1" }, secondCookie), params, context: contextFor(t.db) }),
    );
    expect(stale.status).toBe(409);
    expect(stale.data.values).toMatchObject({ ...mine, baseRevision: "2" });
    expect(stale.data.conflict.current).toMatchObject({ title, body: "1. Open Settings.\n2. Numbering." });
    const added = stale.data.conflict.diff.filter((part: { kind: string }) => part.kind === "added").map((part: { text: string }) => part.text).join("");
    expect(added).toContain("Title: Set the next invoice number");
    expect(added).toContain("Open Settings, then Numbering.");
    expect(await storedArticle(article.id)).toEqual({ title, body: "1. Open Settings.\n2. Numbering.", revisions: 2 });

    const deliberate = await callRoute(async () =>
      articleEditRoute.action({ request: formRequest(`/kb/${article.slug}/edit`, { ...mine, baseRevision: stale.data.values.baseRevision }, secondCookie), params, context: contextFor(t.db) }),
    );
    expect(deliberate.status).toBe(302);
    expect(await storedArticle(article.id)).toEqual({ title: mine.title, body: mine.body, revisions: 3 });
  });
});
