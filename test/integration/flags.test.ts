// Flags, automatic hiding, the review queue's decisions and new-user link holding, through the
// real services on a real database (PGlite by default, PostgreSQL with DATABASE_URL).
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { flags, moderationLog, posts, reviewItems, userBadges, users } from "../../db/schema";
import { PRIVILEGE_THRESHOLDS } from "~/domain/privileges";
import { restorePost } from "~/services/deletion.server";
import { ConflictError, ForbiddenError, InvalidInputError } from "~/services/errors";
import { flagPost, flagsByUser } from "~/services/flags.server";
import { postAnswer, askQuestion, addComment } from "~/services/posting.server";
import { recount } from "~/services/recount.server";
import { decideReviewItem, reviewQueue } from "~/services/review.server";
import { castVote } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, reputationOf } from "../support/fixtures";

const t = useTestDatabase();

async function openItemFor(postId: number) {
  const [item] = await t.db.select().from(reviewItems).where(and(eq(reviewItems.postId, postId), eq(reviewItems.status, "open")));
  return item;
}

async function postRow(postId: number) {
  const [row] = await t.db.select().from(posts).where(eq(posts.id, postId));
  return row;
}

async function thread() {
  const asker = await makeUser(t.db);
  const author = await makeUser(t.db, { reputation: 300 });
  const question = await makeQuestion(t.db, asker.id);
  const answer = await makeAnswer(t.db, author.id, question.id, "Buy cheap watches at https://spam.example now.");
  return { asker, author, question, answer };
}

async function suspendedUser(reputation = 600) {
  const user = await makeUser(t.db, { reputation });
  await t.db
    .update(users)
    .set({ suspendedUntil: new Date(Date.now() + 86_400_000), suspensionReason: "Spamming links" })
    .where(eq(users.id, user.id));
  return user;
}

