// Closing, reopening and marking duplicates; locking threads. One transaction per use case; the
// question's row is locked first, so votes cast at the same instant are counted one after the
// other and the question closes exactly once. Every change lands in the staff action log.
import { and, desc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Database } from "../../db/client";
import { closeVotes, moderationLog, posts, users } from "../../db/schema";
import { closeVoteExpiresAt, isCloseReason, tallyCloseVotes } from "~/domain/closing";
import { QUESTION_PICK_MESSAGES } from "~/forms/question-pick";
import { CLOSE_REASON_LABELS, MODERATION_SETTINGS, type CloseReason, type CloseVoteKind } from "~/domain/moderation";
import { can, controlNote, explainRefusal, isStaff, type Actor, type PostFacts } from "~/domain/privileges";
import { findActor, requireAllowed } from "./actors.server";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { logModeration } from "./moderation-log.server";
import { lockPost } from "./posts.server";

export interface CloseVoteInput {
  actorId: number;
  questionId: number;
  kind: CloseVoteKind;
  /** Closing only: why (CLOSE_REASONS). */
  reason?: string | null;
  /** Closing as a duplicate: the original question's id (the form's picker resolves what was typed). */
  duplicateOfId?: number | null;
}

export type CloseVoteOutcome =
  | { outcome: "voted"; count: number; needed: number }
  | { outcome: "closed"; reason: CloseReason; duplicateOfId: number | null }
  | { outcome: "reopened" };

/** A vote to close or reopen; staff close or reopen at once, alone. */
export async function castCloseVote(db: Database, input: CloseVoteInput, now = new Date()): Promise<CloseVoteOutcome> {
  return db.transaction(async (tx) => {
    const { post, facts } = await lockPost(tx, input.questionId);
    const actor = await findActor(tx, input.actorId, now);
    requireAllowed(can(actor, { type: "voteToClose", question: facts }), "That question");
    const voter = actor!;
    if (input.kind === "close" && post.closedAt) throw new ConflictError("This question is already closed.");
    if (input.kind === "reopen" && !post.closedAt) throw new ConflictError("This question is open; there is nothing to reopen.");

    let reason: CloseReason | null = null;
    let duplicateOfId: number | null = null;
    if (input.kind === "close") {
      if (!isCloseReason(input.reason)) throw new InvalidInputError({ reason: "Choose why this question should be closed." });
      reason = input.reason;
      if (reason === "duplicate") duplicateOfId = await resolveOriginal(tx, input.duplicateOfId ?? null, post.id);
    }

    if (isStaff(voter)) {
      await markVotes(tx, post.id, input.kind, "applied");
      if (input.kind === "close") {
        await applyClose(tx, post, { reason: reason!, duplicateOfId, actorId: voter.id, voterIds: [voter.id] }, now);
        return { outcome: "closed", reason: reason!, duplicateOfId };
      }
      await applyReopen(tx, post, { actorId: voter.id, voterIds: [voter.id] }, now);
      return { outcome: "reopened" };
    }

    // Votes past their lifetime stop counting: mark them expired before counting.
    await tx
      .update(closeVotes)
      .set({ status: "expired" })
      .where(
        and(
          eq(closeVotes.questionId, post.id),
          eq(closeVotes.status, "open"),
          lte(closeVotes.createdAt, new Date(now.getTime() - MODERATION_SETTINGS.closeVoteLifetimeDays * 24 * 60 * 60 * 1000)),
        ),
      );
    const [mine] = await tx
      .select({ id: closeVotes.id })
      .from(closeVotes)
      .where(and(eq(closeVotes.questionId, post.id), eq(closeVotes.voterId, voter.id), eq(closeVotes.kind, input.kind), eq(closeVotes.status, "open")));
    if (mine) throw new ConflictError(input.kind === "close" ? "You have already voted to close this question." : "You have already voted to reopen this question.");
    await tx.insert(closeVotes).values({ questionId: post.id, voterId: voter.id, kind: input.kind, reason, duplicateOfId, status: "open", createdAt: now });

    const open = await tx
      .select({
        voterId: closeVotes.voterId,
        kind: closeVotes.kind,
        status: closeVotes.status,
        reason: closeVotes.reason,
        duplicateOfId: closeVotes.duplicateOfId,
        createdAt: closeVotes.createdAt,
      })
      .from(closeVotes)
      .where(and(eq(closeVotes.questionId, post.id), eq(closeVotes.kind, input.kind), eq(closeVotes.status, "open")));
    const tally = tallyCloseVotes(open, input.kind, now);
    if (!tally.apply) return { outcome: "voted", count: tally.count, needed: tally.needed };
    const voterIds = open.map((vote) => vote.voterId);
    await markVotes(tx, post.id, input.kind, "applied");
    if (input.kind === "close") {
      await applyClose(tx, post, { reason: tally.reason!, duplicateOfId: tally.duplicateOfId, actorId: null, voterIds }, now);
      return { outcome: "closed", reason: tally.reason!, duplicateOfId: tally.duplicateOfId };
    }
    await applyReopen(tx, post, { actorId: null, voterIds }, now);
    return { outcome: "reopened" };
  });
}

