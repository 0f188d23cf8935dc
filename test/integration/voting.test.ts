import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, reputationEvents } from "../../db/schema";
import { ForbiddenError } from "~/services/errors";
import { recount } from "~/services/recount.server";
import { castVote } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, reputationOf } from "../support/fixtures";

const t = useTestDatabase();

async function scoreOf(postId: number) {
  const [row] = await t.db.select({ score: posts.score }).from(posts).where(eq(posts.id, postId));
  return row.score;
}

describe("voting", () => {
  it("an upvote adds 1 to the score and 10 to the author; clicking again undoes both", async () => {
    const author = await makeUser(t.db);
    const voter = await makeUser(t.db, { reputation: 15 });
    const question = await makeQuestion(t.db, author.id);

    expect(await castVote(t.db, { voterId: voter.id, postId: question.id, direction: "up" })).toEqual({ score: 1, vote: 1 });
    expect(await reputationOf(t.db, author.id)).toBe(11);

    expect(await castVote(t.db, { voterId: voter.id, postId: question.id, direction: "up" })).toEqual({ score: 0, vote: 0 });
    expect(await reputationOf(t.db, author.id)).toBe(1);
    // The ledger keeps the event and its reversal: nothing is edited away.
    const ledger = await t.db.select().from(reputationEvents).where(eq(reputationEvents.userId, author.id));
    expect(ledger.map((event) => [event.reason, event.delta])).toEqual([
      ["post_upvoted", 10],
      ["reversal", -10],
    ]);
  });

  it("changing an upvote to a downvote on an answer moves score by 2 and charges the voter 1", async () => {
    const author = await makeUser(t.db, { reputation: 100 });
    const voter = await makeUser(t.db, { reputation: 200 });
    const question = await makeQuestion(t.db, voter.id);
    const answer = await makeAnswer(t.db, author.id, question.id);

    await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" });
    expect(await reputationOf(t.db, author.id)).toBe(110);
    expect(await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "down" })).toEqual({ score: -1, vote: -1 });
    expect(await reputationOf(t.db, author.id)).toBe(98);
    expect(await reputationOf(t.db, voter.id)).toBe(199);
    await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "down" });
    expect(await scoreOf(answer.id)).toBe(0);
    expect(await reputationOf(t.db, author.id)).toBe(100);
    expect(await reputationOf(t.db, voter.id)).toBe(200);
  });

  it("refuses votes on your own post and votes you have not earned, changing nothing", async () => {
    const author = await makeUser(t.db, { reputation: 5000 });
    const newcomer = await makeUser(t.db, { reputation: 14 });
    const question = await makeQuestion(t.db, author.id);
    await expect(castVote(t.db, { voterId: author.id, postId: question.id, direction: "up" })).rejects.toThrow(
      new ForbiddenError("You can't vote on your own post."),
    );
    await expect(castVote(t.db, { voterId: newcomer.id, postId: question.id, direction: "up" })).rejects.toThrow(
      "You need 15 reputation to upvote.",
    );
    const midRep = await makeUser(t.db, { reputation: 124 });
    await expect(castVote(t.db, { voterId: midRep.id, postId: question.id, direction: "down" })).rejects.toThrow(
      "You need 125 reputation to downvote.",
    );
    expect(await scoreOf(question.id)).toBe(0);
    expect(await reputationOf(t.db, author.id)).toBe(5000);
  });

  it("staff votes count, but staff authors earn no reputation", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const customer = await makeUser(t.db);
    const staffQuestion = await makeQuestion(t.db, staff.id);
    const customerQuestion = await makeQuestion(t.db, customer.id);
    const voter = await makeUser(t.db, { reputation: 20 });
    await castVote(t.db, { voterId: voter.id, postId: staffQuestion.id, direction: "up" });
    await castVote(t.db, { voterId: staff.id, postId: customerQuestion.id, direction: "up" });
    expect(await scoreOf(staffQuestion.id)).toBe(1);
    expect(await reputationOf(t.db, staff.id)).toBe(1);
    expect(await reputationOf(t.db, customer.id)).toBe(11);
  });

  it("stops vote reputation at 200 a day, and the floor keeps everyone at 1 or more", async () => {
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, author.id);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await makeAnswer(t.db, author.id, question.id, `Answer number ${i} with enough text.`));
    const day = new Date("2026-06-01T10:00:00Z");
    const voters = await Promise.all(Array.from({ length: 8 }, () => makeUser(t.db, { reputation: 200 })));
    for (const voter of voters) {
      for (const answer of answers) await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" }, day);
    }
    // 24 upvotes (240) in one day: capped at 200.
    expect(await reputationOf(t.db, author.id)).toBe(201);
    // The next day the author earns again.
    const another = await makeUser(t.db, { reputation: 200 });
    await castVote(t.db, { voterId: another.id, postId: question.id, direction: "up" }, new Date("2026-06-02T10:00:00Z"));
    expect(await reputationOf(t.db, author.id)).toBe(211);

    const newcomer = await makeUser(t.db);
    const poorQuestion = await makeQuestion(t.db, newcomer.id);
    const poorAnswer = await makeAnswer(t.db, newcomer.id, question.id, "This is a poor answer, sadly.");
    await castVote(t.db, { voterId: voters[0].id, postId: poorQuestion.id, direction: "down" });
    await castVote(t.db, { voterId: voters[1].id, postId: poorAnswer.id, direction: "down" });
    expect(await reputationOf(t.db, newcomer.id)).toBe(1);
    expect(await recount(t.db)).toEqual([]);
  });

  it("a missing post is not found", async () => {
    const voter = await makeUser(t.db, { reputation: 20 });
    await expect(castVote(t.db, { voterId: voter.id, postId: 2_000_000_000, direction: "up" })).rejects.toThrow("does not exist");
  });
});

