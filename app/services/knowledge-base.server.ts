// Knowledge-base use cases for staff: promote an answer, edit, publish/unpublish/archive, verify,
// delete. One transaction each. What readers add (votes, views) is in kb-readers.server.ts.
import { and, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { kbArticleRevisions, kbArticles, kbCategories, kbSlugRedirects, postRevisions, posts } from "../../db/schema";
import { nextStatus, uniqueSlug, type StatusChange } from "~/domain/knowledge-base";
import { can, type Actor, type ArticleFacts } from "~/domain/privileges";
import { RENDERER_VERSION, renderMarkdown } from "~/lib/markdown.server";
import { slugify } from "~/lib/slug";
import { ConflictError, EDIT_CONFLICT_MESSAGE, InvalidInputError, NotFoundError } from "./errors";
import { latestArticleRevision } from "./kb-queries.server";
import { lockPost } from "./posts.server";
import { findActor, requireAllowed } from "./actors.server";
import { awardBadges } from "./badges.server";
import { liveEvents, lockUsers, recordReputation, reverseReputation } from "./reputation.server";
import { answerPath } from "~/lib/paths";
import { noticeFor } from "~/domain/notifications";
import { notify } from "./notifications.server";

async function freeSlug(tx: Database, title: string, articleId?: number) {
  const base = slugify(title);
  // Words the knowledge base's own pages use under /kb/.
  const taken = new Set<string>(["manage", "categories"]);
  const rows = await tx.execute(sql`
    select slug from kb_articles where (slug = ${base} or slug like ${base + "-%"}) ${articleId ? sql`and id <> ${articleId}` : sql``}
    union select slug from kb_slug_redirects where (slug = ${base} or slug like ${base + "-%"}) ${articleId ? sql`and article_id <> ${articleId}` : sql``}`);
  for (const row of rowsOf<{ slug: string }>(rows)) taken.add(row.slug);
  return uniqueSlug(base, (candidate) => taken.has(candidate));
}

/** The article's prefilled draft: the question for context, then the answer. */
export function draftBody(question: { bodyMarkdown: string }, answer: { bodyMarkdown: string }) {
  const context = question.bodyMarkdown.trim();
  return `## The question\n\n${context}\n\n## The answer\n\n${answer.bodyMarkdown.trim()}\n`;
}

export async function promoteAnswer(db: Database, input: { actorId: number; answerId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const { post: answer, facts } = await lockPost(tx, input.answerId);
    const actor = await findActor(tx, input.actorId);
    const [existing] = await tx
      .select({ slug: kbArticles.slug })
      .from(kbArticles)
      .where(and(eq(kbArticles.sourceAnswerId, answer.id), isNull(kbArticles.deletedAt)));
    requireAllowed(can(actor, { type: "promote", answer: facts, alreadyPromoted: existing !== undefined }), "That answer");
    const [question] = await tx.select().from(posts).where(eq(posts.id, answer.questionId!));
    const [revision] = await tx.select({ n: max(postRevisions.revisionNumber) }).from(postRevisions).where(eq(postRevisions.postId, answer.id));
    const title = question.title!;
    const body = draftBody(question, answer);
    const slug = await freeSlug(tx, title);
    const [article] = await tx
      .insert(kbArticles)
      .values({
        slug,
        title,
        bodyMarkdown: body,
        bodyHtml: renderMarkdown(body),
        rendererVersion: RENDERER_VERSION,
        sourceQuestionId: question.id,
        sourceAnswerId: answer.id,
        sourceRevisionNumber: revision?.n ?? 1,
        creditedUserId: answer.authorId,
        createdById: actor!.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: kbArticles.id, slug: kbArticles.slug });
    await tx.insert(kbArticleRevisions).values({ articleId: article.id, revisionNumber: 1, editorId: actor!.id, title, bodyMarkdown: body, note: "Promoted from the community", createdAt: now });

    // The bonus is paid once per answer: a live (unreversed) promotion event means it already was.
    const locked = await lockUsers(tx, [answer.authorId], now);
    const paid = await liveEvents(tx, { postId: answer.id, reasons: ["answer_promoted"] });
    if (paid.length === 0) {
      await recordReputation(tx, { userId: answer.authorId, reason: "answer_promoted", postId: answer.id, actorId: actor!.id }, locked, now);
    }
    await awardBadges(tx, answer.authorId, "answer_promoted", { postId: answer.id, now });
    const link = answerPath(question, answer.id);
    await notify(tx, actor!.id, [noticeFor.promoted({ answerAuthorId: answer.authorId, questionTitle: question.title ?? title, answerId: answer.id, link })], now);
    return article;
  });
}

export function articleFacts(article: { status: ArticleFacts["status"]; deletedAt: Date | null }): ArticleFacts {
  return { status: article.status, deleted: article.deletedAt !== null };
}

/** The staff member and the article they are changing, its row locked for the rest of the transaction. */
async function lockArticleFor(tx: Database, actorId: number, articleId: number) {
  const actor = await findActor(tx, actorId);
  const [article] = await tx.select().from(kbArticles).where(eq(kbArticles.id, articleId)).for("update");
  if (!article) throw new NotFoundError("That article");
  requireAllowed(can(actor, { type: "manageArticles", article: articleFacts(article) }), "That article");
  return { actor: actor as Actor, article };
}

