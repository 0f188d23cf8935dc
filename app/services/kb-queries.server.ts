// Reads for the knowledge base: the home page, categories, one article, staff figures and the
// review list with what changed in each source answer.
import { and, asc, desc, eq, inArray, isNotNull, isNull, max, ne, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { kbArticleRevisions, kbArticles, kbCategories, kbFeedback, kbSlugRedirects, postRevisions, posts, relatedArticleLists, users } from "../../db/schema";
import { config } from "~/config.server";
import { reviewReasons, type ReviewReason } from "~/domain/knowledge-base";
import { can, type Actor } from "~/domain/privileges";
import { lineDiff, type DiffPart } from "~/lib/line-diff";
import { articlePath } from "~/lib/paths";
import { EXCERPT_SOURCE_CHARS, excerpt } from "~/lib/excerpt";
import { requireAllowed } from "./actors.server";
import { NotFoundError } from "./errors";
import { RELATED_RECOMPUTE_AFTER_MS } from "./related-posts.server";

export function reviewAfterDays() {
  return config().KB_REVIEW_AFTER_DAYS;
}

const PUBLISHED = sql`${kbArticles.status} = 'published' and ${kbArticles.deletedAt} is null`;

const CARD_EXCERPT_CHARS = 200;

/** A card's excerpt: the article's words without its "The question" / "The answer" headings. */
function withExcerpt<T extends { bodyStart: string }>({ bodyStart, ...row }: T): Omit<T, "bodyStart"> & { excerpt: string } {
  return { ...row, excerpt: excerpt(bodyStart, CARD_EXCERPT_CHARS, { headings: false }) };
}

const summary = {
  id: kbArticles.id,
  slug: kbArticles.slug,
  title: kbArticles.title,
  bodyStart: sql<string>`left(${kbArticles.bodyMarkdown}, ${EXCERPT_SOURCE_CHARS}::int)`,
  publishedAt: kbArticles.publishedAt,
  helpfulYes: kbArticles.helpfulYes,
  helpfulNo: kbArticles.helpfulNo,
  categoryName: kbCategories.name,
  categorySlug: kbCategories.slug,
};

/** How many articles each list on the knowledge-base home shows. */
export const KB_HOME_LIST_SIZE = 4;

/**
 * The knowledge-base home as one viewer sees it. Customers see only categories with something to
 * read; staff see every category (marked empty) so they know where articles are missing. The two
 * article lists never repeat an article: "Newest" skips what "Most helpful" already shows.
 */
export async function getKbHome(db: Database, viewer: Actor | null) {
  const staff = can(viewer, { type: "manageArticles" }).allowed;
  const allCategories = await db
    .select({ id: kbCategories.id, name: kbCategories.name, slug: kbCategories.slug, articles: sql<number>`count(${kbArticles.id})::int` })
    .from(kbCategories)
    .leftJoin(kbArticles, and(eq(kbArticles.categoryId, kbCategories.id), PUBLISHED))
    .groupBy(kbCategories.id)
    .orderBy(asc(kbCategories.position), asc(kbCategories.name));
  const categories = allCategories.map((category) => ({ ...category, empty: category.articles === 0 })).filter((category) => staff || !category.empty);
  // Helpful means readers said so: an article nobody has rated yet belongs under "Newest".
  const mostHelpful = await db
    .select(summary)
    .from(kbArticles)
    .leftJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId))
    .where(and(PUBLISHED, sql`${kbArticles.helpfulYes} > ${kbArticles.helpfulNo}`))
    .orderBy(desc(sql`${kbArticles.helpfulYes} - ${kbArticles.helpfulNo}`), desc(kbArticles.helpfulYes), desc(kbArticles.id))
    .limit(KB_HOME_LIST_SIZE);
  const shown = mostHelpful.map((article) => article.id);
  const newest = await db
    .select(summary)
    .from(kbArticles)
    .leftJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId))
    .where(and(PUBLISHED, shown.length > 0 ? notInArray(kbArticles.id, shown) : undefined))
    .orderBy(desc(kbArticles.publishedAt), desc(kbArticles.id))
    .limit(KB_HOME_LIST_SIZE);
  return { categories, mostHelpful: mostHelpful.map(withExcerpt), newest: newest.map(withExcerpt), staff };
}

