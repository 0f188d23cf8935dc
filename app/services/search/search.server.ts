// searchEverything: one search over questions, answers and published knowledge-base articles,
// for the /search page and the header box. Read-only: one statement per page (two when every
// word together finds nothing and any word is tried instead).
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import type { Actor } from "~/domain/privileges";
import { hasFilters, hasSearchText, isSearchable, type ParsedQuery, type SearchKind } from "~/domain/search-query";
import { headline, headlineSource } from "./highlight.server";
import { toSearchResult, type ResultRow } from "./result-row.server";
import { highlightQuery, matchAll, matchAny } from "./tsquery.server";
import type { SearchResult } from "./types";
import { answerSolvesSql, questionSolvedSql } from "../solved.server";

export const SEARCH_PAGE_SIZE = 20;
/** Relevance pages are numbered; deeper than this nobody reads, and each page costs more. */
export const MAX_SEARCH_PAGE = 50;
/** Matches ranked per kind for one page of a text search (see branches()). */
export const MATCHES_RANKED = 400;

export interface SearchOptions {
  /** Who is searching. Everyone sees the same results today (live posts, published articles); kept for per-viewer rules. */
  viewer?: Pick<Actor, "id" | "role"> | null;
  /** 1-based; values beyond MAX_SEARCH_PAGE are clamped. */
  page?: number;
  pageSize?: number;
}

export interface SearchPage {
  results: SearchResult[];
  page: number;
  pageSize: number;
  hasNextPage: boolean;
  /**
   * How the results matched: every word ("all"), any word because every word together found
   * nothing ("any"), titles that look like the words because no post contains them (a typo:
   * "titles"), filters only with no words, newest first ("filters"), or not run because the
   * query has nothing to search for ("none": show tips).
   */
  matched: "all" | "any" | "titles" | "filters" | "none";
  /** So many posts matched that only the first MATCHES_RANKED of a kind were ranked: more words would help. */
  broad: boolean;
}

// ts_rank weights for labels D, C, B, A: title A, tags B, body C (db/schema.ts).
const WEIGHTS = sql.raw("'{0.1, 0.2, 0.4, 1.0}'::float4[]");
const TITLE_ONLY = sql.raw("'{0, 0, 0, 1.0}'::float4[]");
/** Normalisation 1: rank / (1 + log(length)), so long posts do not win by repetition alone. */
const NORMALISATION = sql.raw("1");
/** A question closed as a duplicate ranks below its original: its relevance counts half. */
const DUPLICATE_DAMPING = sql.raw("(case when p.duplicate_of_id is null then 1 else 0.5 end)");

interface Filters {
  tags: string[];
  userId: number | null;
  solved: boolean;
  unanswered: boolean;
}

interface Branch {
  kind: SearchKind;
  select: SQL;
}

/**
 * The three kinds as one union; each branch ranks and limits itself, so PostgreSQL sorts small
 * lists. A text search ranks at most MATCHES_RANKED matches per kind: a query of common words
 * ("invoice") matches much of the forum, and ranking all of it would cost seconds, so the
 * first matches found are ranked, and the page (told by `broad`) suggests adding words.
 */
