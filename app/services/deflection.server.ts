// Recording what ask-time suggestions and search did, and the staff report built from it.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { deflectionEvents, searchMisses, type DeflectionEventKind } from "../../db/schema";
import { ABANDON_WINDOW_MINUTES, ASK_SESSION_PATTERN, normaliseSearchMiss, solvedRate, type DeflectionDay } from "~/domain/deflection";
import { hitRateLimit } from "./rate-limits.server";

/** Events one user may record an hour: far above honest use, low enough that nobody inflates the figures. */
const EVENTS_PER_USER_PER_HOUR = { limit: 300, windowSeconds: 60 * 60 };

export interface DeflectionEventInput {
  askSession: string;
  kind: DeflectionEventKind;
  userId: number | null;
  visitorHash?: string | null;
  target?: { kind: "article" | "question"; id: number } | null;
}

/**
 * Stores one event; a repeat of the same fact in the same ask session is ignored. Only new facts
 * count against the user's hourly allowance, and one past it is not stored.
 */
export async function recordDeflectionEvent(db: Database, event: DeflectionEventInput, now = new Date()) {
  if (!ASK_SESSION_PATTERN.test(event.askSession)) return;
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(deflectionEvents)
      .values({
        askSession: event.askSession,
        kind: event.kind,
        userId: event.userId,
        visitorHash: event.visitorHash ?? null,
        targetKind: event.target?.kind ?? "",
        targetId: event.target?.id ?? 0,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: deflectionEvents.id });
    if (inserted.length > 0 && event.userId !== null) {
      await hitRateLimit(tx, `deflection:user:${event.userId}`, EVENTS_PER_USER_PER_HOUR, now);
    }
  });
}

/** Counts a search that found nothing, under its normalised text (no user is stored). */
export async function recordSearchMiss(db: Database, query: string, now = new Date()) {
  const normalised = normaliseSearchMiss(query);
  if (!normalised) return;
  await db
    .insert(searchMisses)
    .values({ query: normalised, count: 1, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: searchMisses.query, set: { count: sql`${searchMisses.count} + 1`, lastSeenAt: now } });
}

/**
 * Per day (UTC) over the last `days` days, newest first: ask sessions that were shown
 * suggestions, opened one, marked one solved, were abandoned after opening one, or posted anyway.
 * A session belongs to the day its suggestions were first shown.
 */
export async function deflectionByDay(db: Database, days: number, now = new Date()): Promise<DeflectionDay[]> {
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const abandonCutoff = new Date(now.getTime() - ABANDON_WINDOW_MINUTES * 60 * 1000);
  const rows = rowsOf<{
    day: string;
    shown: number;
    opened: number;
    solved: number;
    abandoned: number;
    posted_anyway: number;
  }>(
    await db.execute(sql`
      with sessions as (
        select ask_session,
          min(created_at) filter (where kind = 'suggestions_shown') as shown_at,
          max(created_at) filter (where kind = 'suggestion_opened') as last_opened_at,
          bool_or(kind = 'suggestion_opened') as opened,
          bool_or(kind = 'solved') as solved,
          bool_or(kind = 'question_posted') as posted
        from deflection_events
        where created_at >= ${since.toISOString()}
        group by ask_session
      )
      select to_char(shown_at at time zone 'UTC', 'YYYY-MM-DD') as day,
        count(*)::int as shown,
        count(*) filter (where opened)::int as opened,
        count(*) filter (where solved)::int as solved,
        count(*) filter (where opened and not solved and not posted and last_opened_at < ${abandonCutoff.toISOString()})::int as abandoned,
        count(*) filter (where posted and not solved)::int as posted_anyway
      from sessions
      where shown_at is not null
      group by 1
      order by 1 desc`),
  );
  return rows.map((row) => ({
    day: row.day,
    sessionsWithSuggestions: row.shown,
    suggestionsOpened: row.opened,
    solved: row.solved,
    abandonedAfterOpening: row.abandoned,
    postedAnyway: row.posted_anyway,
  }));
}

/** The searches that most often found nothing, most frequent first. */
export async function topSearchMisses(db: Database, limit = 50) {
  return db
    .select({ query: searchMisses.query, count: searchMisses.count, lastSeenAt: searchMisses.lastSeenAt })
    .from(searchMisses)
    .orderBy(sql`${searchMisses.count} desc`, sql`${searchMisses.lastSeenAt} desc`)
    .limit(limit);
}

/** The staff page in one call: the days, their totals, the solved rate, and the searches that found nothing. */
export async function getDeflectionReport(db: Database, days: number, now = new Date()) {
  const [byDay, misses] = await Promise.all([deflectionByDay(db, days, now), topSearchMisses(db)]);
  const totals = byDay.reduce(
    (sum, day) => ({
      sessionsWithSuggestions: sum.sessionsWithSuggestions + day.sessionsWithSuggestions,
      suggestionsOpened: sum.suggestionsOpened + day.suggestionsOpened,
      solved: sum.solved + day.solved,
      abandonedAfterOpening: sum.abandonedAfterOpening + day.abandonedAfterOpening,
      postedAnyway: sum.postedAnyway + day.postedAnyway,
    }),
    { sessionsWithSuggestions: 0, suggestionsOpened: 0, solved: 0, abandonedAfterOpening: 0, postedAnyway: 0 },
  );
  return { days, byDay, totals, solvedRate: solvedRate(byDay), misses };
}
