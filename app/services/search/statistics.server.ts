// The word-rarity snapshot behind ask-time suggestions: for each lexeme, how many live questions
// and published articles contain it. Rarity changes slowly, so a snapshot refreshed now and then
// (at start-up, daily, after a bulk load) serves, and no write path has to keep a counter.
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";

/** The collection suggestions are drawn from, as ts_stat's query text. */
const COLLECTION =
  "select search_vector from posts where type = 'question' and deleted_at is null " +
  "union all select search_vector from kb_articles where status = 'published' and deleted_at is null";

/**
 * Rebuilds the snapshot in one transaction (readers see the old one until it commits). Reads
 * every search vector once: about a second per 100,000 questions on PostgreSQL, longer on PGlite,
 * whose single connection waits meanwhile, so run it at a quiet time.
 */
export async function refreshSearchStatistics(db: Database, now = new Date()) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`delete from search_lexemes`);
    await tx.execute(sql`insert into search_lexemes (lexeme, documents) select word, ndoc from ts_stat(${COLLECTION})`);
    const [row] = rowsOf<{ documents: number }>(
      await tx.execute(sql`
        insert into search_corpus (id, documents, refreshed_at)
        values (1, (select count(*) from posts where type = 'question' and deleted_at is null)
                 + (select count(*) from kb_articles where status = 'published' and deleted_at is null), ${now.toISOString()}::timestamptz)
        on conflict (id) do update set documents = excluded.documents, refreshed_at = excluded.refreshed_at
        returning documents`),
    );
    return { documents: Number(row?.documents ?? 0) };
  });
}

/** When the snapshot was last rebuilt (null: never, and suggestions weigh every word alike). */
export async function searchStatisticsAge(db: Database) {
  const [row] = rowsOf<{ refreshed_at: Date | string; documents: number }>(await db.execute(sql`select refreshed_at, documents from search_corpus where id = 1`));
  return row ? { refreshedAt: new Date(row.refreshed_at), documents: Number(row.documents) } : null;
}