function branches(query: ParsedQuery, tsq: SQL | null, limit: number): Branch[] {
  const filters: Filters = { tags: query.tags, userId: query.userId, solved: query.solved, unanswered: query.unanswered };
  const text = sql`${query.words.concat(query.phrases).join(" ")}::text`;
  const tagArray = sql`array[${sql.join(
    filters.tags.map((tag) => sql`${tag}`),
    sql`, `,
  )}]::text[]`;
  // Trigram similarity ignores case and punctuation, so 1 means the title is the query as typed
  // ("How do I export invoices?" = "how do i export invoices"): that title comes first.
  const titleBonus = (title: SQL) => sql`(select 0.3 * s + case when s = 1 then 10 else 0 end from (select similarity(${title}, ${text}) as s) t)`;
  const order = tsq ? sql`relevance desc, id desc` : sql`created_at desc, id desc`;
  // With words: the first matches, then ranked. Filters only: newest first, straight from an index.
  // A tag filter without words: read the tag's posts first (its GIN index), then sort. Left to
  // itself the planner walks the newest-first index hoping to meet the tag soon, and when none of
  // the tag's questions is, say, unanswered, it walks the whole index (130 ms at 100k questions).
  const capped = (select: SQL) =>
    tsq ? sql`(${select} limit ${MATCHES_RANKED})` : filters.tags.length > 0 ? sql`(with tagged as materialized (${select}) select * from tagged)` : sql`(${select})`;
  const list: Branch[] = [];
  const wants = (kind: SearchKind) => query.kinds.length === 0 || query.kinds.includes(kind);

  if (wants("question")) {
    const where: SQL[] = [sql`p.type = 'question'`, sql`p.deleted_at is null`];
    if (tsq) where.push(sql`p.search_vector @@ (${tsq})`);
    if (filters.tags.length) where.push(sql`p.tags @> ${tagArray}`);
    if (filters.userId !== null) where.push(sql`p.author_id = ${filters.userId}`);
    if (filters.solved) where.push(questionSolvedSql("p"));
    if (filters.unanswered) where.push(sql`p.answer_count = 0`);
    const relevance = tsq
      ? sql`(ts_rank(${WEIGHTS}, p.search_vector, (${tsq}), ${NORMALISATION})
            * (1 + 0.25 * (${questionSolvedSql("p")})::int + 0.1 * ln(1 + greatest(p.score, 0)))
            + ${titleBonus(sql`p.title`)}) * ${DUPLICATE_DAMPING}`
      : sql`0`;
    list.push({
      kind: "question",
      select: sql`select 'question'::text as kind, p.id, p.id as question_id, p.title, null::text as slug, p.tags,
          p.score, p.answer_count, ${questionSolvedSql("p")} as solved, p.author_id, p.created_at,
          p.body_markdown as body, (${relevance})::float8 as relevance, count(*) over () as matches
        from ${capped(sql`select * from posts p where ${sql.join(where, sql` and `)}`)} p
        order by ${order} limit ${limit}`,
    });
  }

  if (wants("answer") && !filters.unanswered) {
    const questionDeleted = sql`q.deleted_at is null`;
    const questionTags = sql`q.tags @> ${tagArray}`;
    const questionSolved = answerSolvesSql("a", "q");
    const questionConditions = new Set([questionDeleted, questionTags, questionSolved]);
    const where: SQL[] = [sql`a.type = 'answer'`, sql`a.deleted_at is null`, questionDeleted];
    if (tsq) where.push(sql`a.search_vector @@ (${tsq})`);
    if (filters.tags.length) where.push(questionTags);
    if (filters.userId !== null) where.push(sql`a.author_id = ${filters.userId}`);
    if (filters.solved) where.push(questionSolved);
    // Accepted answers and staff answers (the official word) first, then by votes; the question's
    // title counts a little, so an answer to the question asked beats a passing mention.
    const relevance = tsq
      ? sql`(ts_rank(${WEIGHTS}, x.search_vector, (${tsq}), ${NORMALISATION})
             + 0.5 * ts_rank(${TITLE_ONLY}, x.question_vector, (${tsq}), ${NORMALISATION}))
            * (1 + 0.3 * x.accepted::int
                 + 0.15 * exists(select 1 from users s where s.id = x.author_id and s.role <> 'customer')::int
                 + 0.1 * ln(1 + greatest(x.score, 0)))`
      : sql`0`;
    const columns = sql`a.id, a.score, a.author_id, a.created_at, a.body_markdown, a.search_vector,
        q.id as question_id, q.title, q.tags, q.answer_count, q.search_vector as question_vector,
        ${answerSolvesSql("a", "q")} as accepted`;
    const answerWhere = where.filter((condition) => !questionConditions.has(condition));
    let matches: SQL;
    if (filters.tags.length > 0) {
      // A tag is usually narrower than a word: start from the tagged questions, then their answers.
      matches = sql`with q as materialized (
          select id, title, tags, answer_count, search_vector, accepted_answer_id from posts q
          where q.type = 'question' and q.deleted_at is null and q.tags @> ${tagArray})
        select ${columns} from q join posts a on a.question_id = q.id
        where ${sql.join(where.filter((condition) => condition !== questionDeleted && condition !== questionTags), sql` and `)}`;
    } else if (!filters.solved) {
      // Answers capped before the join: otherwise PostgreSQL plans (and starts parallel workers
      // for) a join as large as every matching answer.
      matches = sql`select ${columns}
        from (select * from posts a where ${sql.join(answerWhere, sql` and `)}${tsq ? sql` limit ${MATCHES_RANKED}` : sql``}) a
        join posts q on q.id = a.question_id where q.deleted_at is null`;
    } else {
      matches = sql`select ${columns} from posts a join posts q on q.id = a.question_id where ${sql.join(where, sql` and `)}`;
    }
    list.push({
      kind: "answer",
      select: sql`select 'answer'::text as kind, x.id, x.question_id, x.title, null::text as slug, x.tags,
          x.score, x.answer_count, x.accepted as solved, x.author_id, x.created_at,
          x.body_markdown as body, (${relevance})::float8 as relevance, count(*) over () as matches
        from ${capped(matches)} x order by ${order} limit ${limit}`,
    });
  }

  if (wants("article") && !filters.unanswered && !filters.solved) {
    const where: SQL[] = [sql`k.status = 'published'`, sql`k.deleted_at is null`];
    if (tsq) where.push(sql`k.search_vector @@ (${tsq})`);
    if (filters.tags.length) where.push(sql`coalesce(sq.tags, '{}'::text[]) @> ${tagArray}`);
    if (filters.userId !== null) where.push(sql`k.credited_user_id = ${filters.userId}`);
    // Published articles are checked by staff: a fixed boost over a thread saying the same.
    const relevance = tsq
      ? sql`ts_rank(${WEIGHTS}, k.search_vector, (${tsq}), ${NORMALISATION}) * 1.3 + ${titleBonus(sql`k.title`)}`
      : sql`0`;
    const matches = sql`select k.*, coalesce(sq.tags, '{}'::text[]) as question_tags
      from kb_articles k left join posts sq on sq.id = k.source_question_id where ${sql.join(where, sql` and `)}`;
    list.push({
      kind: "article",
      select: sql`select 'article'::text as kind, k.id, k.source_question_id as question_id, k.title, k.slug,
          k.question_tags as tags, null::int as score, null::int as answer_count, true as solved,
          k.credited_user_id as author_id, coalesce(k.published_at, k.created_at) as created_at,
          k.body_markdown as body, (${relevance})::float8 as relevance, count(*) over () as matches
        from ${capped(matches)} k order by ${order} limit ${limit}`,
    });
  }
  return list;
}

