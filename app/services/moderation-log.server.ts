// Writing to the staff action log. Every moderation use case calls this inside its own
// transaction, so an action and its log entry land together or not at all. The table is
// append-only (a trigger refuses updates and deletes); /admin/log reads it.
import type { Database } from "../../db/client";
import { moderationLog } from "../../db/schema";
import type { ModerationAction } from "~/domain/moderation";

export interface ModerationEntry {
  /** The staff member or reviewer; null when the system acted (flags hid a post, a job reversed votes). */
  actorId: number | null;
  action: ModerationAction;
  targetUserId?: number | null;
  postId?: number | null;
  commentId?: number | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

export async function logModeration(tx: Database, entry: ModerationEntry, now = new Date()) {
  await tx.insert(moderationLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetUserId: entry.targetUserId ?? null,
    postId: entry.postId ?? null,
    commentId: entry.commentId ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
    createdAt: now,
  });
}
