// What search engines read besides the page itself: a question's or article's description and
// structured data (JSON-LD), and the sitemaps. Only public content: nothing deleted or hidden
// (hidden posts are soft-deleted), no drafts.
import { and, asc, gt, gte, lte, max, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { kbArticles, posts, tags } from "../../db/schema";
import type { SitemapEntry } from "~/lib/crawler-files";
import { excerpt, plainText } from "~/lib/excerpt";
import { DESCRIPTION_CHARS, SITE_NAME } from "~/lib/page-meta";
import { answerPath, articlePath, questionPath, sitemapPath, tagPath, userPath } from "~/lib/paths";
import { articleJsonLd, qaPageJsonLd, type JsonLdAnswer } from "~/lib/structured-data";
import { publicUrl } from "./email.server";

interface ThreadPost {
  id: number;
  bodyMarkdown: string;
  score: number;
  createdAt: Date;
  deletedAt: Date | null;
  author: { id: number; displayName: string };
}

const personOf = (author: { id: number; displayName: string }) => ({ name: author.displayName, url: publicUrl(userPath(author)) });

/** The question's description and its QAPage JSON-LD; none for a deleted question (only staff see it). */
export function questionSearchData(question: ThreadPost & { title: string; acceptedAnswerId: number | null }, answers: ThreadPost[]) {
  const description = excerpt(question.bodyMarkdown, DESCRIPTION_CHARS) || question.title;
  if (question.deletedAt) return { description, structuredData: null };
  const toAnswer = (post: ThreadPost): JsonLdAnswer => ({
    text: plainText(post.bodyMarkdown),
    url: publicUrl(answerPath(question, post.id)),
    dateCreated: post.createdAt.toISOString(),
    upvoteCount: post.score,
    author: personOf(post.author),
  });
  // An answer without words (an image with no alt text) gives Google nothing to show.
  const live = answers.filter((answer) => !answer.deletedAt).map((answer) => ({ id: answer.id, answer: toAnswer(answer) })).filter((entry) => entry.answer.text !== "");
  const accepted = live.find((entry) => entry.id === question.acceptedAnswerId)?.answer ?? null;
  return {
    description,
    structuredData: qaPageJsonLd({
      url: publicUrl(questionPath(question)),
      question: {
        name: question.title,
        text: plainText(question.bodyMarkdown),
        dateCreated: question.createdAt.toISOString(),
        upvoteCount: question.score,
        author: personOf(question.author),
      },
      acceptedAnswer: accepted,
      suggestedAnswers: live.filter((entry) => entry.id !== question.acceptedAnswerId).map((entry) => entry.answer),
    }),
  };
}

/** A published article's description and Article JSON-LD; drafts and archived articles get no structured data. */
export function articleSearchData(article: {
  slug: string;
  title: string;
  bodyMarkdown: string;
  status: string;
  deletedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  credited: { id: number; displayName: string } | null;
}) {
  const description = excerpt(article.bodyMarkdown, DESCRIPTION_CHARS, { headings: false }) || article.title;
  if (article.status !== "published" || article.deletedAt || !article.publishedAt) return { description, structuredData: null };
  return {
    description,
    structuredData: articleJsonLd({
      url: publicUrl(articlePath(article)),
      headline: article.title,
      description,
      datePublished: article.publishedAt.toISOString(),
      dateModified: (article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt).toISOString(),
      author: article.credited ? personOf(article.credited) : null,
      publisher: { name: SITE_NAME, url: publicUrl("/") },
    }),
  };
}

/**
 * Questions per sitemap file. Files are id ranges (file n holds questions with ids from
 * (n-1)*size+1 to n*size): a question stays in the same file for good, so each file's lastmod
 * means something, and a file is one range scan of the primary key. Ids are shared with answers,
 * so files hold fewer URLs than this, never more (the protocol allows 50,000).
 */
export const SITEMAP_PAGE_SIZE = 10_000;

const LIVE_QUESTION = sql`${posts.type} = 'question' and ${posts.deletedAt} is null`;
const PUBLISHED_ARTICLE = sql`${kbArticles.status} = 'published' and ${kbArticles.deletedAt} is null`;

/** The sitemap files: one per id range that holds a live question, then articles and tags. */
export async function sitemapIndex(db: Database, options: { pageSize?: number } = {}): Promise<SitemapEntry[]> {
  const size = options.pageSize ?? SITEMAP_PAGE_SIZE;
  const pages = await db
    .select({ page: sql<number>`((${posts.id} - 1) / ${size}::int + 1)::int`, lastmod: max(posts.lastActivityAt) })
    .from(posts)
    .where(LIVE_QUESTION)
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const [articles] = await db.select({ lastmod: max(sql<Date>`greatest(${kbArticles.updatedAt}, ${kbArticles.publishedAt})`) }).from(kbArticles).where(PUBLISHED_ARTICLE);
  return [
    ...pages.map((page) => ({ loc: publicUrl(sitemapPath({ kind: "questions", page: page.page })), lastmod: isoDate(page.lastmod) })),
    { loc: publicUrl(sitemapPath({ kind: "articles" })), lastmod: isoDate(articles?.lastmod) },
    { loc: publicUrl(sitemapPath({ kind: "tags" })) },
  ];
}

/** One file of question URLs; null when the range holds no live question (the file does not exist). */
export async function questionSitemap(db: Database, page: number, options: { pageSize?: number } = {}): Promise<SitemapEntry[] | null> {
  const size = options.pageSize ?? SITEMAP_PAGE_SIZE;
  const first = (page - 1) * size + 1;
  if (page < 1 || first + size - 1 > 2_147_483_647) return null;
  const rows = await db
    .select({ id: posts.id, title: posts.title, lastActivityAt: posts.lastActivityAt })
    .from(posts)
    .where(and(LIVE_QUESTION, gte(posts.id, first), lte(posts.id, first + size - 1)))
    .orderBy(asc(posts.id));
  if (rows.length === 0) return null;
  return rows.map((row) => ({ loc: publicUrl(questionPath(row)), lastmod: isoDate(row.lastActivityAt) }));
}

/** The knowledge base's home and its published articles. */
export async function articleSitemap(db: Database): Promise<SitemapEntry[]> {
  const rows = await db
    .select({ slug: kbArticles.slug, lastmod: sql<Date>`greatest(${kbArticles.updatedAt}, ${kbArticles.publishedAt})` })
    .from(kbArticles)
    .where(PUBLISHED_ARTICLE)
    .orderBy(asc(kbArticles.id));
  return [{ loc: publicUrl("/kb") }, ...rows.map((row) => ({ loc: publicUrl(articlePath(row)), lastmod: isoDate(row.lastmod) }))];
}

/** Tag pages with at least one live question (the count is kept by a trigger). */
export async function tagSitemap(db: Database): Promise<SitemapEntry[]> {
  const rows = await db.select({ name: tags.name }).from(tags).where(gt(tags.questionCount, 0)).orderBy(asc(tags.name));
  return rows.map((row) => ({ loc: publicUrl(tagPath(row.name)) }));
}

function isoDate(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  // Aggregates come back as text on one driver and as Date on the other.
  return new Date(value).toISOString();
}
