// Concurrent clicks give exact results. On PostgreSQL (DATABASE_URL) these run truly in
// parallel over a pool of connections; on PGlite they are queued on its single connection.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, reputationEvents } from "../../db/schema";
import { recount } from "~/services/recount.server";
import { acceptAnswer, castVote } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, reputationOf } from "../support/fixtures";

const t = useTestDatabase();

describe("concurrency", () => {
  it("fifty users upvoting one answer at the same instant give a score of exactly 50", async () => {
    const asker = await makeUser(t.db);
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, author.id, question.id);
    const voters = await Promise.all(Array.from({ length: 50 }, () => makeUser(t.db, { reputation: 15 })));

    const results = await Promise.allSettled(voters.map((voter) => castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);

    const [row] = await t.db.select({ score: posts.score }).from(posts).where(eq(posts.id, answer.id));
    expect(row.score).toBe(50);
    // 50 upvotes are worth 500, but vote reputation stops at 200 a day.
    expect(await reputationOf(t.db, author.id)).toBe(201);
    const [events] = await t.db
      .select({ n: sql<number>`count(*)::int`, total: sql<number>`sum(${reputationEvents.delta})::int` })
      .from(reputationEvents)
      .where(eq(reputationEvents.userId, author.id));
    expect(events).toEqual({ n: 50, total: 200 });
    expect(await recount(t.db)).toEqual([]);
  });

  it("twenty parallel accepts leave exactly one accepted answer and exact reputation", async () => {
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answerers = await Promise.all(Array.from({ length: 20 }, () => makeUser(t.db)));
    const answers = [];
    for (const answerer of answerers) answers.push(await makeAnswer(t.db, answerer.id, question.id, `Try this, from user ${answerer.id}.`));

    const results = await Promise.allSettled(answers.map((answer) => acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);

    const [row] = await t.db.select({ accepted: posts.acceptedAnswerId }).from(posts).where(eq(posts.id, question.id));
    const winner = answers.findIndex((answer) => answer.id === row.accepted);
    expect(winner).toBeGreaterThanOrEqual(0);
    const reputations = await Promise.all(answerers.map((answerer) => reputationOf(t.db, answerer.id)));
    expect(reputations.filter((rep) => rep === 16)).toHaveLength(1);
    expect(reputations[winner]).toBe(16);
    expect(reputations.filter((rep) => rep === 1)).toHaveLength(19);
    expect(await reputationOf(t.db, asker.id)).toBe(3);
    expect(await recount(t.db)).toEqual([]);
  });

  it("concurrent toggles by one user end in a consistent state", async () => {
    const author = await makeUser(t.db);
    const voter = await makeUser(t.db, { reputation: 500 });
    const question = await makeQuestion(t.db, author.id);
    await Promise.all(Array.from({ length: 7 }, () => castVote(t.db, { voterId: voter.id, postId: question.id, direction: "up" })));
    // An odd number of toggles leaves the vote in place.
    const [row] = await t.db.select({ score: posts.score }).from(posts).where(eq(posts.id, question.id));
    expect(row.score).toBe(1);
    expect(await reputationOf(t.db, author.id)).toBe(11);
  });
});
