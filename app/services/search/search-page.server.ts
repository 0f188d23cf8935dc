// What the /search page needs in one call: the results, and popular tags when there is nothing
// to show (an empty, one-letter or punctuation-only query, or one that found nothing).
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { formatSearchQuery, type ParsedQuery } from "~/domain/search-query";
import { recordSearchMiss } from "../deflection.server";
import { RATE_LIMITS, countHit, hitRateLimit } from "../rate-limits.server";
import { searchEverything, type SearchOptions, type SearchPage } from "./search.server";

/** Tags of the newest live questions, most used first: what people ask about now. */
export async function popularTags(db: Database, limit = 12): Promise<{ tag: string; questions: number }[]> {
  const rows = await db.execute(sql`
    select tag, count(*)::int as questions
    from (select tags from posts where type = 'question' and deleted_at is null order by created_at desc limit 2000) recent,
         unnest(recent.tags) as tag
    group by tag order by count(*) desc, tag limit ${limit}`);
  return rowsOf<{ tag: string; questions: number }>(rows);
}

/** Who is searching, for the rate limit and for counting misses: the address, hashed. */
export interface Searcher {
  addressKey: string;
}

/**
 * One search from the /search page. Counts against the searcher's allowance (429 past it); a
 * query with words that found nothing is counted for staff (the text only, never who asked).
 */
export async function loadSearchPage(
  db: Database,
  query: ParsedQuery,
  options: SearchOptions & { searcher: Searcher },
  now = new Date(),
): Promise<SearchPage & { popularTags: { tag: string; questions: number }[] }> {
  await hitRateLimit(db, `search:address:${options.searcher.addressKey}`, RATE_LIMITS.searchesPerIp, now, "You are searching very fast. Please wait a minute.");
  const page = await searchEverything(db, query, options);
  const foundNothing = page.results.length === 0 && page.page === 1;
  if (foundNothing && page.matched !== "none") {
    const allowance = await countHit(db, `search-miss:address:${options.searcher.addressKey}`, RATE_LIMITS.searchMissesPerIp, now);
    if (allowance.allowed) await recordSearchMiss(db, formatSearchQuery(query), now);
  }
  const tags = foundNothing ? await popularTags(db) : [];
  return { ...page, popularTags: tags };
}