export async function getKbCategory(db: Database, slug: string) {
  const [category] = await db.select().from(kbCategories).where(eq(kbCategories.slug, slug));
  if (!category) throw new NotFoundError("That category");
  const articles = await db
    .select(summary)
    .from(kbArticles)
    .leftJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId))
    .where(and(PUBLISHED, eq(kbArticles.categoryId, category.id)))
    .orderBy(asc(kbArticles.title));
  return { category, articles: articles.map(withExcerpt) };
}

export async function listCategories(db: Database) {
  return db.select({ id: kbCategories.id, name: kbCategories.name }).from(kbCategories).orderBy(asc(kbCategories.position));
}

export type ArticleLookup = { redirectTo: string } | { article: Awaited<ReturnType<typeof loadArticle>> };

async function loadArticle(db: Database, articleId: number) {
  const verifier = alias(users, "verifier");
  const credited = alias(users, "credited");
  const asker = alias(users, "asker");
  const question = alias(posts, "question");
  const [row] = await db
    .select({
      article: kbArticles,
      category: { name: kbCategories.name, slug: kbCategories.slug },
      verifiedBy: { id: verifier.id, displayName: verifier.displayName, role: verifier.role },
      credited: { id: credited.id, displayName: credited.displayName, role: credited.role, reputation: credited.reputation },
      asker: { id: asker.id, displayName: asker.displayName, role: asker.role, reputation: asker.reputation },
      question: { id: question.id, title: question.title, deletedAt: question.deletedAt },
    })
    .from(kbArticles)
    .leftJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId))
    .leftJoin(verifier, eq(verifier.id, kbArticles.lastVerifiedById))
    .leftJoin(credited, eq(credited.id, kbArticles.creditedUserId))
    .leftJoin(question, eq(question.id, kbArticles.sourceQuestionId))
    .leftJoin(asker, eq(asker.id, question.authorId))
    .where(eq(kbArticles.id, articleId));
  return row;
}

/** An article by slug (or a redirect from an old slug); drafts are "not found" to customers. */
export async function getArticleBySlug(db: Database, slug: string, viewer: Actor | null): Promise<ArticleLookup> {
  let [found] = await db.select({ id: kbArticles.id }).from(kbArticles).where(eq(kbArticles.slug, slug));
  if (!found) {
    const [redirect] = await db
      .select({ slug: kbArticles.slug, status: kbArticles.status, deletedAt: kbArticles.deletedAt })
      .from(kbSlugRedirects)
      .innerJoin(kbArticles, eq(kbArticles.id, kbSlugRedirects.articleId))
      .where(eq(kbSlugRedirects.slug, slug));
    if (!redirect) throw new NotFoundError("That article");
    requireAllowed(can(viewer, { type: "readArticle", article: { status: redirect.status, deleted: redirect.deletedAt !== null } }), "That article");
    return { redirectTo: articlePath(redirect) };
  }
  const article = await loadArticle(db, found.id);
  if (!article) throw new NotFoundError("That article");
  requireAllowed(can(viewer, { type: "readArticle", article: { status: article.article.status, deleted: article.article.deletedAt !== null } }), "That article");
  return { article };
}

/**
 * Articles that share something with this one: a tag of their source questions, or a word of the
 * title (full-text, so "invoices" meets "invoice" and stop words meet nothing). Nothing shared,
 * nothing listed: a filler list of arbitrary articles would only send readers astray.
 */
