// From a parsed query to PostgreSQL text-search queries. Every word and phrase goes in as a bound
// parameter through plainto_tsquery/phraseto_tsquery, which accept any text and never raise, so
// no user input is ever parsed as tsquery syntax.
import { sql, type SQL } from "drizzle-orm";
import type { ParsedQuery } from "~/domain/search-query";

/** The text-search configuration of every vector in db/schema.ts. */
export const TS_CONFIG = sql.raw("'english'");

function and(parts: SQL[]): SQL | null {
  return parts.length === 0 ? null : sql`(${sql.join(parts, sql` && `)})`;
}

function exclusions(query: ParsedQuery): SQL[] {
  return [
    ...query.excludedWords.map((word) => sql`!! plainto_tsquery(${TS_CONFIG}, ${word})`),
    ...query.excludedPhrases.map((phrase) => sql`!! phraseto_tsquery(${TS_CONFIG}, ${phrase})`),
  ];
}

function phrases(query: ParsedQuery): SQL[] {
  return query.phrases.map((phrase) => sql`phraseto_tsquery(${TS_CONFIG}, ${phrase})`);
}

/**
 * The stemmed lexemes of any text OR-ed together. The tsquery's own text output quotes each
 * lexeme, and a lexeme never contains " & ", so swapping the operators is safe.
 */
export function anyLexemeOf(text: SQL): SQL {
  return sql`replace(plainto_tsquery(${TS_CONFIG}, ${text})::text, ' & ', ' | ')::tsquery`;
}

/** Every word and phrase, no excluded one. Null when the query has no words or phrases. */
export function matchAll(query: ParsedQuery): SQL | null {
  const positive = [...query.words.map((word) => sql`plainto_tsquery(${TS_CONFIG}, ${word})`), ...phrases(query)];
  if (positive.length === 0) return null;
  return and([...positive, ...exclusions(query)]);
}

/** Any of the words (every phrase still required, no excluded one): the fallback when all words find nothing. */
export function matchAny(query: ParsedQuery): SQL | null {
  const positive = [...(query.words.length > 0 ? [anyLexemeOf(sql`${query.words.join(" ")}`)] : []), ...phrases(query)];
  if (positive.length === 0) return null;
  return and([...positive, ...exclusions(query)]);
}

/** What to highlight: any word or phrase of the query, exclusions left out. */
export function highlightQuery(query: ParsedQuery): SQL | null {
  const text = [...query.words, ...query.phrases].join(" ");
  return text ? anyLexemeOf(sql`${text}`) : null;
}
