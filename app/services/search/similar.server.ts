// suggestSimilar: "has this been asked?" while a customer writes a question. THE query the ask
// page calls, and the one `npm run eval:similar` measures (tuned on the corpus's train split).
//
// How it ranks (train split, official MAP: PostgreSQL's default ts_rank 67.4, this 68.3; dev
// figures in the README): the cosine between the new question's term vector and each
// candidate's, counting a title word twice, plus a little trigram similarity of the two titles.
// ts_rank alone rewards long posts that happen to share many words; the cosine asks how much of
// each text the shared words are. Term frequencies come from the stored search vectors, so there
// is nothing to keep in step: the title is weight A, tags B, body C (db/schema.ts).
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { articlePath, questionPath } from "~/lib/paths";
import { headline, headlineSource, highlightedHtml } from "./highlight.server";
import { TS_CONFIG, anyLexemeOf } from "./tsquery.server";
import type { SearchResult } from "./types";

export const SUGGESTION_LIMIT = 6;
/** Characters of the body read: the opening says what the question is about, and this bounds the work. */
export const SUGGESTION_BODY_CHARS = 2000;

/** The ranking's constants, in one place. Changed only with `npm run eval:similar` figures on train. */
export const SIMILARITY_WEIGHTS = {
  /** Weight of one occurrence of a lexeme by where it is: title (A), tags (B), body (C). */
  title: 2,
  tags: 1,
  body: 1,
  /** Added: pg_trgm similarity of the two titles (catches typos and word forms the stemmer misses). */
  titleTrigram: 0.1,
  /** Multipliers, so a solved thread or a staff-checked article wins a near tie. */
  solvedBoost: 1.1,
  articleBoost: 1.15,
  /** Candidates kept from the full-text match before the cosine is computed (per kind). */
  questionPool: 200,
  articlePool: 50,
};

export interface SimilarOptions {
  limit?: number;
  /**
   * Rank exactly these questions (ids of posts), each scored even if no word is shared, and no
   * articles: the fixed-candidate mode of the evaluation. Eligibility still applies.
   */
  candidateIds?: number[];
  /** Questions to leave out (the question itself, on its own page). */
  excludeIds?: number[];
  /** Only suggestions at least this relevant (0 to 1 and a little more). */
  minRelevance?: number;
}

/**
 * Term weights of a tsvector, one row per lexeme. array_positions counts the occurrences with a
 * given weight label in C; a subquery per lexeme cost a hundred times more.
 */
function termWeights(vector: SQL) {
  const w = SIMILARITY_WEIGHTS;
  return sql`select t.lexeme,
      (${w.body}::float8 * cardinality(t.weights)
        + ${w.title - w.body}::float8 * cardinality(array_positions(t.weights, 'A'))
        + ${w.tags - w.body}::float8 * cardinality(array_positions(t.weights, 'B'))) as tf
    from unnest(${vector}) t`;
}

interface Row {
  kind: "question" | "article";
  id: number;
  title: string;
  slug: string | null;
  tags: string[];
  score: number | null;
  answer_count: number | null;
  solved: boolean;
  author_id: number | null;
  author_name: string | null;
  author_role: "customer" | "staff" | "admin" | null;
  created_at: Date | string;
  relevance: number;
  title_hl: string | null;
  snippet_hl: string | null;
}

/**
 * Published articles and answered questions that look like the question being written, best
 * first. Never deleted questions, unanswered ones (nothing to read yet), drafts or archived
 * articles. An empty title and body give an empty list.
 */