// The ledger stores what was applied after the cap and the floor, so undoing puts back exactly that.
describe("undoing votes against the daily cap and the floor", () => {
  async function answerWithUpvotes(count: number, day: Date) {
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, (await makeUser(t.db)).id);
    const answer = await makeAnswer(t.db, author.id, question.id);
    const voters = await Promise.all(Array.from({ length: count }, () => makeUser(t.db, { reputation: 15 })));
    for (const voter of voters) await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" }, day);
    return { author, answer, voters };
  }

  it("undoing an upvote the same day frees its room under the cap", async () => {
    const day = new Date("2026-06-10T09:00:00Z");
    const { author, answer, voters } = await answerWithUpvotes(20, day);
    expect(await reputationOf(t.db, author.id)).toBe(201);
    await castVote(t.db, { voterId: voters[0].id, postId: answer.id, direction: "up" }, new Date("2026-06-10T10:00:00Z"));
    expect(await reputationOf(t.db, author.id)).toBe(191);
    const late = await makeUser(t.db, { reputation: 15 });
    await castVote(t.db, { voterId: late.id, postId: answer.id, direction: "up" }, new Date("2026-06-10T11:00:00Z"));
    expect(await reputationOf(t.db, author.id)).toBe(201);
    expect(await recount(t.db)).toEqual([]);
  });

  it("undoing yesterday's upvote does not reopen today's cap", async () => {
    const { author, answer, voters } = await answerWithUpvotes(1, new Date("2026-06-11T09:00:00Z"));
    const today = new Date("2026-06-12T09:00:00Z");
    const todays = await Promise.all(Array.from({ length: 20 }, () => makeUser(t.db, { reputation: 15 })));
    for (const voter of todays) await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" }, today);
    expect(await reputationOf(t.db, author.id)).toBe(211);
    await castVote(t.db, { voterId: voters[0].id, postId: answer.id, direction: "up" }, today);
    expect(await reputationOf(t.db, author.id)).toBe(201);
    const late = await makeUser(t.db, { reputation: 15 });
    await castVote(t.db, { voterId: late.id, postId: answer.id, direction: "up" }, today);
    expect(await reputationOf(t.db, author.id)).toBe(201);
    expect(await recount(t.db)).toEqual([]);
  });

  it("undoing a downvote the floor absorbed restores the previous value and mints nothing", async () => {
    for (const start of [1, 2]) {
      const author = await makeUser(t.db, { reputation: start });
      const question = await makeQuestion(t.db, author.id);
      const critic = await makeUser(t.db, { reputation: 125 });
      await castVote(t.db, { voterId: critic.id, postId: question.id, direction: "down" });
      expect(await reputationOf(t.db, author.id)).toBe(1);
      await castVote(t.db, { voterId: critic.id, postId: question.id, direction: "down" });
      expect(await reputationOf(t.db, author.id)).toBe(start);
      const ledger = await t.db
        .select({ reason: reputationEvents.reason, delta: reputationEvents.delta })
        .from(reputationEvents)
        .where(and(eq(reputationEvents.userId, author.id), eq(reputationEvents.postId, question.id)))
        .orderBy(reputationEvents.id);
      expect(ledger).toEqual([
        { reason: "post_downvoted", delta: 1 - start },
        { reason: "reversal", delta: start - 1 },
      ]);
    }
    expect(await recount(t.db)).toEqual([]);
  });

  it("undoing an upvote after later losses stops at the floor", async () => {
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, author.id);
    const fan = await makeUser(t.db, { reputation: 15 });
    await castVote(t.db, { voterId: fan.id, postId: question.id, direction: "up" });
    expect(await reputationOf(t.db, author.id)).toBe(11);
    const critics = await Promise.all(Array.from({ length: 6 }, () => makeUser(t.db, { reputation: 125 })));
    for (const critic of critics) await castVote(t.db, { voterId: critic.id, postId: question.id, direction: "down" });
    expect(await reputationOf(t.db, author.id)).toBe(1);
    await castVote(t.db, { voterId: fan.id, postId: question.id, direction: "up" });
    expect(await reputationOf(t.db, author.id)).toBe(1);
    expect(await recount(t.db)).toEqual([]);
  });
});