describe("flagging", () => {
  it("records a flag and puts the post in the review queue", async () => {
    const { answer } = await thread();
    const flagger = await makeUser(t.db, { reputation: PRIVILEGE_THRESHOLDS.flag });
    const result = await flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: "spam" });
    expect(result.hidden).toBe(false);
    expect((await openItemFor(answer.id))?.reason).toBe("flagged");
    expect((await postRow(answer.id)).deletedAt).toBeNull();
    const mine = await flagsByUser(t.db, flagger.id);
    expect(mine.map((row) => [row.kind, row.status])).toEqual([["spam", "open"]]);
  });

  it("allows one open flag per member per post, with a clear 409", async () => {
    const { answer } = await thread();
    const flagger = await makeUser(t.db, { reputation: 20 });
    await flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: "off_topic" });
    const second = flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: "spam" });
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toThrow(/already flagged/);
    expect(await t.db.select().from(flags).where(eq(flags.postId, answer.id))).toHaveLength(1);
  });

  it("needs a reason for 'other' and an existing question for 'duplicate'", async () => {
    const { question } = await thread();
    const flagger = await makeUser(t.db, { reputation: 20 });
    await expect(flagPost(t.db, { flaggerId: flagger.id, postId: question.id, kind: "other", reason: "  " })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(flagPost(t.db, { flaggerId: flagger.id, postId: question.id, kind: "duplicate", duplicateOfId: 999999 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(flagPost(t.db, { flaggerId: flagger.id, postId: question.id, kind: "duplicate", duplicateOfId: question.id })).rejects.toBeInstanceOf(InvalidInputError);
    const other = await makeQuestion(t.db, flagger.id);
    await flagPost(t.db, { flaggerId: flagger.id, postId: question.id, kind: "duplicate", duplicateOfId: other.id });
    expect(await t.db.select({ dup: flags.duplicateOfId }).from(flags).where(eq(flags.postId, question.id))).toEqual([{ dup: other.id }]);
  });

  it.each([
    { who: "a customer below the flag threshold", make: () => makeUser(t.db, { reputation: PRIVILEGE_THRESHOLDS.flag - 1 }) },
    { who: "a suspended member", make: () => suspendedUser() },
  ])("refuses $who with 403 and records nothing", async ({ make }) => {
    const { answer } = await thread();
    const user = await make();
    await expect(flagPost(t.db, { flaggerId: user.id, postId: answer.id, kind: "spam" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await t.db.select().from(flags).where(eq(flags.postId, answer.id))).toHaveLength(0);
  });

  it("refuses flagging your own post", async () => {
    const { answer, author } = await thread();
    await expect(flagPost(t.db, { flaggerId: author.id, postId: answer.id, kind: "spam" })).rejects.toThrow(/your own post/);
  });

  it("flags a comment, and three spam flags hide it", async () => {
    const { question } = await thread();
    const commenter = await makeUser(t.db, { reputation: 60 });
    const comment = await addComment(t.db, { authorId: commenter.id, postId: question.id, body: "Visit my shop for cheap licences!" });
    for (let i = 0; i < 3; i++) {
      const flagger = await makeUser(t.db, { reputation: 20 });
      await flagPost(t.db, { flaggerId: flagger.id, postId: question.id, commentId: comment.id, kind: "spam" });
    }
    const [item] = await t.db.select().from(reviewItems).where(and(eq(reviewItems.commentId, comment.id), eq(reviewItems.status, "open")));
    expect(item.reason).toBe("auto_hidden");
  });
});

describe("automatic protection", () => {
  it("three spam flags from distinct members hide the answer at once and reverse its reputation", async () => {
    const { question, answer, author } = await thread();
    const voter = await makeUser(t.db, { reputation: 20 });
    await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" });
    expect(await reputationOf(t.db, author.id)).toBe(310);
    for (let i = 0; i < 2; i++) {
      const flagger = await makeUser(t.db, { reputation: 20 });
      expect((await flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: i === 0 ? "spam" : "abusive" })).hidden).toBe(false);
    }
    const third = await makeUser(t.db, { reputation: 20 });
    expect((await flagPost(t.db, { flaggerId: third.id, postId: answer.id, kind: "spam" })).hidden).toBe(true);
    const row = await postRow(answer.id);
    expect(row.deletedAt).not.toBeNull();
    expect(row.deletionReason).toBe("hidden_by_flags");
    expect(row.deletedBy).toBeNull();
    expect((await postRow(question.id)).answerCount).toBe(0);
    expect(await reputationOf(t.db, author.id)).toBe(300);
    expect((await openItemFor(answer.id)).reason).toBe("auto_hidden");
    const log = await t.db.select().from(moderationLog).where(eq(moderationLog.postId, answer.id));
    expect(log.map((entry) => [entry.action, entry.actorId])).toEqual([["post_hidden", null]]);
    expect(await recount(t.db)).toEqual([]);
  });

  it("one staff spam flag hides a post", async () => {
    const { answer } = await thread();
    const staff = await makeUser(t.db, { role: "staff" });
    expect((await flagPost(t.db, { flaggerId: staff.id, postId: answer.id, kind: "spam" })).hidden).toBe(true);
  });
});

describe("the review queue", () => {
  it("confirming spam keeps the post hidden and costs the author 100; restoring gives it back", async () => {
    const { answer, author } = await thread();
    const staff = await makeUser(t.db, { role: "staff", name: "Sam Staff" });
    const flagger = await makeUser(t.db, { reputation: 20 });
    await flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: "spam", reason: "Sells watches" });
    const queue = await reviewQueue(t.db, staff, { pageSize: 1000 });
    const item = queue.items.find((entry) => entry.post.id === answer.id)!;
    expect(item.flags.map((flag) => [flag.kind, flag.reason, flag.flagger.id])).toEqual([["spam", "Sells watches", flagger.id]]);
    expect(item.decisions).toContain("confirm_spam");
    expect(item.author.id).toBe(author.id);

    await decideReviewItem(t.db, { reviewerId: staff.id, itemId: item.id, decision: "confirm_spam", note: "Watch spam" });
    const row = await postRow(answer.id);
    expect(row.deletionReason).toBe("spam");
    expect(row.deletedBy).toBe(staff.id);
    expect(await reputationOf(t.db, author.id)).toBe(200);
    const [resolved] = await t.db.select().from(flags).where(eq(flags.postId, answer.id));
    expect([resolved.status, resolved.resolvedBy]).toEqual(["helpful", staff.id]);
    expect((await flagsByUser(t.db, flagger.id))[0].status).toBe("helpful");
    // A helpful flag earns the flagger their badge, in the same decision.
    const earned = await t.db.select({ badge: userBadges.badge }).from(userBadges).where(eq(userBadges.userId, flagger.id));
    expect(earned.map((row) => row.badge)).toEqual(["first-helpful-flag"]);
    const log = await t.db.select().from(moderationLog).where(and(eq(moderationLog.postId, answer.id), eq(moderationLog.actorId, staff.id)));
    expect(log.map((entry) => [entry.action, entry.reason])).toEqual([["spam_confirmed", "Watch spam"]]);
    expect(await recount(t.db)).toEqual([]);

    await restorePost(t.db, { actorId: staff.id, postId: answer.id });
    expect(await reputationOf(t.db, author.id)).toBe(300);
    expect((await postRow(answer.id)).deletedAt).toBeNull();
    expect(await recount(t.db)).toEqual([]);
  });

  it("the spam penalty stops at the reputation floor of 1, and its reversal gives back only what was taken", async () => {
    const asker = await makeUser(t.db);
    const spammer = await makeUser(t.db, { reputation: 30 });
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, spammer.id, question.id);
    const staff = await makeUser(t.db, { role: "staff" });
    await flagPost(t.db, { flaggerId: staff.id, postId: answer.id, kind: "spam" });
    const item = await openItemFor(answer.id);
    await decideReviewItem(t.db, { reviewerId: staff.id, itemId: item.id, decision: "confirm_spam" });
    expect(await reputationOf(t.db, spammer.id)).toBe(1);
    await restorePost(t.db, { actorId: staff.id, postId: answer.id });
    expect(await reputationOf(t.db, spammer.id)).toBe(30);
    expect(await recount(t.db)).toEqual([]);
  });

  it("dismissing declines the flags and leaves the post; a second decision gets 'Already decided by NAME'", async () => {
    const { answer } = await thread();
    const reviewer = await makeUser(t.db, { reputation: PRIVILEGE_THRESHOLDS.review, name: "Rita Reviewer" });
    const flagger = await makeUser(t.db, { reputation: 20 });
    await flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: "off_topic" });
    const item = await openItemFor(answer.id);
    await decideReviewItem(t.db, { reviewerId: reviewer.id, itemId: item.id, decision: "dismiss" });
    expect((await postRow(answer.id)).deletedAt).toBeNull();
    expect((await flagsByUser(t.db, flagger.id))[0].status).toBe("declined");
    const again = decideReviewItem(t.db, { reviewerId: reviewer.id, itemId: item.id, decision: "dismiss" });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow("Already decided by Rita Reviewer");
  });

  it.each([
    { who: "a customer below the review threshold", make: () => makeUser(t.db, { reputation: PRIVILEGE_THRESHOLDS.review - 1 }), decision: "dismiss" as const },
    { who: "a review-privileged customer deleting", make: () => makeUser(t.db, { reputation: 5000 }), decision: "delete" as const },
    { who: "a suspended member", make: () => suspendedUser(5000), decision: "dismiss" as const },
  ])("refuses $who with 403 and changes nothing", async ({ make, decision }) => {
    const { answer } = await thread();
    const flagger = await makeUser(t.db, { reputation: 20 });
    await flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: "spam" });
    const item = await openItemFor(answer.id);
    const user = await make();
    await expect(decideReviewItem(t.db, { reviewerId: user.id, itemId: item.id, decision, note: "because" })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await openItemFor(answer.id))?.id).toBe(item.id);
    expect((await postRow(answer.id)).deletedAt).toBeNull();
    expect((await t.db.select().from(flags).where(eq(flags.postId, answer.id)))[0].status).toBe("open");
  });

  it("review-privileged members see live items only: hidden posts are for staff", async () => {
    const { answer } = await thread();
    const staff = await makeUser(t.db, { role: "staff" });
    await flagPost(t.db, { flaggerId: staff.id, postId: answer.id, kind: "spam" });
    const reviewer = await makeUser(t.db, { reputation: PRIVILEGE_THRESHOLDS.review });
    const theirs = await reviewQueue(t.db, reviewer, { pageSize: 1000 });
    expect(theirs.items.some((item) => item.post.id === answer.id)).toBe(false);
    const staffs = await reviewQueue(t.db, staff, { pageSize: 1000 });
    expect(staffs.items.find((item) => item.post.id === answer.id)?.state).toBe("hidden");
  });

  it("the queue itself is refused to customers below the threshold", async () => {
    const low = await makeUser(t.db, { reputation: 10 });
    await expect(reviewQueue(t.db, low)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("delete and hide need a reason", async () => {
    const { answer } = await thread();
    const staff = await makeUser(t.db, { role: "staff" });
    const flagger = await makeUser(t.db, { reputation: 20 });
    await flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: "needs_staff" });
    const item = await openItemFor(answer.id);
    await expect(decideReviewItem(t.db, { reviewerId: staff.id, itemId: item.id, decision: "delete", note: "" })).rejects.toBeInstanceOf(InvalidInputError);
    await decideReviewItem(t.db, { reviewerId: staff.id, itemId: item.id, decision: "delete", note: "Shares a customer's invoice" });
    const row = await postRow(answer.id);
    expect([row.deletionReason, row.deletedBy]).toEqual(["staff", staff.id]);
  });

  it("pages oldest first with a keyset cursor", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const all = await reviewQueue(t.db, staff, { pageSize: 1000 });
    const first = await reviewQueue(t.db, staff, { pageSize: 2 });
    const second = await reviewQueue(t.db, staff, { pageSize: 2, after: first.next });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.items.slice(0, 4).map((item) => item.id));
    const times = all.items.map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe("new members' posts", () => {
  it("a customer's first post is queued and stays visible", async () => {
    const newbie = await makeUser(t.db);
    const question = await makeQuestion(t.db, newbie.id);
    expect(question.held).toBe(false);
    expect((await openItemFor(question.id)).reason).toBe("first_post");
    expect((await postRow(question.id)).deletedAt).toBeNull();
    const second = await makeQuestion(t.db, newbie.id);
    expect(await openItemFor(second.id)).toBeUndefined();
  });

  it("an answer with many links from a brand-new account is held, not counted, and approved from the queue", async () => {
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const newbie = await makeUser(t.db, { createdAt: new Date(Date.now() - 3600_000) });
    const answer = await postAnswer(t.db, { authorId: newbie.id, questionId: question.id, body: "See https://a.example, https://b.example and https://c.example" });
    expect(answer.held).toBe(true);
    const row = await postRow(answer.id);
    expect([row.deletionReason, row.bodyMarkdown.includes("https://c.example")]).toEqual(["held_for_review", true]);
    expect((await postRow(question.id)).answerCount).toBe(0);
    const item = await openItemFor(answer.id);
    expect(item.reason).toBe("new_user_links");
    const staff = await makeUser(t.db, { role: "staff" });
    await decideReviewItem(t.db, { reviewerId: staff.id, itemId: item.id, decision: "approve" });
    expect((await postRow(answer.id)).deletedAt).toBeNull();
    expect((await postRow(question.id)).answerCount).toBe(1);
    expect(await recount(t.db)).toEqual([]);
  });

  it("a question with many links from a brand-new account is held too", async () => {
    const newbie = await makeUser(t.db, { createdAt: new Date(Date.now() - 3600_000) });
    const question = await askQuestion(t.db, {
      authorId: newbie.id,
      title: "Where can I download the desktop app?",
      body: "I tried https://a.example and https://b.example and https://c.example",
      tags: ["desktop"],
    });
    expect(question.held).toBe(true);
    expect((await postRow(question.id)).deletionReason).toBe("held_for_review");
  });
});
