// Following questions and tags, and who hears of what happens in them. Following is a
// preference, not a privilege: any signed-in member may follow what they can read.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posts, questionFollows, tagFollows, tags } from "../../db/schema";
import { NotFoundError } from "./errors";

/** Starts (`follow: true`) or stops following a live question; doing it twice changes nothing. */
export async function setQuestionFollow(db: Database, input: { userId: number; questionId: number; follow: boolean }, now = new Date()) {
  const [question] = await db.select({ type: posts.type, deletedAt: posts.deletedAt }).from(posts).where(eq(posts.id, input.questionId));
  if (!question || question.type !== "question" || question.deletedAt) throw new NotFoundError("That question");
  if (input.follow) await db.insert(questionFollows).values({ userId: input.userId, questionId: input.questionId, createdAt: now }).onConflictDoNothing();
  else await db.delete(questionFollows).where(and(eq(questionFollows.userId, input.userId), eq(questionFollows.questionId, input.questionId)));
}

/** Starts or stops following a tag in use. */
export async function setTagFollow(db: Database, input: { userId: number; tag: string; follow: boolean }, now = new Date()) {
  const [tag] = await db.select({ name: tags.name }).from(tags).where(eq(tags.name, input.tag));
  if (!tag) throw new NotFoundError("That tag");
  if (input.follow) await db.insert(tagFollows).values({ userId: input.userId, tag: tag.name, createdAt: now }).onConflictDoNothing();
  else await db.delete(tagFollows).where(and(eq(tagFollows.userId, input.userId), eq(tagFollows.tag, tag.name)));
}

export async function followsQuestion(db: Database, userId: number, questionId: number): Promise<boolean> {
  const [row] = await db.select({ userId: questionFollows.userId }).from(questionFollows).where(and(eq(questionFollows.userId, userId), eq(questionFollows.questionId, questionId)));
  return row !== undefined;
}

export async function followsTag(db: Database, userId: number, tag: string): Promise<boolean> {
  const [row] = await db.select({ userId: tagFollows.userId }).from(tagFollows).where(and(eq(tagFollows.userId, userId), eq(tagFollows.tag, tag)));
  return row !== undefined;
}

/** Everyone following a question. */
export async function questionFollowers(db: Database, questionId: number): Promise<number[]> {
  const rows = await db.select({ userId: questionFollows.userId }).from(questionFollows).where(eq(questionFollows.questionId, questionId));
  return rows.map((row) => row.userId);
}

/** Everyone following any of these tags, each with the first of the tags they follow. */
export async function tagFollowers(db: Database, tagNames: string[]): Promise<{ userId: number; tag: string }[]> {
  if (tagNames.length === 0) return [];
  const rows = await db.select({ userId: tagFollows.userId, tag: tagFollows.tag }).from(tagFollows).where(inArray(tagFollows.tag, tagNames));
  const order = new Map(tagNames.map((name, i) => [name, i]));
  rows.sort((a, b) => order.get(a.tag)! - order.get(b.tag)!);
  return rows;
}

/** The settings page lists at most this many of each (newest question follows first, tags by name). */
export const FOLLOWS_LIST_LIMIT = 200;

/** What a member follows: tags by name, and the live questions newest-followed first. */
export async function followsOf(db: Database, userId: number) {
  const followedTags = await db.select({ tag: tagFollows.tag }).from(tagFollows).where(eq(tagFollows.userId, userId)).orderBy(asc(tagFollows.tag)).limit(FOLLOWS_LIST_LIMIT);
  const questions = await db
    .select({ id: posts.id, title: posts.title })
    .from(questionFollows)
    .innerJoin(posts, eq(posts.id, questionFollows.questionId))
    .where(and(eq(questionFollows.userId, userId), isNull(posts.deletedAt)))
    .orderBy(desc(questionFollows.createdAt), desc(posts.id))
    .limit(FOLLOWS_LIST_LIMIT);
  return { tags: followedTags.map((row) => row.tag), questions: questions.map((row) => ({ id: row.id, title: row.title ?? "" })) };
}
