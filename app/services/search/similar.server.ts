// suggestSimilar: "has this been asked?" while a customer writes a question. THE query the ask
// page calls, and the one `npm run eval:similar` measures (tuned on the corpus's train split;
// figures in the README).
//
// How it ranks: the cosine between TF-IDF vectors of the new question and of each candidate
// (title and body words alike, each weighted by its rarity, ln(1 + N/df)), plus a little trigram
// similarity of the two titles. PostgreSQL's ts_rank rewards long posts that share many common
// words; the cosine asks how much of each text the shared words are, and rarity makes "csv"
// count for more than "invoice" in an invoicing forum. Train split, official MAP: ts_rank 67.4,
// this 69.3. Term counts come from the stored search vectors; rarity from a snapshot
// (statistics.server.ts), without which every word weighs the same.
//
// Where it looks: not at every question sharing a word (at 100,000 questions, "invoice" alone
// is most of them) but at those sharing the rarest words of the new question, taken rarest
// first until they cover LOOKUP_BUDGET documents; the best POOL of those by ts_rank are scored.
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { headline, headlineSource } from "./highlight.server";
import { toSearchResult, type ResultRow } from "./result-row.server";
import { TS_CONFIG } from "./tsquery.server";
import type { SearchResult } from "./types";
import { questionSolvedSql } from "../solved.server";

export const SUGGESTION_LIMIT = 6;
/** Characters of the body read: the opening says what the question is about, and this bounds the work. */
export const SUGGESTION_BODY_CHARS = 2000;

/** The ranking's constants, in one place. Changed only with `npm run eval:similar` figures on train. */
export const SIMILARITY_WEIGHTS = {
  /** Weight of one occurrence of a lexeme by where it is: title (A), tags (B), body (C). */
  title: 1,
  tags: 1,
  body: 1,
  /** Added: pg_trgm similarity of the two titles (catches typos and word forms the stemmer misses). */
  titleTrigram: 0.1,
  /** Multipliers, so a solved thread or a staff-checked article wins a near tie. */
  solvedBoost: 1.1,
  articleBoost: 1.15,
};

/** Documents the rarest words may cover before the rest are only used for scoring. */
const LOOKUP_BUDGET = 4000;
/** At most this many matches are read when even the rarest word is common (a query of common words only). */
const LOOKUP_CAP = 600;
/** Candidates per kind scored with the cosine, after a first cut by ts_rank. */
const QUESTION_POOL = 40;
const ARTICLE_POOL = 12;

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

/** Rarity: ln(1 + N/df); every word alike (1) before the first statistics snapshot. */
function idf(documents: SQL, corpusSize: SQL) {
  return sql`(case when ${corpusSize} > 0 then ln(1 + ${corpusSize} / greatest(coalesce(${documents}, 0), 1)::float8) else 1 end)`;
}

/** A lexeme as a tsquery operand: quoted, with quotes doubled and backslashes escaped. */
export function tsqueryLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

interface Term {
  lexeme: string;
  tf: number;
  df: number;
}

/** The new question's terms with their document counts, and the collection's size. */
async function readTerms(db: Database, title: string, body: string) {
  const rows = rowsOf<{ lexeme: string; tf: number; df: number; n: number }>(
    await db.execute(sql`
      with input as (select setweight(to_tsvector(${TS_CONFIG}, ${title}::text), 'A') || setweight(to_tsvector(${TS_CONFIG}, ${body}::text), 'C') as vec)
      select t.lexeme, t.tf, coalesce(s.documents, 0) as df, coalesce((select documents from search_corpus where id = 1), 0) as n
      from input cross join lateral (${termWeights(sql`input.vec`)}) t left join search_lexemes s on s.lexeme = t.lexeme`),
  );
  const terms: Term[] = rows.map((row) => ({ lexeme: row.lexeme, tf: Number(row.tf), df: Number(row.df) }));
  return { terms, corpusSize: Number(rows[0]?.n ?? 0) };
}

/**
 * The rarest terms, until the documents they appear in add up to the budget. Words the snapshot
 * does not know (new since it was taken, or in no document) cost nothing and may find nothing,
 * so the rarest known word is always taken too.
 */
function lookupTerms(terms: Term[]): Term[] {
  const rarestFirst = [...terms].sort((a, b) => a.df - b.df || (a.lexeme < b.lexeme ? -1 : 1));
  const chosen: Term[] = [];
  let covered = 0;
  for (const term of rarestFirst) {
    if (covered > 0 && covered + term.df > LOOKUP_BUDGET) break;
    chosen.push(term);
    covered += term.df;
  }
  return chosen;
}

