// Demo data for earned badges and Staff verified: one well-answered question that nobody accepted
// gets a staff member's "Staff verified" (so it shows as solved), then the badge backfill awards
// whatever the demo history earned (accepts, votes and promotions have awarded most already).
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posts, users } from "../../db/schema";
import { backfillBadges } from "~/services/badges.server";
import { setStaffVerified } from "~/services/staff-verification.server";

const HOUR = 60 * 60 * 1000;

export async function seedBadges(db: Database, now: Date) {
  const [staff] = await db.select({ id: users.id }).from(users).where(inArray(users.role, ["staff", "admin"])).orderBy(asc(users.id)).limit(1);
  if (staff) {
    // The best live answer by a customer on a live question without an accepted answer.
    const [answer] = await db
      .select({ id: posts.id })
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(
        and(
          eq(posts.type, "answer"),
          isNull(posts.deletedAt),
          eq(users.role, "customer"),
          sql`exists (select 1 from posts q where q.id = ${posts.questionId} and q.accepted_answer_id is null and q.deleted_at is null)`,
        ),
      )
      .orderBy(desc(posts.score), asc(posts.id))
      .limit(1);
    if (answer) await setStaffVerified(db, { actorId: staff.id, answerId: answer.id }, new Date(now.getTime() - 3 * HOUR));
  }
  return backfillBadges(db, now);
}
