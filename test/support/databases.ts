// Test databases: a fresh in-memory PGlite by default, or, when DATABASE_URL is set, a fresh
// database on that PostgreSQL server, created here and dropped afterwards (never one we did not create).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../../db/client";

export interface TestDatabase extends DatabaseHandle {
  /** Connection string of the created database (PostgreSQL only). */
  url?: string;
  destroy(): Promise<void>;
}

/** The server CI and this machine run; tried when DATABASE_URL is not set (trust auth, no secret). */
export const LOCAL_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * Where a suite's database will be, decided before the suite is declared so that its title can
 * say which database it ran on. The database itself is created in beforeAll.
 */
export type DatabasePlan = { driver: "pglite"; label: string } | { driver: "postgres"; serverUrl: string; name: string; label: string };

export function freshDatabaseName(prefix = "peerdesk_test") {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

export function planTestDatabase(serverUrl = process.env.DATABASE_URL): DatabasePlan {
  if (!serverUrl) return { driver: "pglite", label: "PGlite (in memory, one connection)" };
  const name = freshDatabaseName();
  return { driver: "postgres", serverUrl, name, label: `PostgreSQL database ${name} on ${new URL(serverUrl).host}` };
}

/**
 * A PostgreSQL server to test on: DATABASE_URL when set (its failures are the caller's to see),
 * otherwise the local server if it answers within the timeout, otherwise none.
 */
export async function findPostgresServer(timeoutMs = 2000, localUrl = LOCAL_POSTGRES_URL): Promise<string | undefined> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const probe = postgres(localUrl, { max: 1, connect_timeout: Math.ceil(timeoutMs / 1000), onnotice: () => {} });
  let timer: NodeJS.Timeout | undefined;
  try {
    // connect_timeout covers the TCP connect only; the race also covers a server that never answers.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("no answer")), timeoutMs);
    });
    await Promise.race([probe`select 1`, timeout]);
    return localUrl;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    await probe.end({ timeout: 0 }).catch(() => {});
  }
}

export async function createFreshPostgresDatabase(serverUrl: string, prefix = "peerdesk_test", name = freshDatabaseName(prefix)) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

export async function createTestDatabase(plan: DatabasePlan = planTestDatabase()): Promise<TestDatabase> {
  if (plan.driver === "pglite") {
    const handle = await openDatabase({});
    return { ...handle, destroy: () => handle.close() };
  }
  const fresh = await createFreshPostgresDatabase(plan.serverUrl, undefined, plan.name);
  try {
    const handle = await openDatabase({ url: fresh.url });
    return {
      ...handle,
      url: fresh.url,
      async destroy() {
        await handle.close();
        await fresh.drop();
      },
    };
  } catch (error) {
    await fresh.drop();
    throw error;
  }
}

/** One fresh database for a test file: opened before its tests, destroyed after them. */
export function useTestDatabase(plan: DatabasePlan = planTestDatabase()) {
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(plan);
  });
  afterAll(async () => {
    await handle?.destroy();
  });
  return {
    plan,
    get db() {
      if (!handle) throw new Error("the test database is opened in beforeAll");
      return handle.db;
    },
  };
}
