// Knowledge-base articles for the large forum: about one per 50 questions, promoted from accepted
// answers with the rows promoteAnswer (app/services/knowledge-base.server.ts) writes: the same
// prefilled body, revision 1 by the staff member who promoted it, and the author's +25
// answer_promoted ledger row, which recount expects for every live article. Most were then
// categorised and published (revision 2, as "Save and publish" writes it) and verified since; some
// are still drafts, and a few published ones were last verified long ago, so they are due for
// review. Readers' helpful votes and views follow, with the counters they move. search_vector is
// a generated column: the articles are searchable as soon as they are written.
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { kbArticleRevisions, kbArticles, kbArticleViews, kbFeedback, reputationEvents } from "../../../db/schema";
import { DEFAULT_REVIEW_AFTER_DAYS, uniqueSlug } from "~/domain/knowledge-base";
import { REPUTATION_RULES } from "~/domain/reputation";
import { RENDERER_VERSION, renderMarkdown } from "~/lib/markdown.server";
import { slugify } from "~/lib/slug";
import { draftBody } from "~/services/knowledge-base.server";
import { chunks } from "./chunks";
import type { SeedPlan } from "./generate";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const QUESTIONS_PER_ARTICLE = 50;
/** Even a small forum gets a few, so the knowledge-base pages have something to list. */
const MIN_ARTICLES = 8;
// Every 7th article stays a draft and every 10th published one was never verified again (due for
// review once older than the review period): by position, so even a handful of articles has both.
const DRAFT_EVERY = 7;
const UNVERIFIED_EVERY = 10;
const HELPFUL_CHANCE = 0.8;

export interface KnowledgeBaseResult {
  articles: number;
  published: number;
  drafts: number;
  feedback: number;
  rows: number;
}

interface Candidate {
  answer_id: number;
  author_id: number;
  answer_body: string;
  answered_at: Date | string;
  question_id: number;
  title: string;
  question_body: string;
  revision: number;
}

/**
 * Promotes accepted answers of the questions from `firstPostId` on. Which ones depends only on the
 * seed (an md5 order), the rest on `random`; `staffIds` are the promoting and verifying staff.
 */
