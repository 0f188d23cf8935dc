// Close votes cast at the same instant close the question exactly once. Runs on PostgreSQL
// whenever one is reachable (as concurrency.test.ts does); on PGlite it proves nothing about locks.
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeVotes, moderationLog, posts, suspensions } from "../../db/schema";
import { castCloseVote } from "~/services/closing.server";
import { suspendUser } from "~/services/suspensions.server";
import { findPostgresServer, planTestDatabase, useTestDatabase } from "../support/databases";
import { makeQuestion, makeUser } from "../support/fixtures";

const plan = planTestDatabase(await findPostgresServer());
if (plan.driver === "pglite") console.warn("WARNING: no PostgreSQL reachable; the close-vote concurrency tests ran on PGlite and proved nothing about locks.");
const t = useTestDatabase(plan);

describe(`moderation concurrency on ${plan.label}`, () => {
  it("three close votes at once close the question exactly once, with one log entry", async () => {
    const asker = await makeUser(t.db);
    const target = await makeQuestion(t.db, asker.id);
    const voters = await Promise.all([1, 2, 3].map(() => makeUser(t.db, { reputation: 2000 })));
    const results = await Promise.allSettled(voters.map((voter) => castCloseVote(t.db, { actorId: voter.id, questionId: target.id, kind: "close", reason: "off_topic" })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const outcomes = results.map((result) => (result.status === "fulfilled" ? result.value.outcome : "failed")).sort();
    expect(outcomes).toEqual(["closed", "voted", "voted"]);
    const [row] = await t.db.select({ closedAt: posts.closedAt, reason: posts.closeReason }).from(posts).where(eq(posts.id, target.id));
    expect(row.reason).toBe("off_topic");
    const entries = await t.db.select().from(moderationLog).where(eq(moderationLog.postId, target.id));
    expect(entries.map((entry) => entry.action)).toEqual(["question_closed"]);
    const votes = await t.db.select({ status: closeVotes.status }).from(closeVotes).where(eq(closeVotes.questionId, target.id));
    expect(votes.map((vote) => vote.status)).toEqual(["applied", "applied", "applied"]);
  });

  it("six votes at once on one question: one close, and the late votes are told it is closed", async () => {
    const asker = await makeUser(t.db);
    const target = await makeQuestion(t.db, asker.id);
    const voters = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makeUser(t.db, { reputation: 2000 })));
    const results = await Promise.allSettled(voters.map((voter) => castCloseVote(t.db, { actorId: voter.id, questionId: target.id, kind: "close", reason: "needs_details" })));
    const closed = results.filter((result) => result.status === "fulfilled" && result.value.outcome === "closed");
    const refused = results.filter((result) => result.status === "rejected");
    expect(closed).toHaveLength(1);
    expect(refused).toHaveLength(3);
    for (const result of refused) expect((result as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    const entries = await t.db.select().from(moderationLog).where(eq(moderationLog.postId, target.id));
    expect(entries).toHaveLength(1);
  });

  it("one vote per voter even when the same member clicks five times at once", async () => {
    const asker = await makeUser(t.db);
    const target = await makeQuestion(t.db, asker.id);
    const voter = await makeUser(t.db, { reputation: 2000 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => castCloseVote(t.db, { actorId: voter.id, questionId: target.id, kind: "close", reason: "off_topic" })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const votes = await t.db.select().from(closeVotes).where(eq(closeVotes.questionId, target.id));
    expect(votes).toHaveLength(1);
  });

  it("two staff suspending one member at once leave one running suspension", async () => {
    const staff = await Promise.all([1, 2].map(() => makeUser(t.db, { role: "staff" })));
    const member = await makeUser(t.db);
    await Promise.all(staff.map((s, i) => suspendUser(t.db, { actorId: s.id, userId: member.id, days: 3 + i, reason: `Suspension number ${i + 1}.` })));
    const rows = await t.db.select().from(suspensions).where(inArray(suspensions.userId, [member.id]));
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.liftedAt === null)).toHaveLength(1);
  });
});
