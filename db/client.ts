// One database handle type for both drivers: embedded PGlite (no DATABASE_URL) or
// postgres.js against a real PostgreSQL (DATABASE_URL set). Same schema, same migrations.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Logger } from "drizzle-orm";
import { preparingClient } from "./prepared-statements";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  /**
   * Calls onNotify for each NOTIFY on the channel (committed transactions only), and onConnected
   * each time the listening connection is (re)established: notifications sent while it was down
   * are lost, so a listener that caches must treat a reconnect as "anything may have changed".
   */
  listen(channel: string, onNotify: () => void, onConnected: () => void): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));
/** An arbitrary key for pg_advisory_lock, held while migrating. */
const MIGRATION_LOCK = 7_310_522;

/**
 * Opens the database and applies pending migrations before returning it. directUrl: a session
 * connection to the same PostgreSQL, for when url goes through a pooler in transaction mode.
 */
export async function openDatabase(options: {
  url?: string;
  directUrl?: string;
  dataDir?: string;
  poolSize?: number;
  preparedStatements?: boolean;
  logger?: Logger;
}): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(options.url, { max: options.poolSize ?? 10, onnotice: () => {} });
    const db = drizzle(options.preparedStatements === false ? client : preparingClient(client), { schema, logger: options.logger });
    // The migration lock and LISTEN belong to a session, which a pooler in transaction mode does not
    // keep: both go to the direct URL. One connection (max 1), so the lock, the migrations and the
    // unlock run on the same session; it closes when idle. LISTEN is postgres.js's own extra
    // connection of this client, kept open (and reopened) for as long as we listen.
    const direct = postgres(options.directUrl ?? options.url, { max: 1, idle_timeout: 5, onnotice: () => {} });
    // Several processes starting together (WEB_CONCURRENCY, or many servers) migrate one at a time;
    // the others then find nothing left to do.
    await direct`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      await migrate(drizzle(direct), { migrationsFolder });
    } finally {
      await direct`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
    return {
      db: db as unknown as Database,
      driver: "postgres",
      listen: async (channel, onNotify, onConnected) => {
        await direct.listen(channel, onNotify, onConnected);
      },
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), direct.end({ timeout: 5 })]);
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // pg_trgm is a separate bundle in PGlite: it must be loaded here before a migration can create it.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const db = drizzle(client, { schema, logger: options.logger });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Database,
    driver: "pglite",
    // In-process: the connection cannot drop, so it is "connected" once.
    listen: async (channel, onNotify, onConnected) => {
      await client.listen(channel, onNotify);
      onConnected();
    },
    close: () => client.close(),
  };
}