/** The original a duplicate names: it must exist, be a live question, and not be the duplicate itself. */
async function resolveOriginal(tx: Database, id: number | null, duplicateId: number): Promise<number> {
  if (id === null) throw new InvalidInputError({ duplicateOf: QUESTION_PICK_MESSAGES.none });
  if (id === duplicateId) throw new InvalidInputError({ duplicateOf: "A question can't be a duplicate of itself. Enter the original question." });
  const [original] = await tx
    .select({ id: posts.id, type: posts.type, deletedAt: posts.deletedAt, duplicateOfId: posts.duplicateOfId })
    .from(posts)
    .where(eq(posts.id, id));
  if (!original || original.type !== "question" || original.deletedAt) throw new InvalidInputError({ duplicateOf: `There is no question #${id}. Enter the original question's number or link.` });
  if (original.duplicateOfId !== null && original.duplicateOfId !== duplicateId) {
    throw new InvalidInputError({ duplicateOf: `Question #${id} is itself a duplicate of #${original.duplicateOfId}. Name that original instead.` });
  }
  if (original.duplicateOfId === duplicateId) throw new InvalidInputError({ duplicateOf: `Question #${id} is already closed as a duplicate of this one.` });
  return id;
}

async function markVotes(tx: Database, questionId: number, kind: CloseVoteKind, status: "applied" | "expired") {
  await tx
    .update(closeVotes)
    .set({ status })
    .where(and(eq(closeVotes.questionId, questionId), eq(closeVotes.kind, kind), eq(closeVotes.status, "open")));
}

async function applyClose(
  tx: Database,
  post: { id: number; authorId: number },
  how: { reason: CloseReason; duplicateOfId: number | null; actorId: number | null; voterIds: number[] },
  now: Date,
) {
  await tx.update(posts).set({ closedAt: now, closeReason: how.reason, duplicateOfId: how.duplicateOfId }).where(eq(posts.id, post.id));
  await logModeration(
    tx,
    {
      actorId: how.actorId,
      action: how.reason === "duplicate" ? "question_duplicate" : "question_closed",
      postId: post.id,
      targetUserId: post.authorId,
      reason: how.reason === "duplicate" ? `Duplicate of question #${how.duplicateOfId}` : CLOSE_REASON_LABELS[how.reason],
      details: { closeReason: how.reason, duplicateOfId: how.duplicateOfId, voterIds: how.voterIds, community: how.actorId === null },
    },
    now,
  );
}

async function applyReopen(tx: Database, post: { id: number; authorId: number }, how: { actorId: number | null; voterIds: number[] }, now: Date) {
  await tx.update(posts).set({ closedAt: null, closeReason: null, duplicateOfId: null }).where(eq(posts.id, post.id));
  // Close votes still open from before have done their work; a new round starts from zero.
  await markVotes(tx, post.id, "close", "expired");
  await logModeration(
    tx,
    { actorId: how.actorId, action: "question_reopened", postId: post.id, targetUserId: post.authorId, details: { voterIds: how.voterIds, community: how.actorId === null } },
    now,
  );
}

/** Staff lock a thread (no answers, comments, votes or edits from customers) or unlock it. */
export async function setThreadLock(db: Database, input: { actorId: number; questionId: number; locked: boolean; reason?: string | null }, now = new Date()) {
  return db.transaction(async (tx) => {
    const { post, facts } = await lockPost(tx, input.questionId);
    const actor = await findActor(tx, input.actorId, now);
    requireAllowed(can(actor, { type: "lock", question: facts }), "That question");
    if (post.type !== "question") throw new NotFoundError("That question");
    if (input.locked === (post.lockedAt !== null)) throw new ConflictError(input.locked ? "This thread is already locked." : "This thread is not locked.");
    await tx.update(posts).set({ lockedAt: input.locked ? now : null }).where(eq(posts.id, post.id));
    const reason = input.reason?.trim() ? input.reason.trim() : null;
    await logModeration(tx, { actorId: actor!.id, action: input.locked ? "thread_locked" : "thread_unlocked", postId: post.id, targetUserId: post.authorId, reason }, now);
    return { locked: input.locked };
  });
}