export async function suggestSimilar(
  db: Database,
  input: { title: string; body?: string },
  options: SimilarOptions = {},
): Promise<SearchResult[]> {
  const title = (input.title ?? "").replace(/\u0000/g, "").slice(0, 300);
  const body = (input.body ?? "").replace(/\u0000/g, "").slice(0, SUGGESTION_BODY_CHARS);
  if (!/[\p{L}\p{N}]/u.test(title + body)) return [];
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? SUGGESTION_LIMIT)), 100);
  const w = SIMILARITY_WEIGHTS;
  const candidates = options.candidateIds;
  const exclude = options.excludeIds ?? [];
  const idList = (ids: number[]) => sql`array[${sql.join(ids.map((id) => sql`${id}::int`), sql`, `)}]::int[]`;

  const questionWhere: SQL[] = [sql`p.type = 'question'`, sql`p.deleted_at is null`, sql`p.answer_count > 0`];
  if (candidates) questionWhere.push(candidates.length ? sql`p.id = any(${idList(candidates)})` : sql`false`);
  else questionWhere.push(sql`p.search_vector @@ input.anyq`);
  if (exclude.length) questionWhere.push(sql`p.id <> all(${idList(exclude)})`);

  const articles = candidates
    ? sql``
    : sql`union all (
        select 'article'::text as kind, k.id, k.title, k.slug, coalesce(sq.tags, '{}'::text[]) as tags, null::int as score,
          null::int as answer_count, true as solved, k.credited_user_id as author_id, coalesce(k.published_at, k.created_at) as created_at,
          k.body_markdown as body, k.search_vector as vec, ${w.articleBoost}::float8 as boost
        from kb_articles k left join posts sq on sq.id = k.source_question_id, input
        where k.status = 'published' and k.deleted_at is null and k.search_vector @@ input.anyq
        order by ts_rank(k.search_vector, input.anyq) desc, k.id desc limit ${w.articlePool})`;

  const result = await db.execute(sql`
    with input as (
      select setweight(to_tsvector(${TS_CONFIG}, ${title}::text), 'A') || setweight(to_tsvector(${TS_CONFIG}, ${body}::text), 'C') as vec,
             ${anyLexemeOf(sql`${title}::text || ' ' || ${body}::text`)} as anyq,
             ${title}::text as title
    ),
    query_terms as (select lexeme, tf from input, lateral (${termWeights(sql`input.vec`)}) q),
    query_norm as (select sqrt(sum(tf * tf)) as norm from query_terms),
    pool as (
      (select 'question'::text as kind, p.id, p.title, null::text as slug, p.tags, p.score, p.answer_count,
          (p.accepted_answer_id is not null) as solved, p.author_id, p.created_at, p.body_markdown as body, p.search_vector as vec,
          case when p.accepted_answer_id is not null then ${w.solvedBoost}::float8 else 1 end as boost
        from posts p, input
        where ${sql.join(questionWhere, sql` and `)}
        order by ts_rank(p.search_vector, input.anyq) desc, p.id desc limit ${candidates ? candidates.length || 1 : w.questionPool})
      ${articles}
    ),
    scored as (
      select pool.*,
        ((coalesce(m.dot / nullif(m.norm * (select norm from query_norm), 0), 0)
          + ${w.titleTrigram}::float8 * similarity(pool.title, (select title from input))) * pool.boost) as relevance
      from pool
      cross join lateral (
        select sum(d.tf * coalesce(q.tf, 0)) as dot, sqrt(sum(d.tf * d.tf)) as norm
        from (${termWeights(sql`pool.vec`)}) d left join query_terms q on q.lexeme = d.lexeme
      ) m
    ),
    best as (select * from scored where relevance >= ${options.minRelevance ?? 0}::float8 order by relevance desc, id desc limit ${limit})
    select best.kind, best.id, best.title, best.slug, best.tags, best.score, best.answer_count, best.solved, best.author_id,
           best.created_at, best.relevance, u.display_name as author_name, u.role as author_role,
           ${headline(headlineSource(sql`best.title`), sql`input.anyq`, { whole: true })} as title_hl,
           ${headline(headlineSource(sql`best.body`), sql`input.anyq`)} as snippet_hl
    from best cross join input left join users u on u.id = best.author_id
    order by best.relevance desc, best.id desc`);

  return rowsOf<Row>(result).map((row) => ({
    kind: row.kind,
    id: row.id,
    title: row.title,
    titleHtml: highlightedHtml(row.title_hl),
    url: row.kind === "article" ? articlePath({ slug: row.slug ?? "" }) : questionPath({ id: row.id, title: row.title }),
    score: row.score,
    answerCount: row.answer_count,
    solved: row.solved,
    tags: row.tags ?? [],
    snippetHtml: highlightedHtml(row.snippet_hl),
    author: row.author_id !== null && row.author_name ? { id: row.author_id, displayName: row.author_name, role: row.author_role ?? "customer" } : null,
    createdAt: new Date(row.created_at),
    relevance: Number(row.relevance),
  }));
}
