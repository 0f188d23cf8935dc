// Fixed-window counters in PostgreSQL, so every app process behind a load balancer shares them.
// One atomic upsert per hit: no read-then-write race.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { RateLimitedError } from "./errors";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  loginPerIp: { limit: Number(process.env.RATE_LIMIT_LOGIN_PER_IP ?? 30), windowSeconds: 15 * 60 },
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  signUpPerIp: { limit: Number(process.env.RATE_LIMIT_SIGNUP_PER_IP ?? 10), windowSeconds: 60 * 60 },
  signUpPerAccount: { limit: 5, windowSeconds: 60 * 60 },
  commentsPerUser: { limit: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

/** Counts one hit against `key`; throws RateLimitedError once the window's limit is passed. */
export async function hitRateLimit(db: Database, key: string, rule: RateLimitRule, now = new Date(), message?: string) {
  const windowStartCutoff = new Date(now.getTime() - rule.windowSeconds * 1000);
  const rows = await db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= ${windowStartCutoff.toISOString()} then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= ${windowStartCutoff.toISOString()} then excluded.window_start else rate_limits.window_start end
    returning count, window_start`);
  const [row] = rowsOf<{ count: number; window_start: Date | string }>(rows);
  if (row.count > rule.limit) {
    const windowEnds = new Date(row.window_start).getTime() + rule.windowSeconds * 1000;
    const retryAfterSeconds = Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000));
    throw new RateLimitedError(message ?? "Too many attempts. Please wait and try again.", retryAfterSeconds);
  }
}

export async function resetRateLimit(db: Database, key: string) {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}
