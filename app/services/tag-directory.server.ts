// /tags: every tag in use with its question count (kept by a trigger) and a staff-written description.
import { and, asc, desc, eq, gt, ilike, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { tags } from "../../db/schema";
import { can, type Actor } from "~/domain/privileges";
import { cursorInt, cursorText, decodeCursor, encodeCursor } from "~/lib/keyset-cursor";
import { likePattern } from "~/lib/like-pattern";
import { ForbiddenError, NotFoundError } from "./errors";

export const TAG_SORTS = ["popular", "name"] as const;
export type TagSort = (typeof TAG_SORTS)[number];
export const TAG_PAGE_SIZE = 60;

export async function listTags(db: Database, options: { sort: TagSort; filter?: string; after?: string | null; pageSize?: number }) {
  const pageSize = options.pageSize ?? TAG_PAGE_SIZE;
  const conditions: SQL[] = [gt(tags.questionCount, 0)];
  const filter = options.filter?.trim().toLowerCase();
  if (filter) conditions.push(ilike(tags.name, likePattern(filter)));
  if (options.sort === "popular") {
    const cursor = decodeCursor(options.after, cursorInt, cursorText);
    if (cursor) conditions.push(sql`(-${tags.questionCount}, ${tags.name}) > (-${cursor.key}::int, ${cursor.tieBreaker})`);
  } else {
    const cursor = decodeCursor(options.after, cursorText, cursorText);
    if (cursor) conditions.push(gt(tags.name, cursor.key));
  }
  const rows = await db
    .select({ name: tags.name, description: tags.description, questionCount: tags.questionCount })
    .from(tags)
    .where(and(...conditions))
    .orderBy(...(options.sort === "popular" ? [desc(tags.questionCount), asc(tags.name)] : [asc(tags.name)]))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const nextCursor = rows.length > pageSize && last ? (options.sort === "popular" ? encodeCursor(last.questionCount, last.name) : encodeCursor(last.name, last.name)) : null;
  return { tags: page, nextCursor };
}

/** The tag page's heading facts: null when no live question carries the tag. */
export async function getTag(db: Database, name: string) {
  const [row] = await db.select({ name: tags.name, description: tags.description, questionCount: tags.questionCount }).from(tags).where(eq(tags.name, name));
  return row && row.questionCount > 0 ? row : null;
}

export async function setTagDescription(db: Database, actor: Actor, input: { name: string; description: string }) {
  if (!can(actor, { type: "editTagDescription" }).allowed) throw new ForbiddenError("Only staff can describe tags.");
  const description = input.description.trim() || null;
  const updated = await db.update(tags).set({ description }).where(eq(tags.name, input.name)).returning({ name: tags.name });
  if (updated.length === 0) throw new NotFoundError("That tag");
}
