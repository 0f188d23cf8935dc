// What the /search page needs in one call: the results, and popular tags when there is nothing
// to show (an empty, one-letter or punctuation-only query, or one that found nothing).
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import type { ParsedQuery } from "~/domain/search-query";
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

export async function loadSearchPage(db: Database, query: ParsedQuery, options: SearchOptions = {}): Promise<SearchPage & { popularTags: { tag: string; questions: number }[] }> {
  const page = await searchEverything(db, query, options);
  const tags = page.results.length === 0 && page.page === 1 ? await popularTags(db) : [];
  return { ...page, popularTags: tags };
}