describe("accepting answers", () => {
  it("pays +15 and +2, moves on change, reverses on undo", async () => {
    const { acceptAnswer } = await import("~/services/voting.server");
    const asker = await makeUser(t.db);
    const first = await makeUser(t.db);
    const second = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const a1 = await makeAnswer(t.db, first.id, question.id);
    const a2 = await makeAnswer(t.db, second.id, question.id);

    await acceptAnswer(t.db, { actorId: asker.id, answerId: a1.id });
    expect([await reputationOf(t.db, first.id), await reputationOf(t.db, asker.id)]).toEqual([16, 3]);

    await acceptAnswer(t.db, { actorId: asker.id, answerId: a2.id });
    expect([await reputationOf(t.db, first.id), await reputationOf(t.db, second.id), await reputationOf(t.db, asker.id)]).toEqual([1, 16, 3]);

    expect(await acceptAnswer(t.db, { actorId: asker.id, answerId: a2.id, undo: true })).toMatchObject({ acceptedAnswerId: null });
    expect([await reputationOf(t.db, second.id), await reputationOf(t.db, asker.id)]).toEqual([1, 1]);
  });

  it("only the asker or staff may accept; staff accepting still pays the asker", async () => {
    const { acceptAnswer } = await import("~/services/voting.server");
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db, { reputation: 3000 });
    const staff = await makeUser(t.db, { role: "staff" });
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, answerer.id, question.id);
    await expect(acceptAnswer(t.db, { actorId: answerer.id, answerId: answer.id })).rejects.toBeInstanceOf(ForbiddenError);
    await acceptAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    expect(await reputationOf(t.db, asker.id)).toBe(3);
    const [row] = await t.db.select({ accepted: posts.acceptedAnswerId }).from(posts).where(and(eq(posts.id, question.id)));
    expect(row.accepted).toBe(answer.id);
  });

  it("accepting your own answer earns nothing", async () => {
    const { acceptAnswer } = await import("~/services/voting.server");
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const own = await makeAnswer(t.db, asker.id, question.id);
    await acceptAnswer(t.db, { actorId: asker.id, answerId: own.id });
    expect(await reputationOf(t.db, asker.id)).toBe(1);
  });
});
