// Full-text, trigram and tag indexes on posts cost more per inserted row than the row itself
// (GIN with fastupdate off merges on every insert). For a big load it is cheaper to drop them and
// build each once at the end, from the definitions the database itself reports.
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";

/** Drops the posts table's GIN indexes and returns a function that recreates them exactly. */
export async function dropPostGinIndexes(db: Database): Promise<() => Promise<void>> {
  const indexes = rowsOf<{ indexname: string; indexdef: string }>(
    await db.execute(sql`select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'posts' and indexdef like '% USING gin %'`),
  );
  for (const index of indexes) await db.execute(sql`drop index if exists ${sql.identifier(index.indexname)}`);
  return async () => {
    for (const index of indexes) await db.execute(sql.raw(index.indexdef.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS ")));
  };
}
