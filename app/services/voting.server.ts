// Votes and accepts: the counters (score, accepted answer, reputation) change in the same
// transaction as the rows they count, under row locks, so concurrent clicks give exact totals.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posts, votes } from "../../db/schema";
import { can } from "~/domain/privileges";
import { acceptEvents, voteEvents, type VoteValue } from "~/domain/reputation";
import { actorFrom, findActor, requireAllowed } from "./actors.server";
import { awardBadges } from "./badges.server";
import { ForbiddenError, NotFoundError } from "./errors";
import { lockPost } from "./posts.server";
import { notify } from "./notifications.server";
import { noticeFor } from "~/domain/notifications";
import { answerPath } from "~/lib/paths";
import { lockUsers, recordReputation, reverseReputation } from "./reputation.server";

export type VoteDirection = "up" | "down";

/**
 * Clicking a vote button toggles it, as on Stack Overflow: a second click on the same arrow
 * undoes the vote, a click on the other arrow changes it.
 */
export async function castVote(
  db: Database,
  input: { voterId: number; postId: number; direction: VoteDirection },
  now = new Date(),
): Promise<{ score: number; vote: VoteValue | 0 }> {
  return db.transaction(async (tx) => {
    const { post, facts } = await lockPost(tx, input.postId);
    // Withdrawing a vote is refused on a deleted post too: its votes are frozen until restored.
    if (facts.deleted || facts.questionDeleted) throw new NotFoundError("That post");
    // The voter is read with the lock on both members, not once more before it.
    const locked = await lockUsers(tx, [post.authorId, input.voterId], now);
    const voterRow = locked.get(input.voterId);
    if (!voterRow) throw new ForbiddenError("Log in to vote.");
    const voter = actorFrom(voterRow, now);

    const [existing] = await tx
      .select({ value: votes.value })
      .from(votes)
      .where(and(eq(votes.postId, post.id), eq(votes.voterId, voter.id)));
    const requested: VoteValue = input.direction === "up" ? 1 : -1;
    const next: VoteValue | 0 = existing?.value === requested ? 0 : requested;

    // Withdrawing is a write too: a suspended member may not, so it is checked like casting.
    if (next !== 0 || voter.suspension) requireAllowed(can(voter, { type: input.direction === "up" ? "upvote" : "downvote", post: facts }));

    let score = post.score;
    if (existing) {
      await tx.delete(votes).where(and(eq(votes.postId, post.id), eq(votes.voterId, voter.id)));
      await reverseReputation(
        tx,
        { postId: post.id, actorId: voter.id, reasons: ["post_upvoted", "post_downvoted", "answer_downvote_cast"] },
        locked,
        now,
      );
      score -= existing.value;
    }
    if (next !== 0) {
      await tx.insert(votes).values({ postId: post.id, voterId: voter.id, value: next, createdAt: now });
      for (const change of voteEvents({ value: next, postType: post.type, authorId: post.authorId, voterId: voter.id })) {
        await recordReputation(tx, { ...change, postId: post.id, actorId: voter.id }, locked, now);
      }
      score += next;
    }
    await tx.update(posts).set({ score }).where(eq(posts.id, post.id));
    if (next === 1 && post.type === "answer") await awardBadges(tx, post.authorId, "answer_voted", { postId: post.id, now, eventStats: { bestAnswerScore: score } });
    return { score, vote: next };
  });
}

/**
 * Accepts an answer, or with `undo` withdraws the accept. One accepted answer per question:
 * the question row is locked, so twenty parallel accepts leave exactly one.
 */
export async function acceptAnswer(
  db: Database,
  input: { actorId: number; answerId: number; undo?: boolean },
  now = new Date(),
): Promise<{ questionId: number; acceptedAnswerId: number | null }> {
  return db.transaction(async (tx) => {
    const [answerRef] = await tx
      .select({ questionId: posts.questionId, type: posts.type })
      .from(posts)
      .where(eq(posts.id, input.answerId));
    if (!answerRef || answerRef.type !== "answer" || answerRef.questionId === null) throw new NotFoundError("That answer");
    const { post: question } = await lockPost(tx, answerRef.questionId);
    const { post: answer, facts } = await lockPost(tx, input.answerId);
    const actor = await findActor(tx, input.actorId);
    requireAllowed(can(actor, { type: "accept", answer: facts }), "That answer");

    const current = question.acceptedAnswerId;
    const target = input.undo ? (current === answer.id ? null : current) : answer.id;
    if (target === current) return { questionId: question.id, acceptedAnswerId: current };

    let previousAuthorId: number | null = null;
    if (current !== null) {
      const [previous] = await tx.select({ authorId: posts.authorId }).from(posts).where(eq(posts.id, current));
      previousAuthorId = previous?.authorId ?? null;
    }
    const involved = [question.authorId, answer.authorId, ...(previousAuthorId === null ? [] : [previousAuthorId])];
    const locked = await lockUsers(tx, involved, now);
    if (current !== null) {
      await reverseReputation(tx, { postId: current, reasons: ["answer_accepted", "accepted_an_answer"] }, locked, now);
    }
    if (target !== null) {
      for (const change of acceptEvents({ answerAuthorId: answer.authorId, askerId: question.authorId })) {
        await recordReputation(tx, { ...change, postId: answer.id, actorId: actor!.id }, locked, now);
      }
    }
    await tx.update(posts).set({ acceptedAnswerId: target, lastActivityAt: now }).where(eq(posts.id, question.id));
    if (target !== null) {
      await awardBadges(tx, answer.authorId, "answer_accepted", { postId: answer.id, now });
      const link = answerPath({ id: question.id, title: question.title }, answer.id);
      await notify(tx, actor!.id, [noticeFor.accepted({ answerAuthorId: answer.authorId, questionTitle: question.title ?? "", answerId: answer.id, link })], now);
    }
    return { questionId: question.id, acceptedAnswerId: target };
  });
}