/** The ranking behind "Related articles": shared tags first, then title words. Compares with every published article. */
async function rankRelatedArticles(db: Database, article: { id: number; title: string; sourceQuestionId: number | null }) {
  const [source] = article.sourceQuestionId ? await db.select({ tags: posts.tags }).from(posts).where(eq(posts.id, article.sourceQuestionId)) : [];
  const tags = source?.tags ?? [];
  const otherQuestion = alias(posts, "other_question");
  // Any of the title's words, not all of them: plainto_tsquery joins them with "&", "|" loosens that.
  const anyTitleWord = sql`replace(plainto_tsquery('english', ${article.title})::text, '&', '|')::tsquery`;
  const sharedTags = tags.length > 0 ? sql<number>`cardinality(array(select unnest(${otherQuestion.tags}) intersect select unnest(array[${sql.join(tags.map((tag) => sql`${tag}`), sql`, `)}]::text[])))` : sql<number>`0`;
  return db
    .select({ id: kbArticles.id })
    .from(kbArticles)
    .leftJoin(otherQuestion, eq(otherQuestion.id, kbArticles.sourceQuestionId))
    .where(and(PUBLISHED, ne(kbArticles.id, article.id), sql`(${sharedTags} > 0 or to_tsvector('english', ${kbArticles.title}) @@ ${anyTitleWord})`))
    .orderBy(desc(sharedTags), desc(sql`ts_rank(${kbArticles.searchVector}, ${anyTitleWord})`), desc(kbArticles.helpfulYes), desc(kbArticles.id))
    .limit(4);
}

/**
 * "Related articles" beside an article: the ranking is kept per article (related_article_lists) and
 * redone when a day old or when the title changes; the titles and whether each is still published
 * are read live.
 */
export async function relatedArticles(db: Database, article: { id: number; title: string; sourceQuestionId: number | null }, now = new Date()) {
  const sourceKey = `${article.title}\n${article.sourceQuestionId ?? ""}`;
  const [kept] = await db.select().from(relatedArticleLists).where(eq(relatedArticleLists.articleId, article.id));
  let ids = kept?.articleIds ?? [];
  if (!kept || kept.sourceKey !== sourceKey || now.getTime() - kept.computedAt.getTime() > RELATED_RECOMPUTE_AFTER_MS) {
    ids = (await rankRelatedArticles(db, article)).map((row) => row.id);
    await db
      .insert(relatedArticleLists)
      .values({ articleId: article.id, articleIds: ids, sourceKey, computedAt: now })
      .onConflictDoUpdate({ target: relatedArticleLists.articleId, set: { articleIds: ids, sourceKey, computedAt: now } });
  }
  if (ids.length === 0) return [];
  const live = await db.select({ id: kbArticles.id, slug: kbArticles.slug, title: kbArticles.title }).from(kbArticles).where(and(PUBLISHED, inArray(kbArticles.id, ids)));
  return ids.flatMap((id) => live.filter((row) => row.id === id).map(({ slug, title }) => ({ slug, title })));
}

/** Whether an answer has become an article (for the thread's "now a knowledge-base article" note). */
export async function articlesForAnswers(db: Database, answerIds: number[]) {
  if (answerIds.length === 0) return new Map<number, { slug: string; status: string }>();
  const rows = await db
    .select({ answerId: kbArticles.sourceAnswerId, slug: kbArticles.slug, status: kbArticles.status })
    .from(kbArticles)
    .where(and(inArray(kbArticles.sourceAnswerId, answerIds), isNull(kbArticles.deletedAt)));
  return new Map(rows.map((row) => [row.answerId!, { slug: row.slug, status: row.status }]));
}

const currentSourceRevision = sql<number | null>`(select max(${postRevisions.revisionNumber}) from ${postRevisions} where ${postRevisions.postId} = ${kbArticles.sourceAnswerId})`;

