// /users: everyone who has contributed (a live question or answer), one keyset page at a time.
import { and, asc, desc, ilike, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { cursorId, cursorInt, cursorText, decodeCursor, encodeCursor } from "~/lib/keyset-cursor";
import { likePattern } from "~/lib/like-pattern";

export const USER_SORTS = ["reputation", "new", "name"] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const USER_PAGE_SIZE = 36;

export interface DirectoryUser {
  id: number;
  displayName: string;
  role: string;
  reputation: number;
  createdAt: Date;
  location: string | null;
  answerCount: number;
  questionCount: number;
}

export async function listUsers(db: Database, options: { sort: UserSort; filter?: string; after?: string | null; pageSize?: number }) {
  const pageSize = options.pageSize ?? USER_PAGE_SIZE;
  const conditions: SQL[] = [
    isNull(users.deletedAt),
    sql`exists (select 1 from posts p where p.author_id = users.id and p.deleted_at is null)`,
  ];
  const filter = options.filter?.trim();
  if (filter) conditions.push(ilike(users.displayName, likePattern(filter)));
  // Each sort walks an index from the cursor on: (reputation, id), (created_at via id), (name key).
  if (options.sort === "reputation") {
    const cursor = decodeCursor(options.after, cursorInt, cursorId);
    if (cursor) conditions.push(sql`(${users.reputation}, -${users.id}) < (${cursor.key}::int, -${cursor.tieBreaker}::int)`);
  } else if (options.sort === "new") {
    const cursor = decodeCursor(options.after, cursorId, cursorId);
    if (cursor) conditions.push(sql`${users.id} < ${cursor.key}::int`);
  } else {
    const cursor = decodeCursor(options.after, cursorText, cursorId);
    if (cursor) conditions.push(sql`(${users.displayNameKey}, ${users.id}) > (${cursor.key}, ${cursor.tieBreaker}::int)`);
  }
  const order =
    options.sort === "reputation" ? [desc(users.reputation), asc(users.id)] : options.sort === "new" ? [desc(users.id)] : [asc(users.displayNameKey), asc(users.id)];
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      displayNameKey: users.displayNameKey,
      role: users.role,
      reputation: users.reputation,
      createdAt: users.createdAt,
      location: users.location,
      // Spelled out with an alias: drizzle leaves columns in a single-table select unqualified, so
      // "id" inside the subquery would mean the post's id, not the user's.
      answerCount: sql<number>`(select count(*)::int from posts p where p.author_id = users.id and p.type = 'answer' and p.deleted_at is null)`,
      questionCount: sql<number>`(select count(*)::int from posts p where p.author_id = users.id and p.type = 'question' and p.deleted_at is null)`,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > pageSize && last
      ? options.sort === "reputation"
        ? encodeCursor(last.reputation, last.id)
        : options.sort === "new"
          ? encodeCursor(last.id, last.id)
          : encodeCursor(last.displayNameKey ?? "", last.id)
      : null;
  return { users: page.map(({ displayNameKey: _key, ...user }): DirectoryUser => ({ ...user, answerCount: Number(user.answerCount), questionCount: Number(user.questionCount) })), nextCursor };
}