type Row = ResultRow & { kind: "question" | "article" };

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
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? SUGGESTION_LIMIT)), 100);
  const candidates = options.candidateIds;
  if (candidates && candidates.length === 0) return [];
  const { terms, corpusSize } = await readTerms(db, title, body);
  if (terms.length === 0) return [];
  const w = SIMILARITY_WEIGHTS;
  const idList = (ids: number[]) => sql`array[${sql.join(ids.map((id) => sql`${id}::int`), sql`, `)}]::int[]`;
  const n = sql`${corpusSize}::float8`;
  // A literal for the planner: it sees how rare the words are and reads the GIN index.
  const probe = lookupTerms(terms).map((term) => tsqueryLexeme(term.lexeme)).join(" | ");
  const probeQuery = sql`${probe}::tsquery`;
  const everyTerm = sql`${terms.map((term) => tsqueryLexeme(term.lexeme)).join(" | ")}::tsquery`;

  // A duplicate is never suggested: its original (which has the answer) is, in its place.
  const questionWhere: SQL[] = [sql`p.type = 'question'`, sql`p.deleted_at is null`, sql`p.answer_count > 0`, sql`p.duplicate_of_id is null`];
  questionWhere.push(candidates ? sql`p.id = any(${idList(candidates)})` : sql`p.search_vector @@ ${probeQuery}`);
  if (options.excludeIds?.length) questionWhere.push(sql`p.id <> all(${idList(options.excludeIds)})`);

  const articles = candidates
    ? sql``
    : sql`union all (
        select 'article'::text as kind, k.id, k.title, k.slug, coalesce(sq.tags, '{}'::text[]) as tags, null::int as score,
          null::int as answer_count, true as solved, k.credited_user_id as author_id, coalesce(k.published_at, k.created_at) as created_at,
          k.body_markdown as body, k.search_vector as vec, ${w.articleBoost}::float8 as boost
        from kb_articles k left join posts sq on sq.id = k.source_question_id
        where k.status = 'published' and k.deleted_at is null and k.search_vector @@ ${probeQuery}
        order by ts_rank(k.search_vector, ${probeQuery}) desc, k.id desc limit ${ARTICLE_POOL})`;

  const result = await db.execute(sql`
    with query_terms as (
      select q.lexeme, q.tf * ${idf(sql`q.df`, n)} as weight
      from unnest(${sql`array[${sql.join(terms.map((term) => sql`${term.lexeme}`), sql`, `)}]::text[]`},
                  ${sql`array[${sql.join(terms.map((term) => sql`${term.tf}`), sql`, `)}]::float8[]`},
                  ${sql`array[${sql.join(terms.map((term) => sql`${term.df}`), sql`, `)}]::float8[]`}) as q(lexeme, tf, df)
    ),
    query_norm as (select sqrt(sum(weight * weight)) as norm from query_terms),
    pool as (
      (select 'question'::text as kind, p.id, p.title, null::text as slug, p.tags, p.score, p.answer_count,
          ${questionSolvedSql("p")} as solved, p.author_id, p.created_at, p.body_markdown as body, p.search_vector as vec,
          case when ${questionSolvedSql("p")} then ${w.solvedBoost}::float8 else 1 end as boost
        from (select * from posts p where ${sql.join(questionWhere, sql` and `)} limit ${LOOKUP_CAP}) p
        order by ts_rank(p.search_vector, ${probeQuery}) desc, p.id desc limit ${candidates ? candidates.length : QUESTION_POOL})
      ${articles}
    ),
    scored as (
      select pool.*,
        ((coalesce(m.dot / nullif(m.norm * (select norm from query_norm), 0), 0)
          + ${w.titleTrigram}::float8 * similarity(pool.title, ${title}::text)) * pool.boost) as relevance
      from pool
      cross join lateral (
        select sum(d.weight * coalesce(q.weight, 0)) as dot, sqrt(sum(d.weight * d.weight)) as norm
        from (select t.lexeme, t.tf * ${idf(sql`s.documents`, n)} as weight
              from (${termWeights(sql`pool.vec`)}) t left join search_lexemes s on s.lexeme = t.lexeme) d
        left join query_terms q on q.lexeme = d.lexeme
      ) m
    ),
    best as (select * from scored where relevance >= ${options.minRelevance ?? 0}::float8 order by relevance desc, id desc limit ${limit})
    select best.kind, best.id, best.title, best.slug, best.tags, best.score, best.answer_count, best.solved, best.author_id,
           best.created_at, best.relevance, u.display_name as author_name, u.role as author_role,
           ${headline(headlineSource(sql`best.title`), everyTerm, { whole: true })} as title_hl,
           ${headline(headlineSource(sql`best.body`), everyTerm)} as snippet_hl
    from best left join users u on u.id = best.author_id
    order by best.relevance desc, best.id desc`);

  return rowsOf<Row>(result).map(toSearchResult);
}
