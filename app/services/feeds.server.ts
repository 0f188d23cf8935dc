// Atom feeds of what anyone may read: the newest questions, a tag's newest questions, a
// question's answers, and the newest knowledge-base articles. Public content only: live posts,
// published articles; nothing held, deleted, or private (a private note is not in these tables).
import { and, arrayContains, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { kbArticles, posts, users } from "../../db/schema";
import { atomXml, type AtomEntry } from "~/lib/atom";
import { answerPath, articlePath, feedPaths, questionPath, tagPath } from "~/lib/paths";
import { SITE_NAME } from "~/lib/page-meta";
import { publicUrl } from "./email.server";
import { NotFoundError } from "./errors";

export const FEED_ENTRIES = 30;

const questionColumns = {
  id: posts.id,
  title: posts.title,
  bodyHtml: posts.bodyHtml,
  createdAt: posts.createdAt,
  editedAt: posts.editedAt,
  author: users.displayName,
};

function questionEntry(row: { id: number; title: string | null; bodyHtml: string; createdAt: Date; editedAt: Date | null; author: string }): AtomEntry {
  return { url: publicUrl(questionPath(row)), title: row.title ?? "", author: row.author, published: row.createdAt, updated: row.editedAt ?? row.createdAt, html: row.bodyHtml };
}

async function newestQuestions(db: Database, tag: string | null) {
  return db
    .select(questionColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.type, "question"), isNull(posts.deletedAt), tag === null ? undefined : arrayContains(posts.tags, [tag])))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(FEED_ENTRIES);
}

const EPOCH = new Date(0);

export async function questionsFeed(db: Database): Promise<string> {
  const rows = await newestQuestions(db, null);
  return atomXml({ title: `Newest questions - ${SITE_NAME}`, selfUrl: publicUrl(feedPaths.questions), pageUrl: publicUrl("/questions"), entries: rows.map(questionEntry), emptyUpdated: EPOCH });
}

export async function tagFeed(db: Database, tag: string): Promise<string> {
  const rows = await newestQuestions(db, tag);
  if (rows.length === 0) throw new NotFoundError("That tag");
  return atomXml({ title: `Newest questions tagged ${tag} - ${SITE_NAME}`, selfUrl: publicUrl(feedPaths.tag(tag)), pageUrl: publicUrl(tagPath(tag)), entries: rows.map(questionEntry), emptyUpdated: EPOCH });
}

/** A question's answers, newest first; the question itself leads when it has none yet. */
export async function answersFeed(db: Database, questionId: number): Promise<string> {
  const [question] = await db
    .select({ id: posts.id, title: posts.title })
    .from(posts)
    .where(and(eq(posts.id, questionId), eq(posts.type, "question"), isNull(posts.deletedAt)));
  if (!question) throw new NotFoundError("That question");
  const rows = await db
    .select(questionColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.questionId, questionId), eq(posts.type, "answer"), isNull(posts.deletedAt)))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(FEED_ENTRIES);
  const entries = rows.map((row) => ({
    url: publicUrl(answerPath(question, row.id)),
    title: `Answer by ${row.author} to ${question.title ?? ""}`,
    author: row.author,
    published: row.createdAt,
    updated: row.editedAt ?? row.createdAt,
    html: row.bodyHtml,
  }));
  return atomXml({ title: `Answers to ${question.title ?? ""} - ${SITE_NAME}`, selfUrl: publicUrl(feedPaths.answers(questionId)), pageUrl: publicUrl(questionPath(question)), entries, emptyUpdated: EPOCH });
}

export async function knowledgeBaseFeed(db: Database): Promise<string> {
  const rows = await db
    .select({ slug: kbArticles.slug, title: kbArticles.title, bodyHtml: kbArticles.bodyHtml, publishedAt: kbArticles.publishedAt, updatedAt: kbArticles.updatedAt })
    .from(kbArticles)
    .where(and(eq(kbArticles.status, "published"), isNull(kbArticles.deletedAt)))
    .orderBy(desc(kbArticles.publishedAt), desc(kbArticles.id))
    .limit(FEED_ENTRIES);
  const entries = rows.map((row) => ({
    url: publicUrl(articlePath(row)),
    title: row.title,
    author: `${SITE_NAME} support`,
    published: row.publishedAt ?? row.updatedAt,
    updated: row.updatedAt,
    html: row.bodyHtml,
  }));
  return atomXml({ title: `Knowledge base - ${SITE_NAME}`, selfUrl: publicUrl(feedPaths.knowledgeBase), pageUrl: publicUrl("/kb"), entries, emptyUpdated: EPOCH });
}
