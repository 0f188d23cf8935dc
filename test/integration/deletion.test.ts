import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { postRevisions, posts } from "../../db/schema";
import { deletePost, restorePost } from "~/services/deletion.server";
import { ForbiddenError } from "~/services/errors";
import { readThread, listQuestions } from "~/services/question-queries.server";
import { recount } from "~/services/recount.server";
import { acceptAnswer, castVote } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, reputationOf } from "../support/fixtures";

const t = useTestDatabase();

describe("soft delete and restore", () => {
  it("an author deletes their own answer: it disappears, its reputation is reversed, the count drops; staff restore it all", async () => {
    const asker = await makeUser(t.db);
    const author = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const voter = await makeUser(t.db, { reputation: 20 });
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, author.id, question.id);
    await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" });
    expect(await reputationOf(t.db, author.id)).toBe(11);

    await deletePost(t.db, { actorId: author.id, postId: answer.id });
    expect(await reputationOf(t.db, author.id)).toBe(1);
    const page = await readThread(t.db, question.id, null);
    expect(page.answers).toEqual([]);
    expect(page.question.answerCount).toBe(0);
    // Nothing written is lost: the row and its revisions are still there for staff.
    expect(await t.db.select().from(postRevisions).where(eq(postRevisions.postId, answer.id))).toHaveLength(1);
    const staffView = await readThread(t.db, question.id, staff.id, { includeDeleted: true });
    expect(staffView.answers.map((item) => item.id)).toEqual([answer.id]);
    expect(await recount(t.db)).toEqual([]);

    await restorePost(t.db, { actorId: staff.id, postId: answer.id });
    expect(await reputationOf(t.db, author.id)).toBe(11);
    expect((await readThread(t.db, question.id, null)).question.answerCount).toBe(1);
    expect(await recount(t.db)).toEqual([]);
  });

  it("authors cannot delete an accepted answer or a question with answers; others cannot delete at all", async () => {
    const asker = await makeUser(t.db);
    const author = await makeUser(t.db);
    const stranger = await makeUser(t.db, { reputation: 50_000 });
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, author.id, question.id);
    await expect(deletePost(t.db, { actorId: asker.id, postId: question.id })).rejects.toThrow(/can't be deleted/);
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    await expect(deletePost(t.db, { actorId: author.id, postId: answer.id })).rejects.toThrow(/can't be deleted/);
    await expect(deletePost(t.db, { actorId: stranger.id, postId: answer.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(restorePost(t.db, { actorId: author.id, postId: answer.id })).rejects.toBeInstanceOf(ForbiddenError);
    const [row] = await t.db.select({ deletedAt: posts.deletedAt }).from(posts).where(eq(posts.id, answer.id));
    expect(row.deletedAt).toBeNull();
  });

  it("staff deleting a question hides it and reverses what it and its answers earned, accepts included", async () => {
    const asker = await makeUser(t.db);
    const author = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const voter = await makeUser(t.db, { reputation: 20 });
    const question = await makeQuestion(t.db, asker.id, "A question staff will delete as off-topic");
    const answer = await makeAnswer(t.db, author.id, question.id);
    await castVote(t.db, { voterId: voter.id, postId: question.id, direction: "up" });
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    expect([await reputationOf(t.db, asker.id), await reputationOf(t.db, author.id)]).toEqual([13, 16]);

    await deletePost(t.db, { actorId: staff.id, postId: question.id });
    expect([await reputationOf(t.db, asker.id), await reputationOf(t.db, author.id)]).toEqual([1, 1]);
    await expect(readThread(t.db, question.id, null)).rejects.toMatchObject({ status: 404 });
    const list = await listQuestions(t.db, { sort: "newest", limit: 500 });
    expect(list.questions.map((item) => item.id)).not.toContain(question.id);
    expect(await recount(t.db)).toEqual([]);

    await restorePost(t.db, { actorId: staff.id, postId: question.id });
    expect([await reputationOf(t.db, asker.id), await reputationOf(t.db, author.id)]).toEqual([13, 16]);
    expect(await recount(t.db)).toEqual([]);
  });
});