interface Row extends ResultRow {
  /** How many posts of this kind matched (for "add a word to narrow your search"). */
  matches: number | string;
}

async function runPage(db: Database, query: ParsedQuery, tsq: SQL | null, page: number, pageSize: number) {
  const offset = (page - 1) * pageSize;
  const parts = branches(query, tsq, offset + pageSize + 1);
  if (parts.length === 0) return { rows: [] as Row[], hasNextPage: false, broad: false };
  const union = sql.join(
    parts.map((part) => sql`(${part.select})`),
    sql` union all `,
  );
  const marks = highlightQuery(query);
  const titleHl = marks ? headline(headlineSource(sql`r.title`), marks, { whole: true }) : headlineSource(sql`r.title`);
  const snippetHl = marks ? headline(headlineSource(sql`r.body`), marks) : headlineSource(sql`r.body`, 220);
  const order = tsq ? sql`r.relevance desc, r.created_at desc, r.kind, r.id desc` : sql`r.created_at desc, r.kind, r.id desc`;
  const result = await db.execute(sql`
    select r.kind, r.id, r.question_id, r.title, r.slug, r.tags, r.score, r.answer_count, r.solved, r.author_id,
           r.created_at, r.relevance, r.matches, u.display_name as author_name, u.role as author_role,
           ${titleHl} as title_hl, ${snippetHl} as snippet_hl
    from (select * from (${union}) r order by ${order} limit ${pageSize + 1} offset ${offset}) r
    left join users u on u.id = r.author_id
    order by ${order}`);
  const rows = rowsOf<Row>(result);
  const broad = tsq !== null && rows.some((row) => Number(row.matches) >= MATCHES_RANKED);
  return { rows: rows.slice(0, pageSize), hasNextPage: rows.length > pageSize, broad };
}


