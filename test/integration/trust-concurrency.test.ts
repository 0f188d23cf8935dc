// Badges and anti-gaming under real concurrency. As in concurrency.test.ts, this file runs on
// PostgreSQL whenever one is reachable (DATABASE_URL, else the local server), in a fresh database
// of its own: PGlite runs transactions one at a time and proves nothing about races.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { moderationLog, userBadges } from "../../db/schema";
import { MODERATION_SETTINGS } from "~/domain/moderation";
import { awardBadges, backfillBadges } from "~/services/badges.server";
import { recount } from "~/services/recount.server";
import { reverseSerialVotes } from "~/services/serial-voting.server";
import { setStaffVerified } from "~/services/staff-verification.server";
import { acceptAnswer, castVote } from "~/services/voting.server";
import { findPostgresServer, planTestDatabase, useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, reputationOf } from "../support/fixtures";

const plan = planTestDatabase(await findPostgresServer());
if (plan.driver === "pglite") {
  console.warn("WARNING: no PostgreSQL reachable: the badge and serial-voting races ran on PGlite, one transaction at a time, and proved NOTHING.");
}
const t = useTestDatabase(plan);

describe(`badges and anti-gaming under concurrency on ${plan.label}${plan.driver === "pglite" ? " - proves nothing about races" : ""}`, () => {
  it("the same badge trigger fired twice in parallel awards the badge once", async () => {
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, answerer.id, question.id);
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    await t.db.delete(userBadges).where(eq(userBadges.userId, answerer.id));

    const results = await Promise.all(
      Array.from({ length: 8 }, () => t.db.transaction((tx) => awardBadges(tx, answerer.id, "answer_accepted", { postId: answer.id }))),
    );
    expect(results.flat()).toEqual(["first-accepted-answer"]);
    expect(await t.db.select({ badge: userBadges.badge }).from(userBadges).where(eq(userBadges.userId, answerer.id))).toEqual([{ badge: "first-accepted-answer" }]);
  });

  it("two questions accepting one member's answers at the same instant award their first badge once", async () => {
    const answerer = await makeUser(t.db);
    const pairs = [];
    for (let i = 0; i < 6; i++) {
      const asker = await makeUser(t.db);
      const question = await makeQuestion(t.db, asker.id);
      pairs.push({ asker, answer: await makeAnswer(t.db, answerer.id, question.id, `Answer ${i}: go to Reports, then Export.`) });
    }
    const results = await Promise.allSettled(pairs.map(({ asker, answer }) => acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await t.db.select({ badge: userBadges.badge }).from(userBadges).where(eq(userBadges.userId, answerer.id))).toEqual([{ badge: "first-accepted-answer" }]);
    expect(await reputationOf(t.db, answerer.id)).toBe(1 + 6 * 15);
  });

  it("a backfill racing the live trigger still awards once", async () => {
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, answerer.id, question.id);
    await Promise.all([acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id }), backfillBadges(t.db), backfillBadges(t.db)]);
    await backfillBadges(t.db);
    expect(await t.db.select({ badge: userBadges.badge }).from(userBadges).where(eq(userBadges.userId, answerer.id))).toEqual([{ badge: "first-accepted-answer" }]);
  });

  it("two runs of the serial-voting job at once reverse each vote once and log once; recount stays clean", async () => {
    const author = await makeUser(t.db);
    const friend = await makeUser(t.db, { reputation: 15 });
    const now = new Date();
    for (let i = 0; i < MODERATION_SETTINGS.serialVotesThreshold; i++) {
      const question = await makeQuestion(t.db, author.id);
      await castVote(t.db, { voterId: friend.id, postId: question.id, direction: "up" }, new Date(now.getTime() - 60 * 60_000 + i * 1000));
    }
    const [a, b] = await Promise.all([reverseSerialVotes(t.db, { now }), reverseSerialVotes(t.db, { now })]);
    expect([...a, ...b].filter((r) => r.authorId === author.id)).toHaveLength(1);
    expect(await reputationOf(t.db, author.id)).toBe(1);
    expect(await t.db.select({ id: moderationLog.id }).from(moderationLog).where(eq(moderationLog.targetUserId, author.id))).toHaveLength(1);
    expect(await recount(t.db)).toEqual([]);
  });

  it("staff marking one answer verified twice at once log it once", async () => {
    const asker = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, asker.id, question.id);
    await Promise.all([setStaffVerified(t.db, { actorId: staff.id, answerId: answer.id }), setStaffVerified(t.db, { actorId: staff.id, answerId: answer.id })]);
    expect(await t.db.select({ action: moderationLog.action }).from(moderationLog).where(eq(moderationLog.postId, answer.id))).toEqual([{ action: "answer_verified" }]);
  });
});