/** Every live article with its figures and review state, for staff. */
export async function listArticlesForStaff(db: Database, now = new Date()) {
  const rows = await db
    .select({
      id: kbArticles.id,
      slug: kbArticles.slug,
      title: kbArticles.title,
      status: kbArticles.status,
      views: kbArticles.views,
      helpfulYes: kbArticles.helpfulYes,
      helpfulNo: kbArticles.helpfulNo,
      comments: sql<number>`(select count(*)::int from kb_feedback f where f.article_id = ${kbArticles.id} and f.comment is not null)`,
      publishedAt: kbArticles.publishedAt,
      lastVerifiedAt: kbArticles.lastVerifiedAt,
      updatedAt: kbArticles.updatedAt,
      sourceRevisionNumber: kbArticles.sourceRevisionNumber,
      currentSourceRevisionNumber: currentSourceRevision,
      categoryName: kbCategories.name,
    })
    .from(kbArticles)
    .leftJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId))
    .where(isNull(kbArticles.deletedAt))
    .orderBy(desc(kbArticles.updatedAt), desc(kbArticles.id));
  const days = reviewAfterDays();
  return rows.map((row) => ({ ...row, reviewReasons: reviewReasons(row, now, days) as ReviewReason[] }));
}


/** The review list: published articles needing review, each with a diff of its source answer. */
export async function reviewList(db: Database, now = new Date()) {
  const all = await listArticlesForStaff(db, now);
  const due = all.filter((article) => article.reviewReasons.length > 0);
  const result = [];
  for (const article of due) {
    let diff: DiffPart[] = [];
    if (article.reviewReasons.includes("source_changed")) {
      const [row] = await db.select({ answerId: kbArticles.sourceAnswerId }).from(kbArticles).where(eq(kbArticles.id, article.id));
      diff = await sourceDiff(db, row.answerId!, article.sourceRevisionNumber!);
    }
    result.push({ ...article, diff });
  }
  return result;
}

/** What changed in the source answer between the promoted revision and now. */
export async function sourceDiff(db: Database, answerId: number, fromRevision: number): Promise<DiffPart[]> {
  const revisions = await db
    .select({ n: postRevisions.revisionNumber, body: postRevisions.bodyMarkdown })
    .from(postRevisions)
    .where(eq(postRevisions.postId, answerId))
    .orderBy(asc(postRevisions.revisionNumber));
  const before = revisions.find((revision) => revision.n === fromRevision)?.body ?? "";
  const after = revisions.at(-1)?.body ?? "";
  return lineDiff(before, after);
}

export async function articleHistory(db: Database, articleId: number) {
  return db
    .select({
      revisionNumber: kbArticleRevisions.revisionNumber,
      title: kbArticleRevisions.title,
      bodyMarkdown: kbArticleRevisions.bodyMarkdown,
      note: kbArticleRevisions.note,
      createdAt: kbArticleRevisions.createdAt,
      editor: { id: users.id, displayName: users.displayName, role: users.role },
    })
    .from(kbArticleRevisions)
    .innerJoin(users, eq(users.id, kbArticleRevisions.editorId))
    .where(eq(kbArticleRevisions.articleId, articleId))
    .orderBy(desc(kbArticleRevisions.revisionNumber));
}

/** An article's newest revision: its number (the base an edit form carries), who saved it and when. */
export async function latestArticleRevision(db: Database, articleId: number) {
  const [row] = await db
    .select({ revision: kbArticleRevisions.revisionNumber, editedBy: users.displayName, editedAt: kbArticleRevisions.createdAt })
    .from(kbArticleRevisions)
    .innerJoin(users, eq(users.id, kbArticleRevisions.editorId))
    .where(eq(kbArticleRevisions.articleId, articleId))
    .orderBy(desc(kbArticleRevisions.revisionNumber))
    .limit(1);
  return row ?? null;
}

export async function latestSourceRevision(db: Database, answerId: number) {
  const [row] = await db.select({ n: max(postRevisions.revisionNumber) }).from(postRevisions).where(eq(postRevisions.postId, answerId));
  return row?.n ?? null;
}

/** What readers who answered "No" said was missing, newest first. */
export async function feedbackComments(db: Database, articleId: number) {
  return db
    .select({ comment: kbFeedback.comment, createdAt: kbFeedback.createdAt })
    .from(kbFeedback)
    .where(and(eq(kbFeedback.articleId, articleId), isNotNull(kbFeedback.comment)))
    .orderBy(desc(kbFeedback.createdAt))
    .limit(50);
}
