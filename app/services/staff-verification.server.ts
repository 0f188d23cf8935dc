// Staff verified: staff vouch for an answer (distinct from the asker's accept). A verified answer
// counts as solved in question lists and search; marking and unmarking are logged for /admin/log.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posts } from "../../db/schema";
import { can } from "~/domain/privileges";
import { findActor, requireAllowed } from "./actors.server";
import { logModeration } from "./moderation-log.server";
import { lockPost } from "./posts.server";

/**
 * Marks an answer Staff verified, or with `undo` removes the mark. `actorId` null is an anonymous
 * visitor: refused like everyone who is not staff (403, nothing changed). Marking twice is a no-op.
 */
export async function setStaffVerified(
  db: Database,
  input: { actorId: number | null; answerId: number; undo?: boolean },
  now = new Date(),
): Promise<{ questionId: number; questionTitle: string | null; answerId: number; verified: boolean }> {
  return db.transaction(async (tx) => {
    const actor = input.actorId === null ? null : await findActor(tx, input.actorId, now);
    const { post: answer, facts } = await lockPost(tx, input.answerId);
    requireAllowed(can(actor, { type: "verifyAnswer", answer: facts }), "That answer");
    const questionId = answer.questionId!;
    // For the way back to the thread's address, slug included.
    const [question] = await tx.select({ title: posts.title }).from(posts).where(eq(posts.id, questionId));
    const questionTitle = question?.title ?? null;
    const verified = answer.staffVerifiedAt !== null;
    if (verified === !input.undo) return { questionId, questionTitle, answerId: answer.id, verified };
    await tx
      .update(posts)
      .set(input.undo ? { staffVerifiedAt: null, staffVerifiedBy: null } : { staffVerifiedAt: now, staffVerifiedBy: actor!.id })
      .where(eq(posts.id, answer.id));
    await logModeration(
      tx,
      { actorId: actor!.id, action: input.undo ? "answer_unverified" : "answer_verified", targetUserId: answer.authorId, postId: answer.id },
      now,
    );
    return { questionId, questionTitle, answerId: answer.id, verified: !input.undo };
  });
}
