// A member's public profile: who they are, what they know (top tags), their reputation over time,
// and their questions, answers and reputation history, each paged by keyset.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { posts, users } from "../../db/schema";
import { reputationSeries, type DailyChange } from "~/domain/reputation-chart";
import { cursorId, decodeCursor, encodeCursor } from "~/lib/keyset-cursor";
import { z } from "zod";
import { NotFoundError } from "./errors";

export const PROFILE_PAGE_SIZE = 15;
/** Days of reputation history per page; a day's votes on one post are one line. */
export const REPUTATION_DAYS_PER_PAGE = 10;

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export async function getProfileHeader(db: Database, userId: number, now = new Date()) {
  const [user] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      reputation: users.reputation,
      createdAt: users.createdAt,
      bio: users.bio,
      location: users.location,
      website: users.website,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new NotFoundError("That user");

  const [counts] = await db
    .select({
      questions: sql<number>`count(*) filter (where ${posts.type} = 'question')::int`,
      answers: sql<number>`count(*) filter (where ${posts.type} = 'answer')::int`,
    })
    .from(posts)
    .where(and(eq(posts.authorId, userId), isNull(posts.deletedAt)));

  // Tags of their questions and of the questions they answered, ranked by the score they earned there.
  const topTags = rowsOf<{ tag: string; posts: number; score: number }>(
    await db.execute(sql`
      select tag, count(*)::int as posts, coalesce(sum(score), 0)::int as score from (
        select unnest(q.tags) as tag, a.score from posts a join posts q on q.id = a.question_id
        where a.author_id = ${userId} and a.type = 'answer' and a.deleted_at is null and q.deleted_at is null
        union all
        select unnest(tags) as tag, score from posts where author_id = ${userId} and type = 'question' and deleted_at is null
      ) mine group by tag order by score desc, posts desc, tag limit 6`),
  ).map((row) => ({ tag: row.tag, posts: Number(row.posts), score: Number(row.score) }));

  const changes = rowsOf<DailyChange>(
    await db.execute(sql`
      select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, sum(delta)::int as delta
      from reputation_events where user_id = ${userId} group by 1 order by 1`),
  ).map((row) => ({ day: row.day, delta: Number(row.delta) }));
  const chart = user.role === "customer" ? reputationSeries(changes, utcDay(user.createdAt), utcDay(now)) : [];

  return { user, counts: counts ?? { questions: 0, answers: 0 }, topTags, chart };
}

function utcDay(date: Date) {
  return date.toISOString().slice(0, 10);
}

export async function listProfileQuestions(db: Database, userId: number, after: string | null, pageSize = PROFILE_PAGE_SIZE) {
  const cursor = decodeCursor(after, cursorId, cursorId);
  const rows = await db
    .select({ id: posts.id, title: posts.title, score: posts.score, answerCount: posts.answerCount, acceptedAnswerId: posts.acceptedAnswerId, tags: posts.tags, createdAt: posts.createdAt })
    .from(posts)
    .where(and(eq(posts.authorId, userId), eq(posts.type, "question"), isNull(posts.deletedAt), cursor ? sql`${posts.id} < ${cursor.key}` : undefined))
    .orderBy(desc(posts.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize).map((row) => ({ ...row, title: row.title ?? "" }));
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > pageSize && last ? encodeCursor(last.id, last.id) : null };
}

export async function listProfileAnswers(db: Database, userId: number, after: string | null, pageSize = PROFILE_PAGE_SIZE) {
  const cursor = decodeCursor(after, cursorId, cursorId);
  const rows = rowsOf<{ id: number; score: number; createdAt: Date | string; questionId: number; title: string; accepted: boolean }>(
    await db.execute(sql`
      select a.id, a.score, a.created_at as "createdAt", q.id as "questionId", q.title, (q.accepted_answer_id = a.id) as accepted
      from posts a join posts q on q.id = a.question_id
      where a.author_id = ${userId} and a.type = 'answer' and a.deleted_at is null and q.deleted_at is null
        ${cursor ? sql`and a.id < ${cursor.key}` : sql``}
      order by a.id desc limit ${pageSize + 1}`),
  ).map((row) => ({ ...row, id: Number(row.id), questionId: Number(row.questionId), score: Number(row.score), accepted: Boolean(row.accepted), createdAt: new Date(row.createdAt) }));
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > pageSize && last ? encodeCursor(last.id, last.id) : null };
}

export interface ReputationLine {
  reason: string;
  reversedReason: string | null;
  delta: number;
  /** How many events this line adds up (for example twelve upvotes on one answer). */
  events: number;
  postId: number | null;
  postType: string | null;
  threadTitle: string | null;
}

/** Reputation history by UTC day, newest first: each day's total and its events summed per post and reason. */
export async function listReputationDays(db: Database, userId: number, after: string | null, daysPerPage = REPUTATION_DAYS_PER_PAGE) {
  const cursor = decodeCursor(after, DAY, DAY);
  const days = rowsOf<{ day: string; delta: number }>(
    await db.execute(sql`
      select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, sum(delta)::int as delta
      from reputation_events
      where user_id = ${userId} ${cursor ? sql`and created_at < ${cursor.key}::date at time zone 'UTC'` : sql``}
      group by 1 order by 1 desc limit ${daysPerPage + 1}`),
  ).map((row) => ({ day: row.day, delta: Number(row.delta) }));
  const page = days.slice(0, daysPerPage);
  if (page.length === 0) return { days: [], nextCursor: null };
  const oldest = page[page.length - 1].day;
  const newest = page[0].day;
  const lines = rowsOf<ReputationLine & { day: string }>(
    await db.execute(sql`
      select to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, e.reason, o.reason as "reversedReason",
             sum(e.delta)::int as delta, count(*)::int as events, e.post_id as "postId", p.type as "postType", t.title as "threadTitle",
             max(e.created_at) as latest
      from reputation_events e
      left join reputation_events o on o.id = e.reverses_id
      left join posts p on p.id = e.post_id
      left join posts t on t.id = coalesce(p.question_id, p.id)
      where e.user_id = ${userId}
        and e.created_at >= ${oldest}::date at time zone 'UTC'
        and e.created_at < (${newest}::date + 1) at time zone 'UTC'
      group by 1, e.reason, o.reason, e.post_id, p.type, t.title
      order by 1 desc, latest desc`),
  );
  const byDay = new Map<string, ReputationLine[]>();
  for (const line of lines) {
    const list = byDay.get(line.day) ?? [];
    list.push({ reason: line.reason, reversedReason: line.reversedReason, delta: Number(line.delta), events: Number(line.events), postId: line.postId === null ? null : Number(line.postId), postType: line.postType, threadTitle: line.threadTitle });
    byDay.set(line.day, list);
  }
  return {
    days: page.map((day) => ({ ...day, lines: byDay.get(day.day) ?? [] })),
    nextCursor: days.length > daysPerPage ? encodeCursor(oldest, oldest) : null,
  };
}
