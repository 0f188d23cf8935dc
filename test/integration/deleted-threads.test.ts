// A deleted question takes its answers out of reach, and deleting then restoring anything gives
// back exactly what it earned: one live ledger event per vote, accept and promotion.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reputationEvents } from "../../db/schema";
import { deletePost, restorePost } from "~/services/deletion.server";
import { promoteAnswer } from "~/services/knowledge-base.server";
import { addComment, editPost } from "~/services/posting.server";
import { getRevisionHistory } from "~/services/question-queries.server";
import { recount } from "~/services/recount.server";
import { acceptAnswer, castVote } from "~/services/voting.server";
import { loader as historyLoader } from "~/routes/posts.$id.history";
import { action as questionAction } from "~/routes/questions.$id.($slug)";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, reputationOf, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();

async function threadWithUpvotedAnswer() {
  const asker = await makeUser(t.db);
  const author = await makeUser(t.db);
  const staff = await makeUser(t.db, { role: "staff" });
  const voter = await makeUser(t.db, { reputation: 200 });
  const question = await makeQuestion(t.db, asker.id);
  const answer = await makeAnswer(t.db, author.id, question.id);
  await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" });
  return { asker, author, staff, voter, question, answer };
}

describe("answers to a deleted question", () => {
  it("can no longer be voted on, accepted, commented on, edited or read, by services or through the page", async () => {
    const { asker, author, staff, question, answer } = await threadWithUpvotedAnswer();
    const other = await makeUser(t.db, { reputation: 5000 });
    await deletePost(t.db, { actorId: staff.id, postId: question.id });

    await expect(castVote(t.db, { voterId: other.id, postId: answer.id, direction: "up" })).rejects.toMatchObject({ status: 404 });
    await expect(acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id })).rejects.toMatchObject({ status: 404 });
    await expect(addComment(t.db, { authorId: asker.id, postId: answer.id, body: "Is this still right?" })).rejects.toMatchObject({ status: 404 });
    await expect(editPost(t.db, { editorId: author.id, postId: answer.id, body: "A quiet change nobody can see." })).rejects.toMatchObject({ status: 404 });
    await expect(getRevisionHistory(t.db, answer.id)).rejects.toMatchObject({ status: 404 });

    const history = await callRoute(() => historyLoader({ request: getRequest(`/posts/${answer.id}/history`), params: { id: String(answer.id) }, context: contextFor(t.db) } as never));
    expect(history.status).toBe(404);
    const cookie = await sessionCookieFor(t.db, other.id);
    const vote = await callRoute(() =>
      questionAction({
        request: formRequest(`/questions/${question.id}`, { intent: "vote", postId: String(answer.id), direction: "up" }, cookie),
        params: { id: String(question.id) },
        context: contextFor(t.db),
      } as never),
    );
    expect(vote.status).toBe(404);
    expect(await reputationOf(t.db, author.id)).toBe(1);
  });

  it("restoring the question gives back one vote's reputation once, not twice", async () => {
    const { author, staff, voter, question, answer } = await threadWithUpvotedAnswer();
    const other = await makeUser(t.db, { reputation: 5000 });
    expect(await reputationOf(t.db, author.id)).toBe(11);

    await deletePost(t.db, { actorId: staff.id, postId: question.id });
    expect(await reputationOf(t.db, author.id)).toBe(1);
    // The voter withdrawing, or another member voting, while the thread is deleted is refused.
    await expect(castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" })).rejects.toMatchObject({ status: 404 });
    await expect(castVote(t.db, { voterId: other.id, postId: answer.id, direction: "up" })).rejects.toMatchObject({ status: 404 });

    await restorePost(t.db, { actorId: staff.id, postId: question.id });
    expect(await reputationOf(t.db, author.id)).toBe(11);
    const live = await t.db.select().from(reputationEvents).where(eq(reputationEvents.userId, author.id));
    expect(live.filter((event) => event.reason === "post_upvoted")).toHaveLength(2); // the original and its replay
    expect(await recount(t.db)).toEqual([]);
  });

  it("an answer cannot be restored on its own while its question is deleted", async () => {
    const { author, staff, question, answer } = await threadWithUpvotedAnswer();
    await deletePost(t.db, { actorId: author.id, postId: answer.id });
    await deletePost(t.db, { actorId: staff.id, postId: question.id });
    await expect(restorePost(t.db, { actorId: staff.id, postId: answer.id })).rejects.toThrow(/Restore the question first/);
    await restorePost(t.db, { actorId: staff.id, postId: question.id });
    expect(await reputationOf(t.db, author.id)).toBe(1);
    await restorePost(t.db, { actorId: staff.id, postId: answer.id });
    expect(await reputationOf(t.db, author.id)).toBe(11);
    expect(await recount(t.db)).toEqual([]);
  });
});

describe("a promoted answer deleted and restored", () => {
  it("gets its +25 back when the answer is restored, and when its question is", async () => {
    const asker = await makeUser(t.db);
    const author = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, author.id, question.id);
    await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    expect(await reputationOf(t.db, author.id)).toBe(26);

    await deletePost(t.db, { actorId: staff.id, postId: answer.id });
    expect(await reputationOf(t.db, author.id)).toBe(1);
    await restorePost(t.db, { actorId: staff.id, postId: answer.id });
    expect(await reputationOf(t.db, author.id)).toBe(26);

    await deletePost(t.db, { actorId: staff.id, postId: question.id });
    expect(await reputationOf(t.db, author.id)).toBe(1);
    await restorePost(t.db, { actorId: staff.id, postId: question.id });
    expect(await reputationOf(t.db, author.id)).toBe(26);
    expect(await recount(t.db)).toEqual([]);
  });
});

describe("recount checks the ledger against what earns reputation", () => {
  it("reports a live vote event with no vote behind it, and a vote whose event is missing", async () => {
    const { author, voter, answer } = await threadWithUpvotedAnswer();
    expect(await recount(t.db)).toEqual([]);
    // A second live upvote event for the same vote: the double count recount used to miss.
    await t.db.insert(reputationEvents).values({ userId: author.id, reason: "post_upvoted", delta: 10, postId: answer.id, actorId: voter.id, countsTowardDailyCap: true });
    const drift = await recount(t.db);
    expect(drift).toContainEqual(expect.objectContaining({ what: "ledger", id: answer.id, cached: 2, actual: 1, detail: `post_upvoted for user ${author.id} by ${voter.id}` }));

    await t.db.delete(reputationEvents).where(eq(reputationEvents.postId, answer.id));
    const missing = await recount(t.db);
    expect(missing).toContainEqual(expect.objectContaining({ what: "ledger", id: answer.id, cached: 0, actual: 1 }));
  });
});
