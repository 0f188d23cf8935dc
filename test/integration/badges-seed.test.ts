// The demo community shows this feature on first start: members with earned badges, one answer
// staff verified (its question solved), and no serial voting for the job to find.
import { eq, isNotNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, userBadges } from "../../db/schema";
import { seedDemoDataIfEmpty } from "~/seed/seed-if-empty";
import { badgeDirectory } from "~/services/badges.server";
import { listQuestions } from "~/services/question-queries.server";
import { recount } from "~/services/recount.server";
import { reverseSerialVotes } from "~/services/serial-voting.server";
import { backfillBadges } from "~/services/badges.server";
import { useTestDatabase } from "../support/databases";

const t = useTestDatabase();

describe(`demo badges and staff verification on ${t.plan.label}`, () => {
  it("seeds earned badges and a staff-verified answer; the backfill then has nothing left to award; no serial voting", async () => {
    await seedDemoDataIfEmpty(t.db);
    const [held] = await t.db.select({ members: sql<number>`count(distinct ${userBadges.userId})::int`, badges: sql<number>`count(*)::int` }).from(userBadges);
    expect(held.members).toBeGreaterThanOrEqual(3);
    const directory = await badgeDirectory(t.db);
    expect(directory.filter((badge) => badge.earnedCount > 0).length).toBeGreaterThanOrEqual(2);

    const verified = await t.db.select({ id: posts.id, questionId: posts.questionId }).from(posts).where(isNotNull(posts.staffVerifiedAt));
    expect(verified).toHaveLength(1);
    const [question] = await t.db.select({ accepted: posts.acceptedAnswerId }).from(posts).where(eq(posts.id, verified[0].questionId!));
    expect(question.accepted).toBeNull();
    const listed = (await listQuestions(t.db, { sort: "newest", limit: 200 })).questions.find((q) => q.id === verified[0].questionId);
    expect(listed?.solved).toBe(true);

    expect((await backfillBadges(t.db)).awarded).toBe(0);
    expect(await reverseSerialVotes(t.db, { lookbackHours: 24 * 365 })).toEqual([]);
    expect(await recount(t.db)).toEqual([]);
  });
});
