// Fixed-window counters in PostgreSQL, so every app process behind a load balancer shares them.
// One atomic upsert per hit: no read-then-write race.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { config } from "~/config.server";
import { RateLimitedError } from "./errors";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

// Getters, so the numbers come from config() when used rather than when this module loads.
export const RATE_LIMITS = {
  get loginPerIp(): RateLimitRule {
    return { limit: config().RATE_LIMIT_LOGIN_PER_IP, windowSeconds: 15 * MINUTE };
  },
  /** One account from one address: an attacker elsewhere does not use up the owner's tries. */
  get loginPerAccountIp(): RateLimitRule {
    return { limit: config().RATE_LIMIT_LOGIN_PER_ACCOUNT_IP, windowSeconds: 15 * MINUTE };
  },
  /** One known device: as many tries as one address, so a stolen device cookie is no master key. */
  get loginPerDevice(): RateLimitRule {
    return { limit: config().RATE_LIMIT_LOGIN_PER_ACCOUNT_IP, windowSeconds: 15 * MINUTE };
  },
  /** One account from everywhere: slows a guesser spread over many addresses; known devices skip it. */
  get loginPerAccount(): RateLimitRule {
    return { limit: config().RATE_LIMIT_LOGIN_PER_ACCOUNT, windowSeconds: HOUR };
  },
  get signUpPerIp(): RateLimitRule {
    return { limit: config().RATE_LIMIT_SIGNUP_PER_IP, windowSeconds: HOUR };
  },
  get signUpPerAccount(): RateLimitRule {
    return { limit: config().RATE_LIMIT_SIGNUP_PER_EMAIL, windowSeconds: HOUR };
  },
  get passwordResetPerIp(): RateLimitRule {
    return { limit: config().RATE_LIMIT_PASSWORD_RESET_PER_IP, windowSeconds: HOUR };
  },
  /** Per email: each request sends a message, so nobody floods one inbox from many networks. */
  get passwordResetPerAccount(): RateLimitRule {
    return { limit: config().RATE_LIMIT_PASSWORD_RESET_PER_EMAIL, windowSeconds: HOUR };
  },
  /** Current-password checks on the settings page (change password or email, delete account): a
   * stolen session must not become a password-guessing oracle. */
  passwordChecksPerUser: { limit: 10, windowSeconds: 15 * MINUTE } as RateLimitRule,
  /** Change-of-email links one member may ask for per hour: each sends two emails. */
  emailChangesPerUser: { limit: 5, windowSeconds: HOUR } as RateLimitRule,
  get commentsPerUser(): RateLimitRule {
    return { limit: config().RATE_LIMIT_COMMENTS_PER_USER, windowSeconds: HOUR };
  },
  get searchesPerIp(): RateLimitRule {
    return { limit: config().RATE_LIMIT_SEARCH_PER_IP, windowSeconds: MINUTE };
  },
  /** Distinct "found nothing" searches one address may add to the staff list per hour: enough for a
   * person, too few for a script to bury the real gaps under junk. */
  searchMissesPerIp: { limit: 30, windowSeconds: HOUR } as RateLimitRule,
};

/** Counts one hit against `key`; says whether it is within the window's limit, and if not for how long. */
export async function countHit(db: Database, key: string, rule: RateLimitRule, now = new Date()): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const windowStartCutoff = new Date(now.getTime() - rule.windowSeconds * 1000);
  const rows = await db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= ${windowStartCutoff.toISOString()} then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= ${windowStartCutoff.toISOString()} then excluded.window_start else rate_limits.window_start end
    returning count, window_start`);
  const [row] = rowsOf<{ count: number; window_start: Date | string }>(rows);
  if (row.count <= rule.limit) return { allowed: true };
  const windowEnds = new Date(row.window_start).getTime() + rule.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)) };
}

/** Counts one hit against `key`; throws RateLimitedError once the window's limit is passed. */
export async function hitRateLimit(db: Database, key: string, rule: RateLimitRule, now = new Date(), message?: string) {
  const outcome = await countHit(db, key, rule, now);
  if (!outcome.allowed) throw new RateLimitedError(message ?? "Too many attempts. Please wait and try again.", outcome.retryAfterSeconds);
}

export async function resetRateLimit(db: Database, key: string) {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}
