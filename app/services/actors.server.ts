// Who is acting, as the privilege rules need them, read inside the use case's transaction.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { explainRefusal, type Decision } from "~/domain/privileges";
import { ForbiddenError, NotFoundError } from "./errors";

export async function findActor(tx: Database, userId: number) {
  const [actor] = await tx
    .select({ id: users.id, role: users.role, reputation: users.reputation, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  return actor ?? null;
}

export async function requireActor(tx: Database, userId: number, message = "Log in to do that.") {
  const actor = await findActor(tx, userId);
  if (!actor) throw new ForbiddenError(message);
  return actor;
}

/**
 * The one place a refusal from can() becomes an error with a status: what is deleted is "not
 * found" (404, as if it never existed), everything else 403 with the sentence that explains it.
 */
export function requireAllowed(decision: Decision, what = "That post") {
  if (decision.allowed) return;
  if (decision.reason === "deleted") throw new NotFoundError(what);
  throw new ForbiddenError(explainRefusal(decision));
}
