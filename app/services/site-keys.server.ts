// The site's signing keys: made on first use and kept in the database, so every app process (and
// every restart) signs and checks with the same key, and a fresh install needs no secret set.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { siteKeys } from "../../db/schema";

export type SiteKeyName = "unsubscribe";

export async function siteKey(db: Database, name: SiteKeyName): Promise<string> {
  const read = async () => (await db.select({ secret: siteKeys.secret }).from(siteKeys).where(eq(siteKeys.name, name)))[0]?.secret;
  const existing = await read();
  if (existing) return existing;
  // Two processes may make one at once: the first insert wins and both read it back.
  await db.insert(siteKeys).values({ name, secret: randomBytes(32).toString("base64url") }).onConflictDoNothing();
  return (await read())!;
}