/** What the question page shows about closing, duplicates and locking, for one viewer. */
export async function getQuestionModeration(
  db: Database,
  question: { id: number; author: { id: number }; deletedAt: Date | null; closedAt: Date | null; closeReason: CloseReason | null; duplicateOfId: number | null; lockedAt: Date | null },
  viewer: Actor | null,
  now = new Date(),
) {
  const facts: PostFacts = {
    authorId: question.author.id,
    type: "question",
    deleted: question.deletedAt !== null,
    questionDeleted: false,
    questionAuthorId: question.author.id,
    closed: question.closedAt !== null,
    locked: question.lockedAt !== null,
  };
  const staff = isStaff(viewer);
  const closeDecision = can(viewer, { type: "voteToClose", question: facts });
  const canVote = closeDecision.allowed;
  const canLock = can(viewer, { type: "lock", question: facts }).allowed;

  let duplicateOf: { id: number; title: string } | null = null;
  if (question.duplicateOfId !== null) {
    const [original] = await db
      .select({ id: posts.id, title: posts.title, deletedAt: posts.deletedAt })
      .from(posts)
      .where(eq(posts.id, question.duplicateOfId));
    if (original && !original.deletedAt) duplicateOf = { id: original.id, title: original.title ?? "" };
  }

  let closedBy: { community: boolean; name: string | null } | null = null;
  if (question.closedAt) {
    const [entry] = await db
      .select({ actorId: moderationLog.actorId, name: users.displayName })
      .from(moderationLog)
      .leftJoin(users, eq(users.id, moderationLog.actorId))
      .where(and(eq(moderationLog.postId, question.id), inArray(moderationLog.action, ["question_closed", "question_duplicate"])))
      .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
      .limit(1);
    closedBy = entry ? { community: entry.actorId === null, name: entry.name ?? null } : { community: true, name: null };
  }

  // Open votes that still count, and whether this viewer has one.
  const kind: CloseVoteKind = question.closedAt ? "reopen" : "close";
  let votes = 0;
  let viewerVoteExpires: Date | null = null;
  if (canVote && viewer) {
    const cutoff = new Date(now.getTime() - MODERATION_SETTINGS.closeVoteLifetimeDays * 24 * 60 * 60 * 1000);
    const rows = await db
      .select({ voterId: closeVotes.voterId, createdAt: closeVotes.createdAt })
      .from(closeVotes)
      .where(and(eq(closeVotes.questionId, question.id), eq(closeVotes.kind, kind), eq(closeVotes.status, "open"), gt(closeVotes.createdAt, cutoff)));
    votes = rows.length;
    const mine = rows.find((row) => row.voterId === viewer.id);
    viewerVoteExpires = mine ? closeVoteExpiresAt(mine.createdAt) : null;
  }

  // Why this viewer gets no answer form, when the thread's state (or their suspension) is the reason.
  let answerBlocked: string | null = null;
  if (viewer) {
    const decision = can(viewer, { type: "answer", question: facts });
    if (!decision.allowed && ["closed", "locked", "suspended"].includes(decision.reason)) answerBlocked = explainRefusal(decision);
  } else if (question.closedAt || question.lockedAt) {
    answerBlocked = explainRefusal({ allowed: false, reason: question.lockedAt ? "locked" : "closed" });
  }

  return {
    closed: question.closedAt !== null,
    closeReason: question.closeReason,
    closedAt: question.closedAt,
    closedBy,
    duplicateOf,
    locked: question.lockedAt !== null,
    answerBlocked,
    /** Where "Moderate" would be, for a member without the close privilege: the reputation it needs. */
    closeNote: controlNote(closeDecision, "close"),
    panel:
      canVote || canLock
        ? { staff, kind, canVote, canLock, votes, needed: MODERATION_SETTINGS.closeVotesNeeded, viewerVoted: viewerVoteExpires !== null, viewerVoteExpires }
        : null,
  };
}
