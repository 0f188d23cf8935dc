// Soft delete and restore. Nothing is erased: the post, its revisions and its votes stay, the
// reputation it earned (votes, accept, promotion) is reversed in the ledger, and staff can bring
// it all back. Deleting a question takes its answers out of reach with it.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { kbArticles, posts, votes } from "../../db/schema";
import { can } from "~/domain/privileges";
import type { DeletionReason } from "~/domain/moderation";
import { acceptEvents, voteEvents, type ReputationChange, type VoteValue } from "~/domain/reputation";
import { requireActor, requireAllowed } from "./actors.server";
import { logModeration } from "./moderation-log.server";
import { lockPost } from "./posts.server";
import { liveEvents, lockUsers, recordReputation, reverseReputation, type LockedUser } from "./reputation.server";

const EARNED_ON_A_POST: ReputationChange["reason"][] = [
  "post_upvoted",
  "post_downvoted",
  "answer_downvote_cast",
  "answer_accepted",
  "accepted_an_answer",
  "answer_promoted",
];

/** The posts whose reputation goes and comes with this one: a question carries its answers. */
async function affectedPosts(tx: Database, post: { id: number; type: string }) {
  if (post.type === "answer") return [post.id];
  const answers = await tx.select({ id: posts.id }).from(posts).where(and(eq(posts.questionId, post.id), isNull(posts.deletedAt)));
  return [post.id, ...answers.map((answer) => answer.id)];
}

async function usersInvolved(tx: Database, postIds: number[]) {
  const rows = await tx.execute(sql`
    select distinct user_id as id from reputation_events where post_id in (${sql.join(postIds, sql`, `)})
    union select author_id from posts where id in (${sql.join(postIds, sql`, `)})
    union select voter_id from votes where post_id in (${sql.join(postIds, sql`, `)})`);
  return rowsOf<{ id: number }>(rows).map((row) => Number(row.id));
}

export async function deletePost(db: Database, input: { actorId: number; postId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const actor = await requireActor(tx, input.actorId);
    // Question before answer, the order accepting uses, so the two cannot deadlock.
    const [ref] = await tx.select({ questionId: posts.questionId }).from(posts).where(eq(posts.id, input.postId));
    const question = ref?.questionId ? (await lockPost(tx, ref.questionId)).post : null;
    const { post, facts } = await lockPost(tx, input.postId);
    const accepted = question?.acceptedAnswerId === post.id;
    requireAllowed(can(actor, { type: "delete", post: { ...facts, accepted, answerCount: post.answerCount } }));
    await takeDownPost(tx, post, { by: actor.id, reason: post.authorId === actor.id ? "author" : "staff" }, now);
    return { questionId: post.questionId ?? post.id, type: post.type };
  });
}

/**
 * Takes a live post out of sight inside the caller's transaction (rows locked by the caller,
 * question before answer): the reputation it earned is reversed and it is marked deleted, by whom
 * (null: the system, flags) and why. Deleting, hiding by flags and holding for review share it.
 */
export async function takeDownPost(
  tx: Database,
  post: { id: number; type: string; questionId: number | null },
  by: { by: number | null; reason: DeletionReason },
  now: Date,
) {
  const affected = await affectedPosts(tx, post);
  const locked = await lockUsers(tx, await usersInvolved(tx, affected), now);
  for (const postId of affected) await reverseReputation(tx, { postId, reasons: EARNED_ON_A_POST }, locked, now);
  await tx.update(posts).set({ deletedAt: now, deletedBy: by.by, deletionReason: by.reason }).where(eq(posts.id, post.id));
  if (post.type === "answer") {
    await tx
      .update(posts)
      .set({
        answerCount: sql`${posts.answerCount} - 1`,
        acceptedAnswerId: sql`case when ${posts.acceptedAnswerId} = ${post.id} then null else ${posts.acceptedAnswerId} end`,
      })
      .where(eq(posts.id, post.questionId!));
  }
}

