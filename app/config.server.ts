// Every setting Peerdesk reads from the environment, in one place, checked with zod when first
// read: a mistyped number stops the server with a clear message instead of becoming NaN deep
// inside a rate limit. The README's settings table lists the same names.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The project folder: the nearest one above this module with a package.json (this file runs from app/ under tsx and from build/ once bundled). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const root = projectRoot();

const count = (fallback: number, min = 1) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .default(fallback);
const url = z.url({ error: "must be a full URL, like https://help.example.com" });

const settings = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: count(3000).pipe(z.number().max(65_535)),
  /** postgres://…: a PostgreSQL server. Unset: the embedded PGlite in PGLITE_DATA_DIR. */
  DATABASE_URL: url.optional(),
  /**
   * postgres://…: a direct (session) connection to the same PostgreSQL, for migrations (they hold a
   * session advisory lock) and LISTEN (page cache invalidation), when DATABASE_URL goes through a
   * pooler in transaction mode, which gives neither a session. Unset: DATABASE_URL for both.
   */
  DATABASE_DIRECT_URL: url.optional(),
  DATABASE_POOL_SIZE: count(10),
  /** "false" behind a pooler in transaction mode that cannot keep prepared statements (PgBouncer before 1.21). */
  DATABASE_PREPARE: z.enum(["true", "false"]).default("true"),
  /** Worker processes for `npm start` on PostgreSQL (the embedded database allows one process). Unset: one. */
  WEB_CONCURRENCY: count(1),
  /** Rendered anonymous pages kept in each process's memory, in megabytes; 0 turns the cache off. */
  PAGE_CACHE_MB: count(64, 0),
  PGLITE_DATA_DIR: z.string().default(path.join(root, "data", "pglite")),
  /** Demo data on an empty database: always in development, only when "true" in production. */
  SEED_DEMO_DATA: z.enum(["true", "false"]).optional(),
  /** The address people use, for links in emails. Unset: http://localhost:PORT. */
  PUBLIC_URL: url.optional(),
  /** smtp(s)://user:pass@host:port. Unset: emails are written as .eml files to OUTBOX_DIR. */
  SMTP_URL: url.optional(),
  MAIL_FROM: z.string().default("Peerdesk <no-reply@peerdesk.example>"),
  OUTBOX_DIR: z.string().default(path.join(root, "data", "outbox")),
  EMAIL_POLL_MS: count(5000, 100),
  /** Express's "trust proxy" (e.g. 1, or loopback): only then are X-Forwarded-* headers believed. */
  TRUST_PROXY: z.string().optional(),
  /** A published article not verified for this many days is listed for review. */
  KB_REVIEW_AFTER_DAYS: count(180),
  /** Login attempts from one address, whatever the accounts, per 15 minutes. */
  RATE_LIMIT_LOGIN_PER_IP: count(30),
  /** Login attempts for one account from one address, per 15 minutes (a success starts it afresh). */
  RATE_LIMIT_LOGIN_PER_ACCOUNT_IP: count(10),
  /** Login attempts for one account from all addresses together, per hour; a known device is exempt. */
  RATE_LIMIT_LOGIN_PER_ACCOUNT: count(100),
  /** Sign-ups from one address, per hour. */
  RATE_LIMIT_SIGNUP_PER_IP: count(10),
  /** Sign-ups with one email, per hour. */
  RATE_LIMIT_SIGNUP_PER_EMAIL: count(5),
  /** Password reset requests from one address, per hour. */
  RATE_LIMIT_PASSWORD_RESET_PER_IP: count(10),
  /** Password reset requests for one email, per hour (each one sends an email). */
  RATE_LIMIT_PASSWORD_RESET_PER_EMAIL: count(3),
  /** Comments by one member, per hour. */
  RATE_LIMIT_COMMENTS_PER_USER: count(30),
  /** Searches from one address, per minute (the header box, /search and ask-time suggestions' page). */
  RATE_LIMIT_SEARCH_PER_IP: count(120),
});

export type Config = z.infer<typeof settings> & { production: boolean; publicUrl: string; root: string };

/** Reads and checks the settings; unset and empty mean the same. Throws one message naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = settings.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid settings in the environment:\n${problems}`);
  }
  const values = parsed.data;
  return {
    ...values,
    production: values.NODE_ENV === "production",
    publicUrl: values.PUBLIC_URL ?? `http://localhost:${values.PORT}`,
    root,
  };
}

let current: Config | undefined;

/** The settings of this process, read once. */
export function config(): Config {
  current ??= loadConfig(process.env);
  return current;
}
