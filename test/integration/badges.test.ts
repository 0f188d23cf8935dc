// Earned badges, end to end through the real services: the event that earns a badge awards it in
// its own transaction, once; a backfill awards what old data earned; staff earn none.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { flags, notifications, userBadges } from "../../db/schema";
import { awardBadges, backfillBadges, badgeCountsFor, badgeDirectory, badgesOf } from "~/services/badges.server";
import { promoteAnswer } from "~/services/knowledge-base.server";
import { editPost } from "~/services/posting.server";
import { recount } from "~/services/recount.server";
import { acceptAnswer, castVote } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser } from "../support/fixtures";

const t = useTestDatabase();

async function badgeRows(userId: number) {
  return t.db.select({ badge: userBadges.badge, tier: userBadges.tier, postId: userBadges.postId }).from(userBadges).where(eq(userBadges.userId, userId));
}

describe(`earned badges on ${t.plan.label}`, () => {
  it("an accepted answer earns the bronze Helper badge once, however often it is accepted again", async () => {
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, answerer.id, question.id);
    expect(await badgeRows(answerer.id)).toEqual([]);

    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    expect(await badgeRows(answerer.id)).toEqual([{ badge: "first-accepted-answer", tier: "bronze", postId: answer.id }]);
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id, undo: true });
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    expect(await badgeRows(answerer.id)).toHaveLength(1);
    // The member hears about it once, with a link to the badge.
    const told = await t.db.select({ message: notifications.message, link: notifications.link }).from(notifications).where(and(eq(notifications.userId, answerer.id), eq(notifications.kind, "badge_earned")));
    expect(told).toEqual([{ message: expect.stringContaining("Helper"), link: "/badges#badge-first-accepted-answer" }]);
    expect(await badgeCountsFor(t.db, [answerer.id, asker.id])).toEqual(
      new Map([
        [answerer.id, { gold: 0, silver: 0, bronze: 1 }],
        [asker.id, { gold: 0, silver: 0, bronze: 0 }],
      ]),
    );
  });

  it("accepting your own answer earns no badge", async () => {
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const own = await makeAnswer(t.db, asker.id, question.id);
    await acceptAnswer(t.db, { actorId: asker.id, answerId: own.id });
    expect(await badgeRows(asker.id)).toEqual([]);
  });

  it("the tenth upvote on an answer earns Good answer, for that answer; the ninth does not", async () => {
    const asker = await makeUser(t.db);
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, author.id, question.id);
    const voters = await Promise.all(Array.from({ length: 10 }, () => makeUser(t.db, { reputation: 15 })));
    for (const voter of voters.slice(0, 9)) await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" });
    expect(await badgeRows(author.id)).toEqual([]);
    await castVote(t.db, { voterId: voters[9].id, postId: answer.id, direction: "up" });
    expect(await badgeRows(author.id)).toEqual([{ badge: "answer-score-10", tier: "bronze", postId: answer.id }]);
    // Kept when the score drops again: a badge once earned stays.
    await castVote(t.db, { voterId: voters[9].id, postId: answer.id, direction: "up" });
    expect(await badgeRows(author.id)).toHaveLength(1);
    expect(await recount(t.db)).toEqual([]);
  });

  it("votes on a question earn no answer badge", async () => {
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, author.id);
    for (let i = 0; i < 10; i++) {
      const voter = await makeUser(t.db, { reputation: 15 });
      await castVote(t.db, { voterId: voter.id, postId: question.id, direction: "up" });
    }
    expect(await badgeRows(author.id)).toEqual([]);
  });

  it("editing someone else's post earns Editor; editing your own does not", async () => {
    const author = await makeUser(t.db);
    const editor = await makeUser(t.db, { reputation: 1000 });
    const question = await makeQuestion(t.db, author.id);
    await editPost(t.db, { editorId: author.id, postId: question.id, body: "I need all of last year's invoices as CSV, please." });
    expect(await badgeRows(author.id)).toEqual([]);
    await editPost(t.db, { editorId: editor.id, postId: question.id, body: "I need all of last year's invoices as CSV files." });
    expect(await badgeRows(editor.id)).toEqual([{ badge: "first-edit", tier: "bronze", postId: question.id }]);
  });

  it("an answer promoted to the knowledge base earns Knowledge sharer for its author; staff earn nothing", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const asker = await makeUser(t.db);
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, author.id, question.id);
    await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    expect(await badgeRows(author.id)).toEqual([{ badge: "knowledge-base-answer", tier: "silver", postId: answer.id }]);

    const staffAnswer = await makeAnswer(t.db, staff.id, question.id, "Staff here: Reports, Export, CSV.");
    await acceptAnswer(t.db, { actorId: asker.id, answerId: staffAnswer.id });
    expect(await badgeRows(staff.id)).toEqual([]);
  });

  it("a flag found helpful earns Watchful (checked against the flags table)", async () => {
    const author = await makeUser(t.db);
    const flagger = await makeUser(t.db, { reputation: 15 });
    const question = await makeQuestion(t.db, author.id);
    await t.db.insert(flags).values({ postId: question.id, flaggerId: flagger.id, kind: "spam", status: "declined" });
    expect(await t.db.transaction((tx) => awardBadges(tx, flagger.id, "flag_helpful"))).toEqual([]);
    await t.db.insert(flags).values({ postId: question.id, flaggerId: flagger.id, kind: "spam", status: "helpful" });
    expect(await t.db.transaction((tx) => awardBadges(tx, flagger.id, "flag_helpful"))).toEqual(["first-helpful-flag"]);
    expect(await t.db.transaction((tx) => awardBadges(tx, flagger.id, "flag_helpful"))).toEqual([]);
    expect(await badgeRows(flagger.id)).toHaveLength(1);
  });

  it("the backfill awards what existing data earned, once, and a second run awards nothing", async () => {
    const asker = await makeUser(t.db);
    const veteran = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, veteran.id, question.id);
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    // As if earned before badges existed.
    await t.db.delete(userBadges).where(eq(userBadges.userId, veteran.id));
    await t.db.delete(notifications).where(eq(notifications.userId, veteran.id));

    const first = await backfillBadges(t.db);
    expect(first.awarded).toBeGreaterThanOrEqual(1);
    expect((await badgeRows(veteran.id)).map((row) => row.badge)).toEqual(["first-accepted-answer"]);
    const second = await backfillBadges(t.db);
    expect(second.awarded).toBe(0);
    expect(await badgeRows(veteran.id)).toHaveLength(1);
  });

  it("the directory lists every badge with its count and recent earners; a profile lists the member's, gold first", async () => {
    const asker = await makeUser(t.db);
    const member = await makeUser(t.db, { name: `Badge Holder ${Date.now()}` });
    const staff = await makeUser(t.db, { role: "staff" });
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, member.id, question.id);
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });

    const mine = await badgesOf(t.db, member.id);
    expect(mine.map((badge) => [badge.name, badge.tier])).toEqual([
      ["Knowledge sharer", "silver"],
      ["Helper", "bronze"],
    ]);
    const directory = await badgeDirectory(t.db);
    const helper = directory.find((badge) => badge.slug === "first-accepted-answer")!;
    expect(helper.earnedCount).toBeGreaterThanOrEqual(1);
    expect(helper.recentEarners[0]).toMatchObject({ id: member.id, displayName: member.displayName });
    expect(directory.find((badge) => badge.slug === "answer-score-100")).toMatchObject({ earnedCount: 0, recentEarners: [] });
  });
});
