// Anti-gaming: serial voting is found and reversed through the ledger, with a log entry that
// explains it, and `npm run recount` finds nothing out of place afterwards.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { moderationLog, posts, reputationEvents, votes } from "../../db/schema";
import { MODERATION_SETTINGS } from "~/domain/moderation";
import { recount } from "~/services/recount.server";
import { reverseSerialVotes } from "~/services/serial-voting.server";
import { castVote } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, reputationOf } from "../support/fixtures";

const t = useTestDatabase();
const HOUR = 60 * 60 * 1000;
const threshold = MODERATION_SETTINGS.serialVotesThreshold;

/** `count` posts by `author` (questions), each upvoted by `voter` at the given times. */
async function votesOn(authorId: number, voterId: number, times: Date[]) {
  const targets = [];
  for (const when of times) {
    const question = await makeQuestion(t.db, authorId);
    await castVote(t.db, { voterId, postId: question.id, direction: "up" }, when);
    targets.push(question);
  }
  return targets;
}

describe(`serial voting on ${t.plan.label}`, () => {
  it(`${threshold} upvotes from one member on another's posts within a day are reversed: votes, scores, reputation, with a log entry`, async () => {
    const author = await makeUser(t.db, { name: `Serial Target ${Date.now()}` });
    const friend = await makeUser(t.db, { reputation: 15, name: `Serial Friend ${Date.now()}` });
    const stranger = await makeUser(t.db, { reputation: 15 });
    const now = new Date();
    const times = Array.from({ length: threshold }, (_, i) => new Date(now.getTime() - 5 * HOUR + i * 60_000));
    const targets = await votesOn(author.id, friend.id, times);
    // An honest vote from someone else stays.
    await castVote(t.db, { voterId: stranger.id, postId: targets[0].id, direction: "up" });
    expect(await reputationOf(t.db, author.id)).toBe(1 + 10 * (threshold + 1));

    const reversed = await reverseSerialVotes(t.db, { now });
    expect(reversed).toEqual([{ voterId: friend.id, authorId: author.id, votes: expect.any(Array) }]);
    expect(reversed[0].votes).toHaveLength(threshold);

    expect(await t.db.select().from(votes).where(eq(votes.voterId, friend.id))).toEqual([]);
    expect(await t.db.select({ voterId: votes.voterId }).from(votes).where(eq(votes.postId, targets[0].id))).toEqual([{ voterId: stranger.id }]);
    const scores = await Promise.all(targets.map(async (q) => (await t.db.select({ score: posts.score }).from(posts).where(eq(posts.id, q.id)))[0].score));
    expect(scores).toEqual([1, ...Array(threshold - 1).fill(0)]);
    expect(await reputationOf(t.db, author.id)).toBe(11);
    // Reversed through the ledger: the upvote events stay, each with its reversal.
    const reversals = await t.db.select().from(reputationEvents).where(and(eq(reputationEvents.userId, author.id), eq(reputationEvents.reason, "reversal")));
    expect(reversals).toHaveLength(threshold);

    const [entry] = await t.db.select().from(moderationLog).where(and(eq(moderationLog.action, "votes_reversed"), eq(moderationLog.targetUserId, author.id)));
    expect(entry.actorId).toBeNull();
    expect(entry.reason).toContain(`${friend.displayName} cast ${threshold} votes (${threshold} up) on posts by ${author.displayName} within ${MODERATION_SETTINGS.serialVotesWindowHours} hours`);
    expect(entry.details).toMatchObject({ voterId: friend.id, targetUserId: author.id, count: threshold, windowHours: MODERATION_SETTINGS.serialVotesWindowHours });
    expect((entry.details as { posts: { postId: number }[] }).posts.map((p) => p.postId).sort((a, b) => a - b)).toEqual(targets.map((q) => q.id).sort((a, b) => a - b));

    expect(await recount(t.db)).toEqual([]);
    // A second run finds nothing more.
    expect(await reverseSerialVotes(t.db, { now })).toEqual([]);
  });

  it("one vote fewer, or the same votes spread over more than the window, are left alone", async () => {
    const author = await makeUser(t.db);
    const fan = await makeUser(t.db, { reputation: 15 });
    const slowFan = await makeUser(t.db, { reputation: 15 });
    const now = new Date();
    await votesOn(author.id, fan.id, Array.from({ length: threshold - 1 }, (_, i) => new Date(now.getTime() - HOUR + i * 1000)));
    const spacing = (MODERATION_SETTINGS.serialVotesLookbackHours * HOUR) / threshold;
    await votesOn(author.id, slowFan.id, Array.from({ length: threshold }, (_, i) => new Date(now.getTime() - MODERATION_SETTINGS.serialVotesLookbackHours * HOUR + 60_000 + i * spacing)));
    const before = await reputationOf(t.db, author.id);
    const reversed = await reverseSerialVotes(t.db, { now });
    expect(reversed.filter((r) => r.authorId === author.id)).toEqual([]);
    expect(await reputationOf(t.db, author.id)).toBe(before);
  });

  it("serial downvotes on answers are reversed too, the voter's own -1 included", async () => {
    const asker = await makeUser(t.db);
    const author = await makeUser(t.db, { reputation: 500 });
    const rival = await makeUser(t.db, { reputation: 500 });
    const question = await makeQuestion(t.db, asker.id);
    const now = new Date();
    for (let i = 0; i < threshold; i++) {
      const answer = await makeAnswer(t.db, author.id, question.id, `Answer number ${i} with enough words.`);
      await castVote(t.db, { voterId: rival.id, postId: answer.id, direction: "down" }, new Date(now.getTime() - HOUR + i * 1000));
    }
    expect(await reputationOf(t.db, author.id)).toBe(500 - 2 * threshold);
    expect(await reputationOf(t.db, rival.id)).toBe(500 - threshold);
    const reversed = await reverseSerialVotes(t.db, { now });
    expect(reversed.find((r) => r.voterId === rival.id)?.votes).toHaveLength(threshold);
    expect(await reputationOf(t.db, author.id)).toBe(500);
    expect(await reputationOf(t.db, rival.id)).toBe(500);
    expect(await recount(t.db)).toEqual([]);
  });
});
