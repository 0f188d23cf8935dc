// Demo data on the first start of an empty database. The demo community (seed-demo.ts and its
// texts) is loaded only then: every later start skips reading it, which keeps start-up quick.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";

export async function seedDemoDataIfEmpty(db: Database, options: { now?: Date; onSeeding?: () => void } = {}) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((row?.n ?? 0) > 0) return null;
  options.onSeeding?.();
  const { seedDemoData } = await import("./seed-demo");
  return seedDemoData(db, options.now ?? new Date());
}