async function categoryNames(tx: Database, ids: (number | null)[]) {
  const wanted = ids.filter((id): id is number => id !== null);
  if (wanted.length === 0) return new Map<number, string>();
  const rows = await tx.select({ id: kbCategories.id, name: kbCategories.name }).from(kbCategories).where(inArray(kbCategories.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

type ArticleEdit = { title: string; body: string; categoryId: number | null; note?: string | null; baseRevision?: number };
type LockedArticle = Awaited<ReturnType<typeof lockArticleFor>>;

/**
 * Saves a new revision of an article. `baseRevision` is the revision the form was loaded with:
 * when another staff member saved a newer one meanwhile, the save is refused with both versions.
 */
export async function updateArticle(db: Database, input: { actorId: number; articleId: number } & ArticleEdit, now = new Date()) {
  return db.transaction(async (tx) => saveRevision(tx, await lockArticleFor(tx, input.actorId, input.articleId), input, now));
}

/**
 * The editor's "Save and publish": the edit and the publication in one transaction, so a refused
 * edit (bad category, a conflict) publishes nothing, and a draft never goes public half-edited.
 */
export async function saveAndPublishArticle(db: Database, input: { actorId: number; articleId: number } & ArticleEdit, now = new Date()) {
  return db.transaction(async (tx) => {
    const locked = await lockArticleFor(tx, input.actorId, input.articleId);
    const { slug } = await saveRevision(tx, locked, input, now);
    const { status } = await applyStatusChange(tx, locked, "publish", now);
    return { slug, status };
  });
}

async function saveRevision(tx: Database, { actor, article }: LockedArticle, input: ArticleEdit, now: Date) {
  if (input.categoryId !== null) {
    const [category] = await tx.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.id, input.categoryId));
    if (!category) throw new InvalidInputError({ categoryId: "Choose one of the listed categories." });
  }
  let slug = article.slug;
  if (input.title !== article.title) {
    slug = await freeSlug(tx, input.title, article.id);
    if (slug !== article.slug) {
      // The old address keeps working.
      await tx.insert(kbSlugRedirects).values({ slug: article.slug, articleId: article.id }).onConflictDoUpdate({ target: kbSlugRedirects.slug, set: { articleId: article.id } });
      await tx.delete(kbSlugRedirects).where(eq(kbSlugRedirects.slug, slug));
    }
  }
  const latest = await latestArticleRevision(tx, article.id);
  const changed = input.title !== article.title || input.body !== article.bodyMarkdown || input.categoryId !== article.categoryId;
  // Read under the article's row lock: no other save can slip in between this check and ours.
  if (changed && input.baseRevision !== undefined && latest && input.baseRevision < latest.revision) {
    const names = await categoryNames(tx, [article.categoryId, input.categoryId]);
    const version = (title: string, categoryId: number | null, body: string) => ({
      title,
      details: [`Category: ${(categoryId !== null && names.get(categoryId)) || "No category"}`],
      body,
    });
    throw new ConflictError(EDIT_CONFLICT_MESSAGE, {
      ...latest,
      current: version(article.title, article.categoryId, article.bodyMarkdown),
      yours: version(input.title, input.categoryId, input.body),
    });
  }
  await tx.insert(kbArticleRevisions).values({
    articleId: article.id,
    revisionNumber: (latest?.revision ?? 0) + 1,
    editorId: actor.id,
    title: input.title,
    bodyMarkdown: input.body,
    categoryId: input.categoryId,
    note: input.note ?? null,
    createdAt: now,
  });
  await tx
    .update(kbArticles)
    .set({ title: input.title, slug, bodyMarkdown: input.body, bodyHtml: renderMarkdown(input.body), rendererVersion: RENDERER_VERSION, categoryId: input.categoryId, updatedAt: now })
    .where(eq(kbArticles.id, article.id));
  return { slug };
}

export async function changeArticleStatus(db: Database, input: { actorId: number; articleId: number; change: StatusChange }, now = new Date()) {
  return db.transaction(async (tx) => applyStatusChange(tx, await lockArticleFor(tx, input.actorId, input.articleId), input.change, now));
}

async function applyStatusChange(tx: Database, { actor, article }: LockedArticle, change: StatusChange, now: Date) {
  const status = nextStatus(article.status, change);
  if (!status) throw new InvalidInputError({ form: `A ${article.status} article cannot be asked to ${change}.` });
  const firstPublish = status === "published" && !article.publishedAt;
  await tx
    .update(kbArticles)
    .set({
      status,
      updatedAt: now,
      ...(firstPublish ? { publishedAt: now, lastVerifiedAt: now, lastVerifiedById: actor.id } : {}),
    })
    .where(eq(kbArticles.id, article.id));
  return { slug: article.slug, status };
}

/** A staff member checked the article is still right: it leaves the review list. */
export async function verifyArticle(db: Database, input: { actorId: number; articleId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const { actor, article } = await lockArticleFor(tx, input.actorId, input.articleId);
    let sourceRevisionNumber = article.sourceRevisionNumber;
    if (article.sourceAnswerId) {
      const [revision] = await tx.select({ n: max(postRevisions.revisionNumber) }).from(postRevisions).where(eq(postRevisions.postId, article.sourceAnswerId));
      sourceRevisionNumber = revision?.n ?? sourceRevisionNumber;
    }
    await tx
      .update(kbArticles)
      .set({ lastVerifiedAt: now, lastVerifiedById: actor.id, sourceRevisionNumber })
      .where(eq(kbArticles.id, article.id));
    return { slug: article.slug };
  });
}

/** Soft delete; the promotion bonus is reversed (the ledger keeps both rows). */
export async function deleteArticle(db: Database, input: { actorId: number; articleId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const { article } = await lockArticleFor(tx, input.actorId, input.articleId);
    await tx.update(kbArticles).set({ deletedAt: now, updatedAt: now }).where(eq(kbArticles.id, article.id));
    if (article.sourceAnswerId && article.creditedUserId) {
      const locked = await lockUsers(tx, [article.creditedUserId], now);
      await reverseReputation(tx, { postId: article.sourceAnswerId, reasons: ["answer_promoted"] }, locked, now);
    }
  });
}
