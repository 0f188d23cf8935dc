// Closing and reopening questions, and suspending members: the pure rules. Close and reopen
// votes count while open and younger than MODERATION_SETTINGS.closeVoteLifetimeDays; enough of
// them (closeVotesNeeded) apply the change. Suspensions last a whole number of days within
// 1..maxSuspensionDays and end by themselves when their time is up.
import { CLOSE_REASONS, MODERATION_SETTINGS, type CloseReason, type CloseVoteKind, type CloseVoteStatus } from "./moderation";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CloseVoteFacts {
  voterId: number;
  kind: CloseVoteKind;
  status: CloseVoteStatus;
  reason: CloseReason | null;
  duplicateOfId: number | null;
  createdAt: Date;
}

/** The moment an open vote cast at `createdAt` stops counting. */
export function closeVoteExpiresAt(createdAt: Date, lifetimeDays: number = MODERATION_SETTINGS.closeVoteLifetimeDays): Date {
  return new Date(createdAt.getTime() + lifetimeDays * DAY_MS);
}

/** An open vote older than its lifetime no longer counts (it is marked expired when next counted). */
export function isCloseVoteExpired(vote: Pick<CloseVoteFacts, "createdAt">, now: Date, lifetimeDays?: number): boolean {
  return now.getTime() >= closeVoteExpiresAt(vote.createdAt, lifetimeDays).getTime();
}

/** The votes of one kind that count now: open, unexpired, one per voter (the newest). */
export function countingVotes<T extends CloseVoteFacts>(votes: readonly T[], kind: CloseVoteKind, now: Date, lifetimeDays?: number): T[] {
  const byVoter = new Map<number, T>();
  for (const vote of votes) {
    if (vote.kind !== kind || vote.status !== "open" || isCloseVoteExpired(vote, now, lifetimeDays)) continue;
    const seen = byVoter.get(vote.voterId);
    if (!seen || seen.createdAt.getTime() < vote.createdAt.getTime()) byVoter.set(vote.voterId, vote);
  }
  return [...byVoter.values()];
}

export type CloseTally =
  | { apply: false; count: number; needed: number }
  | { apply: true; count: number; needed: number; reason: CloseReason | null; duplicateOfId: number | null };

/**
 * Whether the counting votes of `kind` are enough to close (or reopen) the question, and if
 * closing, with which reason: the one most voters chose (ties: the reason voted for first), and
 * for a duplicate, the original most duplicate voters named (ties: the one named first).
 */
export function tallyCloseVotes(votes: readonly CloseVoteFacts[], kind: CloseVoteKind, now: Date, needed: number = MODERATION_SETTINGS.closeVotesNeeded, lifetimeDays?: number): CloseTally {
  const counting = countingVotes(votes, kind, now, lifetimeDays).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (counting.length < needed) return { apply: false, count: counting.length, needed };
  if (kind === "reopen") return { apply: true, count: counting.length, needed, reason: null, duplicateOfId: null };
  const reason = plurality(counting.map((vote) => vote.reason).filter((r): r is CloseReason => r !== null)) ?? "off_topic";
  const duplicateOfId =
    reason === "duplicate" ? plurality(counting.filter((vote) => vote.reason === "duplicate").map((vote) => vote.duplicateOfId).filter((id): id is number => id !== null)) : null;
  // A duplicate with no named original cannot be closed as one.
  if (reason === "duplicate" && duplicateOfId === null) return { apply: true, count: counting.length, needed, reason: "off_topic", duplicateOfId: null };
  return { apply: true, count: counting.length, needed, reason, duplicateOfId };
}

/** The most frequent value; ties go to the one that appeared first. */
function plurality<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

export function isCloseReason(value: unknown): value is CloseReason {
  return typeof value === "string" && (CLOSE_REASONS as readonly string[]).includes(value);
}

/**
 * The question an "original question" field names: its id ("123", "#123") or a link to it
 * ("/questions/123/slug", "https://host/questions/123#answer-4"). Null when it names none.
 */
export function parseQuestionReference(input: string): number | null {
  const text = input.trim();
  if (text === "") return null;
  const bare = /^#?(\d{1,9})$/.exec(text);
  const path = bare ? null : /^(?:https?:\/\/[^/\s]+)?\/questions\/(\d{1,9})(?:[/?#][^\s]*)?$/i.exec(text);
  const digits = bare?.[1] ?? path?.[1];
  if (!digits) return null;
  const id = Number(digits);
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

/** Suspension lengths staff may set: whole days from 1 to the settings' maximum. */
export function checkSuspensionDays(days: number, max: number = MODERATION_SETTINGS.maxSuspensionDays): { ok: true } | { ok: false; message: string } {
  if (!Number.isInteger(days) || days < 1 || days > max) return { ok: false, message: `Choose a whole number of days from 1 to ${max}.` };
  return { ok: true };
}

export function suspensionEndsAt(startsAt: Date, days: number): Date {
  return new Date(startsAt.getTime() + days * DAY_MS);
}

/** A suspension runs until its end; a lifted or ended one stops nothing. */
export function isSuspensionActive(suspension: { endsAt: Date; liftedAt: Date | null }, now: Date): boolean {
  return suspension.liftedAt === null && suspension.endsAt.getTime() > now.getTime();
}

/** The cached state on the member after setting or lifting: the latest-ending active suspension, if any. */
export function currentSuspension<T extends { endsAt: Date; liftedAt: Date | null }>(suspensions: readonly T[], now: Date): T | null {
  let current: T | null = null;
  for (const suspension of suspensions) {
    if (!isSuspensionActive(suspension, now)) continue;
    if (!current || suspension.endsAt.getTime() > current.endsAt.getTime()) current = suspension;
  }
  return current;
}
