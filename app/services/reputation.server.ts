// Writes to the append-only reputation ledger. Call inside the use case's transaction, after
// locking the users involved (lockUsers) so concurrent events on one user are serialised.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { ACTOR_COLUMNS } from "./actors.server";
import { reputationEvents, users } from "../../db/schema";
import {
  REPUTATION_RULES,
  STARTING_REPUTATION,
  appliedDelta,
  earnsReputation,
  type ReputationChange,
} from "~/domain/reputation";

/**
 * Row-locks users in id order (a fixed order, so two transactions cannot deadlock), reading with
 * the lock what the rules need: role, reputation, any suspension, and the reputation already
 * gained today under the daily cap (kept up to date in memory as events are recorded, so a
 * use case counts it once, not once per event).
 */
export async function lockUsers(tx: Database, ids: number[], now: Date) {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  if (unique.length === 0) return new Map<number, LockedUser>();
  const day = startOfUtcDay(now);
  const rows = await tx
    .select({
      ...ACTOR_COLUMNS,
      // Written out: drizzle leaves columns unqualified in a one-table select, and "id" here would be the event's.
      cappedGainToday: sql<number>`(select coalesce(sum(e.delta), 0)::int from reputation_events e
        where e.user_id = users.id and e.counts_toward_daily_cap and e.created_at >= ${day.toISOString()}::timestamptz)`,
    })
    .from(users)
    .where(inArray(users.id, unique))
    .orderBy(users.id)
    .for("update");
  return new Map(rows.map((row) => [row.id, { ...row, cappedGainToday: Number(row.cappedGainToday), gainDay: day.getTime() }]));
}

export type LockedUser = {
  id: number;
  role: string;
  reputation: number;
  createdAt: Date;
  suspendedUntil: Date | null;
  suspensionReason: string | null;
  /** Capped reputation gained on the UTC day starting at `gainDay`. */
  cappedGainToday: number;
  gainDay: number;
};

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Today's capped gain, as read with the lock and kept up to date since. */
function cappedGainToday(user: LockedUser, now: Date): number {
  if (user.gainDay !== startOfUtcDay(now).getTime()) throw new Error(`user ${user.id} was locked for another day: pass the use case's now to lockUsers`);
  return user.cappedGainToday;
}

/** Keeps the locked user's figures in step with an event just written. */
function applied(user: LockedUser, delta: number, countsTowardDailyCap: boolean, now: Date) {
  user.reputation += delta;
  if (countsTowardDailyCap) user.cappedGainToday += delta;
}

async function applyToUser(tx: Database, userId: number, delta: number) {
  if (delta === 0) return;
  await tx
    .update(users)
    .set({ reputation: sql`${users.reputation} + ${delta}` })
    .where(eq(users.id, userId));
}

/** Records one reputation change (after cap and floor). Staff earn nothing and lose nothing. */
export async function recordReputation(
  tx: Database,
  change: ReputationChange & { postId: number | null; actorId: number | null },
  lockedUsers: Map<number, LockedUser>,
  now: Date,
) {
  const user = lockedUsers.get(change.userId);
  if (!user) throw new Error(`user ${change.userId} must be locked before recording reputation`);
  if (!earnsReputation(user.role)) return;
  const rule = REPUTATION_RULES[change.reason];
  const gainToday = rule.capped ? cappedGainToday(user, now) : 0;
  const delta = appliedDelta(rule.points, rule.capped, { current: user.reputation, cappedGainToday: gainToday });
  await tx.insert(reputationEvents).values({
    userId: user.id,
    reason: change.reason,
    delta,
    postId: change.postId,
    actorId: change.actorId,
    countsTowardDailyCap: rule.capped,
    createdAt: now,
  });
  await applyToUser(tx, user.id, delta);
  applied(user, delta, rule.capped, now);
}

/** Events matching a post, reasons and optionally the actor that have not been reversed. */
export async function liveEvents(tx: Database, match: { postId: number; reasons: ReputationChange["reason"][]; actorId?: number }) {
  const reversal = alias(reputationEvents, "reversal");
  return tx
    .select({
      id: reputationEvents.id,
      userId: reputationEvents.userId,
      delta: reputationEvents.delta,
      countsTowardDailyCap: reputationEvents.countsTowardDailyCap,
      createdAt: reputationEvents.createdAt,
    })
    .from(reputationEvents)
    .leftJoin(reversal, eq(reversal.reversesId, reputationEvents.id))
    .where(
      and(
        eq(reputationEvents.postId, match.postId),
        inArray(reputationEvents.reason, match.reasons),
        match.actorId === undefined ? undefined : eq(reputationEvents.actorId, match.actorId),
        isNull(reversal.id),
      ),
    );
}

/**
 * Reverses the live (not yet reversed) events matching a post, a reason and optionally the
 * actor: an undone vote, an unaccept. The ledger keeps both rows; nothing is edited away.
 */
export async function reverseReputation(
  tx: Database,
  match: { postId: number; reasons: ReputationChange["reason"][]; actorId?: number },
  lockedUsers: Map<number, LockedUser>,
  now: Date,
) {
  const live = await liveEvents(tx, match);
  for (const event of live) {
    const user = lockedUsers.get(event.userId);
    if (!user) throw new Error(`user ${event.userId} must be locked before reversing reputation`);
    const delta = appliedDelta(-event.delta, false, { current: user.reputation, cappedGainToday: 0 });
    const sameDay = startOfUtcDay(event.createdAt).getTime() === startOfUtcDay(now).getTime();
    const countsTowardDailyCap = event.countsTowardDailyCap && sameDay;
    await tx.insert(reputationEvents).values({
      userId: event.userId,
      reason: "reversal",
      delta,
      postId: match.postId,
      actorId: match.actorId ?? null,
      countsTowardDailyCap,
      reversesId: event.id,
      createdAt: now,
    });
    await applyToUser(tx, event.userId, delta);
    applied(user, delta, countsTowardDailyCap, now);
  }
}

export { STARTING_REPUTATION };
