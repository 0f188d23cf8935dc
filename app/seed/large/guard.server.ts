// The seeder writes thousands of fake members and posts: it must never be pointed at a real
// community by mistake. Rule: every existing user must be one it generated (email in its domain).
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";

/** Generated members' emails end with this; `.invalid` is reserved, so no real address can. */
export const GENERATED_EMAIL_DOMAIN = "seed-large.peerdesk.invalid";

export class RealUsersPresentError extends Error {
  constructor(readonly realUsers: number) {
    super(
      `Refusing to seed: this database holds ${realUsers} user(s) whose email is not @${GENERATED_EMAIL_DOMAIN} ` +
        `(real members, or the demo data npm start adds). Seed an empty database, or pass --force to add the generated data anyway.`,
    );
    this.name = "RealUsersPresentError";
  }
}

export async function countRealUsers(db: Database): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from users where email not like ${`%@${GENERATED_EMAIL_DOMAIN}`}`));
  return Number(row.n);
}

export async function refuseIfRealUsers(db: Database, force: boolean) {
  if (force) return;
  const realUsers = await countRealUsers(db);
  if (realUsers > 0) throw new RealUsersPresentError(realUsers);
}
