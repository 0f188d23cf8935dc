// Reads for the question list and the question page: one query per kind of row, never one per item.
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { comments, postRevisions, posts, users, votes } from "../../db/schema";
import { EXCERPT_SOURCE_CHARS, excerpt } from "~/lib/excerpt";
import { InvalidInputError, NotFoundError } from "./errors";
import { questionSolvedSql } from "./solved.server";

export const QUESTION_SORTS = ["newest", "active", "unanswered", "top"] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];
export const PAGE_SIZE = 30;
const LIST_EXCERPT_CHARS = 180;

const author = {
  id: users.id,
  displayName: users.displayName,
  reputation: users.reputation,
  role: users.role,
};

// Literals, not bound parameters: PostgreSQL can use a partial index only when it can prove the
// query's condition implies the index's, which a parameter ($1) hides from generic plans.
const LIVE_QUESTION = sql`${posts.type} = 'question' and ${posts.deletedAt} is null`;

type Cursor = { key: string | number; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

function decodeCursor(raw: string, sort: QuestionSort): Cursor {
  const invalid = new InvalidInputError({ after: "That page link is not valid. Go back to the first page." });
  if (raw.length > 200) throw invalid;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid;
  const [key, id] = parsed;
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw invalid;
  if (sort === "top") {
    if (!Number.isInteger(key) || Math.abs(key) > 2_147_483_647) throw invalid;
    return { key, id };
  }
  // Only the exact form encodeCursor writes: PostgreSQL would reject looser dates with a 500.
  if (typeof key !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(key) || Number.isNaN(Date.parse(key))) {
    throw invalid;
  }
  return { key: new Date(key).toISOString(), id };
}

export interface QuestionListOptions {
  sort: QuestionSort;
  tag?: string;
  after?: string | null;
  limit?: number;
}

export async function listQuestions(db: Database, options: QuestionListOptions) {
  const limit = options.limit ?? PAGE_SIZE;
  const sortColumn = options.sort === "active" ? posts.lastActivityAt : options.sort === "top" ? posts.score : posts.createdAt;
  const conditions: (SQL | undefined)[] = [LIVE_QUESTION];
  if (options.sort === "unanswered") conditions.push(sql`${posts.answerCount} = 0`);
  if (options.tag) conditions.push(sql`${posts.tags} @> array[${options.tag}]::text[]`);
  if (options.after) {
    const cursor = decodeCursor(options.after, options.sort);
    // A row comparison, so PostgreSQL walks the (sort key, id) index from the cursor on.
    const key = options.sort === "top" ? sql`${Number(cursor.key)}::int` : sql`${String(cursor.key)}::timestamptz`;
    conditions.push(sql`(${sortColumn}, ${posts.id}) < (${key}, ${cursor.id}::int)`);
  }
  const rows = await db
    .select({
      id: posts.id,
      title: posts.title,
      tags: posts.tags,
      score: posts.score,
      answerCount: posts.answerCount,
      hasAcceptedAnswer: sql<boolean>`${posts.acceptedAnswerId} is not null`,
      /** Accepted, or an answer staff verified. */
      solved: sql<boolean>`${questionSolvedSql("posts")}`,
      createdAt: posts.createdAt,
      lastActivityAt: posts.lastActivityAt,
      bodyStart: sql<string>`left(${posts.bodyMarkdown}, ${EXCERPT_SOURCE_CHARS}::int)`,
      author,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(...conditions))
    .orderBy(desc(sortColumn), desc(posts.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({
          key: options.sort === "top" ? last.score : (options.sort === "active" ? last.lastActivityAt : last.createdAt).toISOString(),
          id: last.id,
        })
      : null;
  return { questions: page.map(({ bodyStart, ...row }) => ({ ...row, title: row.title ?? "", excerpt: excerpt(bodyStart, LIST_EXCERPT_CHARS) })), nextCursor };
}

/** The whole thread, as stored. Deleted posts are "not found", except to staff (`includeDeleted`), who may restore them. */
export async function readThread(db: Database, questionId: number, viewerId: number | null, options: { includeDeleted?: boolean } = {}) {
  const [question] = await db
    .select({
      id: posts.id,
      type: posts.type,
      title: posts.title,
      tags: posts.tags,
      bodyHtml: posts.bodyHtml,
      bodyMarkdown: posts.bodyMarkdown,
      score: posts.score,
      answerCount: posts.answerCount,
      acceptedAnswerId: posts.acceptedAnswerId,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      lastActivityAt: posts.lastActivityAt,
      deletedAt: posts.deletedAt,
      closedAt: posts.closedAt,
      closeReason: posts.closeReason,
      duplicateOfId: posts.duplicateOfId,
      lockedAt: posts.lockedAt,
      author,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, questionId));
  if (!question || question.type !== "question" || (question.deletedAt && !options.includeDeleted)) throw new NotFoundError("That question");

  const answers = await db
    .select({
      id: posts.id,
      bodyHtml: posts.bodyHtml,
      bodyMarkdown: posts.bodyMarkdown,
      score: posts.score,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
      staffVerifiedAt: posts.staffVerifiedAt,
      author,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.questionId, questionId), eq(posts.type, "answer"), options.includeDeleted ? undefined : isNull(posts.deletedAt)))
    .orderBy(
      desc(sql`${posts.id} = ${question.acceptedAnswerId ?? 0}`),
      desc(posts.score),
      asc(posts.createdAt),
      asc(posts.id),
    );

  const postIds = [question.id, ...answers.map((answer) => answer.id)];
  const postComments = await db
    .select({ id: comments.id, postId: comments.postId, body: comments.body, createdAt: comments.createdAt, author })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(inArray(comments.postId, postIds), isNull(comments.deletedAt)))
    .orderBy(asc(comments.createdAt), asc(comments.id));

  const viewerVotes = viewerId
    ? await db
        .select({ postId: votes.postId, value: votes.value })
        .from(votes)
        .where(and(eq(votes.voterId, viewerId), inArray(votes.postId, postIds)))
    : [];

  const commentsByPost = new Map<number, typeof postComments>();
  for (const comment of postComments) {
    const list = commentsByPost.get(comment.postId) ?? [];
    list.push(comment);
    commentsByPost.set(comment.postId, list);
  }
  const voteByPost = new Map(viewerVotes.map((vote) => [vote.postId, vote.value]));

  return {
    question: {
      ...question,
      title: question.title ?? "",
      comments: commentsByPost.get(question.id) ?? [],
      viewerVote: voteByPost.get(question.id) ?? 0,
    },
    answers: answers.map((answer) => ({
      ...answer,
      accepted: answer.id === question.acceptedAnswerId,
      comments: commentsByPost.get(answer.id) ?? [],
      viewerVote: voteByPost.get(answer.id) ?? 0,
    })),
  };
}

/** How far back "Hot this week" looks, and how many recently active questions it ranks. */
const HOT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const HOT_CANDIDATES = 200;

/**
 * "Hot this week": of the questions active in the last seven days, those with the most answers and
 * votes. Only the most recently active few hundred are ranked, read backwards along the activity
 * index, so the cost stays flat however large the community grows.
 */
export async function hotQuestions(db: Database, options: { limit?: number; now?: Date } = {}) {
  const since = new Date((options.now ?? new Date()).getTime() - HOT_WINDOW_MS);
  const recent = db
    .select({ id: posts.id })
    .from(posts)
    .where(and(LIVE_QUESTION, sql`${posts.lastActivityAt} >= ${since.toISOString()}::timestamptz`))
    .orderBy(desc(posts.lastActivityAt), desc(posts.id))
    .limit(HOT_CANDIDATES);
  const rows = await db
    .select({ id: posts.id, title: posts.title, answerCount: posts.answerCount, solved: sql<boolean>`${questionSolvedSql("posts")}` })
    .from(posts)
    .where(inArray(posts.id, recent))
    .orderBy(desc(sql`${posts.score} + 2 * ${posts.answerCount}`), desc(posts.lastActivityAt), desc(posts.id))
    .limit(options.limit ?? 5);
  return rows.map((row) => ({ ...row, title: row.title ?? "" }));
}

/** A question's title (deleted ones too: staff act on them), for building its address; null if there is no such question. */
export async function questionTitle(db: Database, questionId: number): Promise<string | null> {
  const [row] = await db.select({ title: posts.title }).from(posts).where(and(eq(posts.id, questionId), eq(posts.type, "question")));
  return row?.title ?? null;
}

/** A post's current text for its edit form; a deleted post, or an answer in a deleted thread, is not found. */
export async function getPostForEdit(db: Database, postId: number) {
  const question = alias(posts, "question");
  const [post] = await db
    .select({
      id: posts.id,
      type: posts.type,
      questionId: posts.questionId,
      title: posts.title,
      questionTitle: question.title,
      tags: posts.tags,
      bodyMarkdown: posts.bodyMarkdown,
      deletedAt: posts.deletedAt,
      questionDeletedAt: question.deletedAt,
    })
    .from(posts)
    .leftJoin(question, eq(question.id, posts.questionId))
    .where(eq(posts.id, postId));
  if (!post || post.deletedAt || post.questionDeletedAt) throw new NotFoundError("That post");
  return post;
}

export async function getRevisionHistory(db: Database, postId: number) {
  const post = await getPostForEdit(db, postId);
  const revisions = await db
    .select({
      revisionNumber: postRevisions.revisionNumber,
      title: postRevisions.title,
      tags: postRevisions.tags,
      bodyMarkdown: postRevisions.bodyMarkdown,
      summary: postRevisions.summary,
      createdAt: postRevisions.createdAt,
      editor: author,
    })
    .from(postRevisions)
    .innerJoin(users, eq(users.id, postRevisions.editorId))
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.revisionNumber));
  let questionTitle = post.title;
  if (post.type === "answer") {
    const [question] = await db.select({ title: posts.title }).from(posts).where(eq(posts.id, post.questionId!));
    questionTitle = question?.title ?? null;
  }
  return { post, questionTitle: questionTitle ?? "", revisions };
}
