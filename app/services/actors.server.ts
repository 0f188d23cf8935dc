// Who is acting, as the privilege rules need them, read inside the use case's transaction.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users, type Role } from "../../db/schema";
import { activeSuspension, explainRefusal, type Decision } from "~/domain/privileges";
import { ConflictError, ForbiddenError, NotFoundError } from "./errors";

/** The columns of `users` the privilege rules need: what actorFrom() makes an actor of. */
export const ACTOR_COLUMNS = {
  id: users.id,
  role: users.role,
  reputation: users.reputation,
  createdAt: users.createdAt,
  suspendedUntil: users.suspendedUntil,
  suspensionReason: users.suspensionReason,
};

/** The member as the rules see them; a suspension that has ended by `now` is left out. */
export async function findActor(tx: Database, userId: number, now = new Date()) {
  const [row] = await tx.select(ACTOR_COLUMNS).from(users).where(eq(users.id, userId));
  return row ? actorFrom(row, now) : null;
}

type ActorRow = { id: number; role: string; reputation: number; createdAt: Date; suspendedUntil: Date | null; suspensionReason: string | null };

/** The member as the rules see them, from a row already read (say, locked by lockUsers). */
export function actorFrom(row: ActorRow, now = new Date()) {
  const { id, role, reputation, createdAt, suspendedUntil, suspensionReason } = row;
  return { id, role: role as Role, reputation, createdAt, suspension: activeSuspension(suspendedUntil, suspensionReason, now) };
}

export async function requireActor(tx: Database, userId: number, message = "Log in to do that.", now = new Date()) {
  const actor = await findActor(tx, userId, now);
  if (!actor) throw new ForbiddenError(message);
  return actor;
}

/** Refusals that mean "there is nothing here for you": deleted, hidden, or not the kind of thing asked for. */
const NOT_FOUND_REASONS = new Set(["deleted", "not_an_answer", "not_published"]);

/**
 * The one place a refusal from can() becomes an error with a status: what is gone or hidden is
 * "not found" (404, as if it never existed), what already exists is a conflict (409), everything
 * else 403 with the sentence that explains it.
 */
export function requireAllowed(decision: Decision, what = "That post") {
  if (decision.allowed) return;
  if (NOT_FOUND_REASONS.has(decision.reason)) throw new NotFoundError(what);
  if (decision.reason === "already_promoted") throw new ConflictError(explainRefusal(decision));
  throw new ForbiddenError(explainRefusal(decision));
}
