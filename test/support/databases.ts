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

export async function createFreshPostgresDatabase(serverUrl: string, prefix = "peerdesk_test") {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
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

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({});
    return { ...handle, destroy: () => handle.close() };
  }
  const fresh = await createFreshPostgresDatabase(serverUrl);
  const handle = await openDatabase({ url: fresh.url });
  return {
    ...handle,
    url: fresh.url,
    async destroy() {
      await handle.close();
      await fresh.drop();
    },
  };
}

/** One fresh database for a test file: opened before its tests, destroyed after them. */
export function useTestDatabase() {
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.destroy();
  });
  return {
    get db() {
      if (!handle) throw new Error("the test database is opened in beforeAll");
      return handle.db;
    },
  };
}