/**
 * Searches questions, answers and published articles. Never deleted posts, answers of deleted
 * questions, drafts or archived articles. A query with nothing to search for returns no results
 * and `matched: "none"` (the page shows its tips); `page` beyond the last gives an empty list.
 */
export async function searchEverything(db: Database, query: ParsedQuery, options: SearchOptions = {}): Promise<SearchPage> {
  const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize ?? SEARCH_PAGE_SIZE)), 50);
  const page = Math.min(Math.max(1, Math.floor(Number.isFinite(options.page) ? options.page! : 1)), MAX_SEARCH_PAGE);
  const empty = { results: [], page, pageSize, hasNextPage: false, broad: false };
  if (!isSearchable(query)) return { ...empty, matched: "none" };
  if (!hasSearchText(query)) {
    const { rows, hasNextPage } = await runPage(db, query, null, page, pageSize);
    return { results: rows.map(toSearchResult), page, pageSize, hasNextPage, matched: "filters", broad: false };
  }
  const all = matchAll(query);
  const first = await runPage(db, query, all, page, pageSize);
  const allMatchSomething = first.rows.length > 0 || (page > 1 && (await runPage(db, query, all, 1, 1)).rows.length > 0);
  if (allMatchSomething) {
    return { results: first.rows.map(toSearchResult), page, pageSize, hasNextPage: first.hasNextPage, matched: "all", broad: first.broad };
  }
  const any = query.words.length >= 2 ? await runPage(db, query, matchAny(query), page, pageSize) : first;
  if (any.rows.length > 0 || page > 1 || hasFilters(query) || query.excludedWords.length + query.excludedPhrases.length > 0) {
    return { results: any.rows.map(toSearchResult), page, pageSize, hasNextPage: any.hasNextPage, matched: any === first ? "all" : "any", broad: any.broad };
  }
  const rows = await similarTitles(db, [...query.words, ...query.phrases].join(" "), pageSize);
  return { results: rows.map(toSearchResult), page, pageSize, hasNextPage: false, matched: rows.length > 0 ? "titles" : "all", broad: false };
}

/** How alike the words must be to some stretch of a title (pg_trgm word similarity, 0 to 1). */
const TYPO_SIMILARITY = 0.45;

/**
 * Questions and articles whose titles look like the words, for when no post contains them:
 * "invocie export" finds "How do I export all my invoices…". Uses the trigram indexes on titles.
 */
async function similarTitles(db: Database, text: string, limit: number): Promise<Row[]> {
  return db.transaction(async (tx) => {
    // The <% operator (and its index) compares against this setting, not an argument.
    await tx.execute(sql.raw(`set local pg_trgm.word_similarity_threshold = ${TYPO_SIMILARITY}`));
    const result = await tx.execute(sql`
      select r.*, count(*) over () as matches, u.display_name as author_name, u.role as author_role,
             null::text as title_hl, ${headlineSource(sql`r.body`, 220)} as snippet_hl
      from (
        (select 'question'::text as kind, p.id, p.id as question_id, p.title, null::text as slug, p.tags, p.score, p.answer_count,
           ${questionSolvedSql("p")} as solved, p.author_id, p.created_at, p.body_markdown as body,
           (word_similarity(${text}, p.title) * ${DUPLICATE_DAMPING})::float8 as relevance
         from posts p where p.type = 'question' and ${text} <% p.title and p.deleted_at is null
         order by relevance desc, p.id desc limit ${limit})
        union all
        (select 'article'::text, k.id, k.source_question_id, k.title, k.slug, coalesce(sq.tags, '{}'::text[]), null::int, null::int,
           true, k.credited_user_id, coalesce(k.published_at, k.created_at), k.body_markdown,
           word_similarity(${text}, k.title)::float8
         from kb_articles k left join posts sq on sq.id = k.source_question_id
         where ${text} <% k.title and k.status = 'published' and k.deleted_at is null
         order by 13 desc, k.id desc limit ${limit})
      ) r left join users u on u.id = r.author_id
      order by r.relevance desc, r.kind, r.id desc limit ${limit}`);
    return rowsOf<Row>(result);
  });
}
