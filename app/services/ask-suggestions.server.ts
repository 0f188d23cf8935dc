// Ask-time suggestions: what the ask page shows while a customer writes, and what it records
// about them (app/domain/deflection.ts says what the records mean).
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { kbArticles, posts } from "../../db/schema";
import { articlePath, questionPath } from "~/lib/paths";
import { recordDeflectionEvent } from "./deflection.server";
import { NotFoundError } from "./errors";
import { hitRateLimit } from "./rate-limits.server";
import { suggestSimilar, type SearchResult } from "./search/index.server";

/** Suggestion lookups one user may make an hour (each pause in typing is one). */
const LOOKUPS_PER_USER_PER_HOUR = { limit: 600, windowSeconds: 60 * 60 };

export type Suggestion = Pick<SearchResult, "kind" | "id" | "title" | "titleHtml" | "url" | "snippetHtml" | "solved" | "answerCount">;

export interface SuggestionTarget {
  kind: "article" | "question";
  id: number;
}

/**
 * Published articles and answered questions like the draft, recorded as "suggestions shown" for
 * this ask session when there are any.
 */
export async function suggestForDraft(
  db: Database,
  input: { userId: number; askSession: string; title: string; body?: string },
  now = new Date(),
): Promise<Suggestion[]> {
  await hitRateLimit(db, `suggest:user:${input.userId}`, LOOKUPS_PER_USER_PER_HOUR, now, "You are checking for answers very fast. Please wait a little.");
  const results = await suggestSimilar(db, { title: input.title, body: input.body });
  if (results.length > 0) {
    await recordDeflectionEvent(db, { askSession: input.askSession, kind: "suggestions_shown", userId: input.userId }, now);
  }
  return results.map(({ kind, id, title, titleHtml, url, snippetHtml, solved, answerCount }) => ({ kind, id, title, titleHtml, url, snippetHtml, solved, answerCount }));
}

/** Where a suggestion lives (404 when it is gone or not public), recorded as opened. */
export async function openSuggestion(db: Database, input: { userId: number; askSession: string; target: SuggestionTarget }, now = new Date()) {
  const found = await publicTitleAndPath(db, input.target);
  if (!found) throw new NotFoundError("That suggestion");
  await recordDeflectionEvent(db, { askSession: input.askSession, kind: "suggestion_opened", userId: input.userId, target: input.target }, now);
  return found.path;
}

/**
 * A suggestion opened in place, on the ask page itself (the draft stays where it is): what it
 * says, recorded as opened, and the draft's suggestions around it. For a question, its best answer (the accepted one, else the top
 * scored) comes with it. 404 when it is gone or not public.
 */
export async function readSuggestionHere(
  db: Database,
  input: { userId: number; askSession: string; title: string; body?: string; target: SuggestionTarget },
  now = new Date(),
): Promise<{ opened: OpenedSuggestion; suggestions: Suggestion[] }> {
  const opened = await publicContent(db, input.target);
  if (!opened) throw new NotFoundError("That suggestion");
  await recordDeflectionEvent(db, { askSession: input.askSession, kind: "suggestion_opened", userId: input.userId, target: input.target }, now);
  // The list it was opened from, as the page shows it again (without JavaScript, a new page).
  const suggestions = await suggestForDraft(db, input, now);
  return { opened, suggestions };
}

export interface OpenedSuggestion {
  kind: "article" | "question";
  id: number;
  title: string;
  path: string;
  bodyHtml: string;
  /** A question's best answer; null for an article or a question whose answers are all gone. */
  answerHtml: string | null;
  answerAccepted: boolean;
}

/** "This solved my problem": the sure deflection. Returns the suggestion's title and address. */
export async function markSuggestionSolved(db: Database, input: { userId: number; askSession: string; target: SuggestionTarget }, now = new Date()) {
  const found = await publicTitleAndPath(db, input.target);
  if (!found) throw new NotFoundError("That suggestion");
  await recordDeflectionEvent(db, { askSession: input.askSession, kind: "solved", userId: input.userId, target: input.target }, now);
  return found;
}

async function publicContent(db: Database, target: SuggestionTarget): Promise<OpenedSuggestion | null> {
  if (target.kind === "article") {
    const [article] = await db
      .select({ id: kbArticles.id, title: kbArticles.title, slug: kbArticles.slug, bodyHtml: kbArticles.bodyHtml })
      .from(kbArticles)
      .where(and(eq(kbArticles.id, target.id), eq(kbArticles.status, "published"), isNull(kbArticles.deletedAt)));
    return article ? { kind: "article", id: article.id, title: article.title, path: articlePath(article), bodyHtml: article.bodyHtml, answerHtml: null, answerAccepted: false } : null;
  }
  const [question] = await db
    .select({ id: posts.id, title: posts.title, bodyHtml: posts.bodyHtml, acceptedAnswerId: posts.acceptedAnswerId })
    .from(posts)
    .where(and(eq(posts.id, target.id), eq(posts.type, "question"), isNull(posts.deletedAt)));
  if (!question) return null;
  const [answer] = await db
    .select({ id: posts.id, bodyHtml: posts.bodyHtml })
    .from(posts)
    .where(and(eq(posts.questionId, question.id), eq(posts.type, "answer"), isNull(posts.deletedAt)))
    .orderBy(desc(sql`${posts.id} = ${question.acceptedAnswerId ?? 0}`), desc(posts.score), asc(posts.createdAt), asc(posts.id))
    .limit(1);
  return {
    kind: "question",
    id: question.id,
    title: question.title ?? "",
    path: questionPath(question),
    bodyHtml: question.bodyHtml,
    answerHtml: answer?.bodyHtml ?? null,
    answerAccepted: answer !== undefined && answer.id === question.acceptedAnswerId,
  };
}

async function publicTitleAndPath(db: Database, target: SuggestionTarget): Promise<{ title: string; path: string } | null> {
  if (target.kind === "article") {
    const [article] = await db
      .select({ title: kbArticles.title, slug: kbArticles.slug })
      .from(kbArticles)
      .where(and(eq(kbArticles.id, target.id), eq(kbArticles.status, "published"), isNull(kbArticles.deletedAt)));
    return article ? { title: article.title, path: articlePath(article) } : null;
  }
  const [question] = await db
    .select({ id: posts.id, title: posts.title })
    .from(posts)
    .where(and(eq(posts.id, target.id), eq(posts.type, "question"), isNull(posts.deletedAt)));
  return question ? { title: question.title ?? "", path: questionPath(question) } : null;
}
