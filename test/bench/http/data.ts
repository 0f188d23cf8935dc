// The data the HTTP bench serves: a forum made by seed:large's generator, made once per size and
// kept, because loading 20,000 questions takes far longer than a bench run. With DATABASE_URL it is
// the database peerdesk_bench_<questions> on that server; without, a PGlite data folder under the
// system's temporary folder. Either is filled under a "_loading" name and renamed when complete,
// so an interrupted load is never mistaken for a finished one.
import { existsSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { seedLarge } from "~/seed/large/seed-large.server";

export interface BenchData {
  /** peerdesk_bench_<questions>, or the name asked for. */
  name: string;
  /** Settings the app server needs to open the same data. */
  serverEnv: Record<string, string>;
  /** Database name on the server (PostgreSQL), or the PGlite folder. */
  where: string;
  /** The database name the server's connections show in pg_stat_activity (PostgreSQL only). */
  databaseName: string | null;
  reused: boolean;
  /** Opens it here (the bench's own connection). PGlite allows one process at a time: close before the server starts. */
  open(): Promise<DatabaseHandle>;
}

function withDatabase(serverUrl: string, name: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function seed(handle: DatabaseHandle, questions: number) {
  console.log(`Seeding ${questions.toLocaleString("en")} questions (once; later runs reuse them)...`);
  const result = await seedLarge(handle.db, { questions });
  console.log(`Seeded in ${(result.elapsedMs / 1000).toFixed(1)} s: ${result.users} users, ${result.answers} answers, ${result.votes} votes, ${result.publishedArticles} published articles, ${result.badges} badges.`);
}

/**
 * The bench data for `questions` questions under `name` (default peerdesk_bench_<questions>),
 * made when missing. `fresh`: drop what is there first (the smoke test's own small database).
 */
export async function prepareData(options: { questions: number; serverUrl?: string; name?: string; fresh?: boolean }): Promise<BenchData> {
  const name = options.name ?? `peerdesk_bench_${options.questions}`;
  return options.serverUrl ? preparePostgres(options.serverUrl, name, options) : preparePglite(name, options);
}

async function preparePostgres(serverUrl: string, name: string, options: { questions: number; fresh?: boolean }): Promise<BenchData> {
  const loading = `${name}_loading`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    if (options.fresh) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!existing) {
      await admin.unsafe(`drop database if exists "${loading}" with (force)`);
      await admin.unsafe(`create database "${loading}"`);
      const handle = await openDatabase({ url: withDatabase(serverUrl, loading) });
      try {
        await seed(handle, options.questions);
      } finally {
        await handle.close();
      }
      await admin.unsafe(`alter database "${loading}" rename to "${name}"`);
    }
    const url = withDatabase(serverUrl, name);
    return {
      name,
      serverEnv: { DATABASE_URL: url },
      where: `PostgreSQL database ${name} on ${new URL(serverUrl).host}`,
      databaseName: name,
      reused: Boolean(existing),
      open: () => openDatabase({ url, poolSize: 2 }),
    };
  } finally {
    await admin.end();
  }
}

async function preparePglite(name: string, options: { questions: number; fresh?: boolean }): Promise<BenchData> {
  const dir = path.join(os.tmpdir(), name.replaceAll("_", "-"));
  const loading = `${dir}-loading`;
  if (options.fresh) rmSync(dir, { recursive: true, force: true });
  const reused = existsSync(dir);
  if (!reused) {
    rmSync(loading, { recursive: true, force: true });
    const handle = await openDatabase({ dataDir: loading });
    try {
      await seed(handle, options.questions);
    } finally {
      await handle.close();
    }
    renameSync(loading, dir);
  }
  return { name, serverEnv: { PGLITE_DATA_DIR: dir }, where: `PGlite in ${dir}`, databaseName: null, reused, open: () => openDatabase({ dataDir: dir }) };
}
