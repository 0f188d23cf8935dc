// The "Related" box beside a question: the same ranking as the ask page's suggestions, from the
// question's title and tags. That ranking searches the whole forum (about 30 ms of PostgreSQL at
// 20,000 questions, more than all the rest of the page), so its outcome is kept per question in
// related_posts, as ids in rank order, and worked out again when a day old or when the title or
// tags change. What is shown is read live: an edited title, a new answer, a deletion show at once.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { kbArticles, posts, relatedPosts } from "../../db/schema";
import type { SideLink } from "~/components/side-column";
import { articlePath, questionPath } from "~/lib/paths";
import { suggestSimilar } from "./search/index.server";
import { questionSolvedSql } from "./solved.server";

/** How many related questions and articles the side column shows. */
const RELATED_LIMIT = 5;
/** How long a kept ranking (related questions, related articles) is used before it is worked out again. */
export const RELATED_RECOMPUTE_AFTER_MS = 24 * 60 * 60 * 1000;

type RelatedItem = { kind: "question" | "article"; id: number };

/** The ranking itself: never the question itself, questions with answers and published articles. */
export async function rankRelated(db: Database, question: { id: number; title: string; tags: string[] }): Promise<RelatedItem[]> {
  const found = await suggestSimilar(db, { title: question.title, body: question.tags.join(" ") }, { limit: RELATED_LIMIT, excludeIds: [question.id] });
  return found.flatMap(({ kind, id }) => (kind === "question" || kind === "article" ? [{ kind, id }] : []));
}

export async function relatedSideLinks(db: Database, question: { id: number; title: string; tags: string[] }, now = new Date()): Promise<SideLink[]> {
  const sourceKey = `${question.title}\n${question.tags.join(" ")}`;
  const [kept] = await db.select().from(relatedPosts).where(eq(relatedPosts.questionId, question.id));
  let items = kept?.items;
  if (!kept || kept.sourceKey !== sourceKey || now.getTime() - kept.computedAt.getTime() > RELATED_RECOMPUTE_AFTER_MS) {
    items = await rankRelated(db, question);
    await db
      .insert(relatedPosts)
      .values({ questionId: question.id, items, sourceKey, computedAt: now })
      .onConflictDoUpdate({ target: relatedPosts.questionId, set: { items, sourceKey, computedAt: now } });
  }
  return liveLinks(db, items ?? []);
}

/** The kept items as they are now, in their rank order; deleted or unpublished ones left out. */
async function liveLinks(db: Database, items: RelatedItem[]): Promise<SideLink[]> {
  const questionIds = items.filter((item) => item.kind === "question").map((item) => item.id);
  const articleIds = items.filter((item) => item.kind === "article").map((item) => item.id);
  const [questions, articles] = await Promise.all([
    questionIds.length === 0
      ? []
      : db
          .select({ id: posts.id, title: posts.title, answerCount: posts.answerCount, solved: sql<boolean>`${questionSolvedSql("posts")}` })
          .from(posts)
          .where(and(inArray(posts.id, questionIds), eq(posts.type, "question"), isNull(posts.deletedAt), isNull(posts.duplicateOfId))),
    articleIds.length === 0
      ? []
      : db
          .select({ id: kbArticles.id, title: kbArticles.title, slug: kbArticles.slug })
          .from(kbArticles)
          .where(and(inArray(kbArticles.id, articleIds), eq(kbArticles.status, "published"), isNull(kbArticles.deletedAt))),
  ]);
  const byKey = new Map<string, SideLink>();
  for (const q of questions) byKey.set(`question ${q.id}`, { kind: "question", id: q.id, title: q.title ?? "", url: questionPath({ id: q.id, title: q.title ?? "" }), solved: q.solved, answerCount: q.answerCount });
  for (const a of articles) byKey.set(`article ${a.id}`, { kind: "article", id: a.id, title: a.title, url: articlePath(a), solved: true, answerCount: null });
  return items.flatMap((item) => byKey.get(`${item.kind} ${item.id}`) ?? []);
}
