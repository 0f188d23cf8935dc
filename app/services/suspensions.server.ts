// Suspending a member and lifting it early. A suspension is a row in `suspensions` (kept for
// ever) and a cache on the member (users.suspended_until and suspension_reason) that the guard
// reads with the actor; it ends by itself when suspended_until passes, with nothing to run.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { suspensions, users } from "../../db/schema";
import { checkSuspensionDays, suspensionEndsAt } from "~/domain/closing";
import { activeSuspension, can, type Actor } from "~/domain/privileges";
import { findActor, requireAllowed } from "./actors.server";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { logModeration } from "./moderation-log.server";

export const SUSPENSION_REASON_MAX = 500;

async function lockTarget(tx: Database, userId: number) {
  const [target] = await tx
    .select({ id: users.id, role: users.role, suspendedUntil: users.suspendedUntil })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!target) throw new NotFoundError("That user");
  return target;
}

export async function suspendUser(db: Database, input: { actorId: number; userId: number; days: number; reason: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const target = await lockTarget(tx, input.userId);
    const actor = await findActor(tx, input.actorId, now);
    requireAllowed(can(actor, { type: "suspend", target: { id: target.id, role: target.role } }), "That user");
    const days = checkSuspensionDays(input.days);
    const reason = input.reason.trim();
    const errors: Record<string, string> = {};
    if (!days.ok) errors.days = days.message;
    if (reason.length < 5) errors.reason = "Tell the member why, in a few words (they will see this).";
    else if (reason.length > SUSPENSION_REASON_MAX) errors.reason = `Keep the reason under ${SUSPENSION_REASON_MAX} characters.`;
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
    const endsAt = suspensionEndsAt(now, input.days);
    // A new suspension replaces one still running: the old row is closed as lifted now.
    await tx
      .update(suspensions)
      .set({ liftedAt: now, liftedBy: actor!.id })
      .where(and(eq(suspensions.userId, target.id), isNull(suspensions.liftedAt), gt(suspensions.endsAt, now)));
    const [row] = await tx
      .insert(suspensions)
      .values({ userId: target.id, staffId: actor!.id, reason, startsAt: now, endsAt })
      .returning({ id: suspensions.id });
    await tx.update(users).set({ suspendedUntil: endsAt, suspensionReason: reason }).where(eq(users.id, target.id));
    await logModeration(tx, { actorId: actor!.id, action: "user_suspended", targetUserId: target.id, reason, details: { days: input.days, until: endsAt.toISOString(), suspensionId: row.id } }, now);
    return { id: row.id, endsAt };
  });
}

export async function liftSuspension(db: Database, input: { actorId: number; userId: number; note?: string | null }, now = new Date()) {
  return db.transaction(async (tx) => {
    const target = await lockTarget(tx, input.userId);
    const actor = await findActor(tx, input.actorId, now);
    requireAllowed(can(actor, { type: "suspend", target: { id: target.id, role: target.role } }), "That user");
    if (!activeSuspension(target.suspendedUntil, null, now)) throw new ConflictError("This member is not suspended.");
    await tx
      .update(suspensions)
      .set({ liftedAt: now, liftedBy: actor!.id })
      .where(and(eq(suspensions.userId, target.id), isNull(suspensions.liftedAt), gt(suspensions.endsAt, now)));
    await tx.update(users).set({ suspendedUntil: null, suspensionReason: null }).where(eq(users.id, target.id));
    const note = input.note?.trim() ? input.note.trim().slice(0, SUSPENSION_REASON_MAX) : null;
    await logModeration(tx, { actorId: actor!.id, action: "suspension_lifted", targetUserId: target.id, reason: note }, now);
  });
}

/** The profile's suspension section: the running suspension (shown to staff and the member) and who may act. */
export async function getSuspensionPanel(db: Database, target: { id: number; role: Actor["role"] }, viewer: Actor | null, now = new Date()) {
  const canSuspend = can(viewer, { type: "suspend", target }).allowed;
  const own = viewer?.id === target.id;
  if (!canSuspend && !own) return null;
  const [current] = await db
    .select({ reason: suspensions.reason, startsAt: suspensions.startsAt, endsAt: suspensions.endsAt })
    .from(suspensions)
    .where(and(eq(suspensions.userId, target.id), isNull(suspensions.liftedAt), gt(suspensions.endsAt, now)))
    .orderBy(desc(suspensions.endsAt))
    .limit(1);
  if (!canSuspend && !current) return null;
  return { canSuspend, current: current ?? null };
}