/** Staff bring a post back; the reputation its votes, accept and promotion earned is recorded again. */
export async function restorePost(db: Database, input: { actorId: number; postId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const actor = await requireActor(tx, input.actorId);
    const { post, facts } = await lockPost(tx, input.postId);
    requireAllowed(can(actor, { type: "restore", post: facts }));
    await bringBackPost(tx, post, actor.id, now);
    return { questionId: post.questionId ?? post.id };
  });
}

/**
 * Brings a deleted (or hidden, or held) post back inside the caller's transaction: what its votes,
 * accept and promotion earned is recorded again, and a spam penalty on it is reversed (logged).
 */
export async function bringBackPost(tx: Database, post: { id: number; type: string; questionId: number | null; authorId: number }, restorerId: number, now: Date) {
  await tx.update(posts).set({ deletedAt: null, deletedBy: null, deletionReason: null }).where(eq(posts.id, post.id));
  if (post.type === "answer") {
    await tx.update(posts).set({ answerCount: sql`${posts.answerCount} + 1` }).where(eq(posts.id, post.questionId!));
  }
  const affected = await affectedPosts(tx, post);
  const locked = await lockUsers(tx, await usersInvolved(tx, affected), now);
  await replayEarnedReputation(tx, affected, locked, restorerId, now);
  if ((await liveEvents(tx, { postId: post.id, reasons: ["post_removed_as_spam"] })).length > 0) {
    await reverseReputation(tx, { postId: post.id, reasons: ["post_removed_as_spam"] }, locked, now);
    await logModeration(tx, { actorId: restorerId, action: "spam_undone", targetUserId: post.authorId, postId: post.id }, now);
  }
}

/**
 * Records again what the restored posts' live votes, accept and knowledge-base article earn, but
 * only what is not already live in the ledger: one live event per vote, accept and promotion,
 * however the posts came to be deleted and restored.
 */
async function replayEarnedReputation(tx: Database, postIds: number[], locked: Map<number, LockedUser>, restorerId: number, now: Date) {
  const postRows = await tx.select().from(posts).where(inArray(posts.id, postIds));
  const voteRows = await tx.select().from(votes).where(inArray(votes.postId, postIds));
  const articleRows = await tx
    .select({ answerId: kbArticles.sourceAnswerId, promotedById: kbArticles.createdById })
    .from(kbArticles)
    .where(and(inArray(kbArticles.sourceAnswerId, postIds), isNull(kbArticles.deletedAt)));
  const byId = new Map(postRows.map((row) => [row.id, row]));

  const owed: { change: ReputationChange; postId: number; actorId: number | null; matchActor: boolean }[] = [];
  for (const vote of voteRows) {
    const target = byId.get(vote.postId)!;
    for (const change of voteEvents({ value: vote.value as VoteValue, postType: target.type, authorId: target.authorId, voterId: vote.voterId })) {
      owed.push({ change, postId: target.id, actorId: vote.voterId, matchActor: true });
    }
  }
  const question = postRows.find((row) => row.type === "question");
  const acceptedAnswer = question?.acceptedAnswerId ? byId.get(question.acceptedAnswerId) : undefined;
  if (question && acceptedAnswer) {
    for (const change of acceptEvents({ answerAuthorId: acceptedAnswer.authorId, askerId: question.authorId })) {
      owed.push({ change, postId: acceptedAnswer.id, actorId: restorerId, matchActor: false });
    }
  }
  for (const article of articleRows) {
    const answer = byId.get(article.answerId!)!;
    owed.push({ change: { userId: answer.authorId, reason: "answer_promoted" }, postId: answer.id, actorId: article.promotedById, matchActor: false });
  }

  for (const item of owed) {
    const live = await liveEvents(tx, { postId: item.postId, reasons: [item.change.reason], ...(item.matchActor ? { actorId: item.actorId! } : {}) });
    if (live.some((event) => event.userId === item.change.userId)) continue;
    await recordReputation(tx, { ...item.change, postId: item.postId, actorId: item.actorId }, locked, now);
  }
}