export async function seedKnowledgeBase(
  db: Database,
  input: { plan: SeedPlan; firstPostId: number; staffIds: number[]; seed: number; random: () => number },
): Promise<KnowledgeBaseResult> {
  const { plan, random, staffIds } = input;
  const wanted = Math.max(MIN_ARTICLES, Math.round(plan.totalQuestions / QUESTIONS_PER_ARTICLE));
  // Staff promote answers the community liked: accepted, with a positive score, not promoted yet.
  const candidates = rowsOf<Candidate>(
    await db.execute(sql`
      select a.id as answer_id, a.author_id, a.body_markdown as answer_body, a.created_at as answered_at,
             q.id as question_id, q.title, q.body_markdown as question_body,
             (select max(r.revision_number) from post_revisions r where r.post_id = a.id)::int as revision
      from posts q join posts a on a.id = q.accepted_answer_id
      where q.id >= ${input.firstPostId} and q.type = 'question' and a.score > 0
        and not exists (select 1 from kb_articles k where k.source_answer_id = a.id and k.deleted_at is null)
      order by md5(${String(input.seed)} || ':' || a.id::text)
      limit ${wanted}`),
  ).sort((a, b) => Number(a.answer_id) - Number(b.answer_id));

  const taken = new Set(
    rowsOf<{ slug: string }>(await db.execute(sql`select slug from kb_articles union select slug from kb_slug_redirects`)).map((row) => row.slug),
  );
  // Words the knowledge base's own pages use under /kb/ (as freeSlug in the service reserves them).
  for (const reserved of ["manage", "categories"]) taken.add(reserved);
  const categoryIds = rowsOf<{ id: number }>(await db.execute(sql`select id from kb_categories order by position, id`)).map((row) => Number(row.id));
  const staff = () => staffIds[Math.floor(random() * staffIds.length)];
  const latest = plan.endsAt - HOUR;
  const later = (from: number, typical: number) => Math.min(latest, from + HOUR + Math.floor(-Math.log(1 - random()) * typical));

  const plans = candidates.map((candidate, index) => {
    const promotedAt = later(new Date(candidate.answered_at).getTime(), 15 * DAY);
    const promoter = staff();
    const draft = index % DRAFT_EVERY === DRAFT_EVERY - 1;
    const publishedAt = draft ? null : later(promotedAt, 2 * DAY);
    // Staff re-verify published articles within the review period; the unverified ones keep their
    // publication date as the last check, and those published long ago are due for review.
    const verifiedAt =
      publishedAt === null ? null : index % UNVERIFIED_EVERY === 1 ? publishedAt : Math.max(publishedAt, latest - Math.floor(random() * (DEFAULT_REVIEW_AFTER_DAYS - 30) * DAY));
    const slug = uniqueSlug(slugify(candidate.title), (name) => taken.has(name));
    taken.add(slug);
    const body = draftBody({ bodyMarkdown: candidate.question_body }, { bodyMarkdown: candidate.answer_body });
    const categoryId = draft ? null : (categoryIds[Math.floor(random() * categoryIds.length)] ?? null);
    // Lifetime views, skewed: most articles a few hundred, a few thousands.
    const views = draft ? 0 : 1 + Math.floor(-Math.log(1 - random()) * 200);
    return { candidate, promotedAt, promoter, publishedAt, verifiedAt, slug, body, categoryId, views };
  });
  if (plans.length === 0) return { articles: 0, published: 0, drafts: 0, feedback: 0, rows: 0 };

  return db.transaction(async (tx) => {
    const rows = plans.map((p) => ({
      slug: p.slug,
      title: p.candidate.title,
      bodyMarkdown: p.body,
      bodyHtml: renderMarkdown(p.body),
      rendererVersion: RENDERER_VERSION,
      categoryId: p.categoryId,
      status: p.publishedAt === null ? ("draft" as const) : ("published" as const),
      sourceQuestionId: Number(p.candidate.question_id),
      sourceAnswerId: Number(p.candidate.answer_id),
      sourceRevisionNumber: Number(p.candidate.revision ?? 1),
      creditedUserId: Number(p.candidate.author_id),
      createdById: p.promoter,
      createdAt: new Date(p.promotedAt),
      updatedAt: new Date(p.publishedAt ?? p.promotedAt),
      publishedAt: p.publishedAt === null ? null : new Date(p.publishedAt),
      lastVerifiedAt: p.verifiedAt === null ? null : new Date(p.verifiedAt),
      lastVerifiedById: p.verifiedAt === null ? null : staff(),
      views: p.views,
    }));
    // In batches like every other table: 17 columns a row reach the parameter limit at ~3,800 rows.
    const inserted: { id: number; slug: string }[] = [];
    for (const batch of chunks(rows)) inserted.push(...(await tx.insert(kbArticles).values(batch).returning({ id: kbArticles.id, slug: kbArticles.slug })));
    const idOf = new Map(inserted.map((row) => [row.slug, row.id]));

    const revisions = plans.flatMap((p) => {
      const articleId = idOf.get(p.slug)!;
      const first = { articleId, revisionNumber: 1, editorId: p.promoter, title: p.candidate.title, bodyMarkdown: p.body, categoryId: null, note: "Promoted from the community", createdAt: new Date(p.promotedAt) };
      if (p.publishedAt === null) return [first];
      return [first, { ...first, revisionNumber: 2, editorId: staff(), categoryId: p.categoryId, note: "Categorised for publishing", createdAt: new Date(p.publishedAt) }];
    });
    const ledger = plans.map((p) => ({
      userId: Number(p.candidate.author_id),
      reason: "answer_promoted" as const,
      // Uncapped and positive: neither the daily cap nor the floor changes it.
      delta: REPUTATION_RULES.answer_promoted.points,
      postId: Number(p.candidate.answer_id),
      actorId: p.promoter,
      countsTowardDailyCap: false,
      createdAt: new Date(p.promotedAt),
    }));
    const readers = readersOf(plans, idOf, plan, random);
    for (const batch of chunks(revisions)) await tx.insert(kbArticleRevisions).values(batch);
    for (const batch of chunks(ledger)) await tx.insert(reputationEvents).values(batch);
    for (const batch of chunks(readers.feedback)) await tx.insert(kbFeedback).values(batch);
    for (const batch of chunks(readers.views)) await tx.insert(kbArticleViews).values(batch);
    // The counters the votes move (recordFeedback keeps them), set-based from the rows just written
    // (the articles inserted here have the highest ids).
    const firstArticleId = Math.min(...inserted.map((row) => row.id));
    await tx.execute(sql`
      update kb_articles k set helpful_yes = f.yes, helpful_no = f.no
      from (select article_id, count(*) filter (where helpful)::int as yes, count(*) filter (where not helpful)::int as no
            from kb_feedback where article_id >= ${firstArticleId} group by article_id) f
      where f.article_id = k.id`);

    const published = plans.filter((p) => p.publishedAt !== null).length;
    return {
      articles: plans.length,
      published,
      drafts: plans.length - published,
      feedback: readers.feedback.length,
      rows: plans.length + revisions.length + ledger.length + readers.feedback.length + readers.views.length,
    };
  });
}

/** Readers of the published articles: about one reader in ten of them, a member, voted "Was this
 * helpful?" (mostly yes). Only today's view rows are written: recordView prunes older ones and
 * keeps the lifetime count on the article. */
function readersOf(plans: { slug: string; publishedAt: number | null; views: number }[], idOf: Map<string, number>, plan: SeedPlan, random: () => number) {
  const feedback: { articleId: number; userId: number; helpful: boolean; createdAt: Date }[] = [];
  const views: { articleId: number; visitorHash: string; day: string }[] = [];
  const today = new Date(plan.endsAt).toISOString().slice(0, 10);
  for (const p of plans) {
    if (p.publishedAt === null) continue;
    const articleId = idOf.get(p.slug)!;
    const viewCount = p.views;
    const todays = Math.min(viewCount, Math.floor(random() * 4));
    for (let v = 0; v < todays; v++) views.push({ articleId, visitorHash: `seed-visitor-${articleId}-${v}`, day: today });
    const voters = new Set<number>();
    const wanted = Math.min(50, Math.floor(viewCount / 10));
    for (let i = 0; i < wanted; i++) voters.add(plan.firstUserId + Math.floor(random() * plan.userCount));
    for (const userId of voters) {
      const at = p.publishedAt + Math.floor(random() * (plan.endsAt - p.publishedAt));
      feedback.push({ articleId, userId, helpful: random() < HELPFUL_CHANCE, createdAt: new Date(at) });
    }
  }
  return { feedback, views };
}
