// Reads of one post that several use cases share: the post with the facts the privilege rules
// need (locked or not), its latest revision number, and which thread it belongs to.
import { eq, max } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { postRevisions, posts, type Post } from "../../db/schema";
import type { PostFacts } from "~/domain/privileges";
import { NotFoundError } from "./errors";
import { questionTitle } from "./question-queries.server";

type FactSource = Pick<Post, "authorId" | "type" | "deletedAt" | "closedAt" | "lockedAt">;
type ThreadSource = { authorId: number; deletedAt: Date | null; closedAt: Date | null; lockedAt: Date | null } | null | undefined;

/** An answer lives and dies with its question: a deleted thread takes its answers with it. */
function factsOf(post: FactSource, question: ThreadSource): PostFacts {
  return {
    authorId: post.authorId,
    type: post.type,
    deleted: post.deletedAt !== null,
    questionDeleted: post.type === "answer" ? (question?.deletedAt ?? null) !== null : false,
    questionAuthorId: question?.authorId ?? post.authorId,
    // Closed and locked belong to the thread: an answer takes them from its question.
    closed: (post.type === "answer" ? question?.closedAt ?? null : post.closedAt) !== null,
    locked: (post.type === "answer" ? question?.lockedAt ?? null : post.lockedAt) !== null,
  };
}

/** Loads a post and the facts rules need (its question's too, for an answer), locking the post's row for the rest of the transaction. */
export async function lockPost(tx: Database, postId: number): Promise<{ post: Post; facts: PostFacts }> {
  const question = alias(posts, "question");
  const [row] = await tx
    .select({ post: posts, question: { authorId: question.authorId, deletedAt: question.deletedAt, closedAt: question.closedAt, lockedAt: question.lockedAt } })
    .from(posts)
    .leftJoin(question, eq(question.id, posts.questionId))
    .where(eq(posts.id, postId))
    .for("update", { of: posts });
  if (!row) throw new NotFoundError("That post");
  return { post: row.post, facts: factsOf(row.post, row.question?.authorId ? row.question : null) };
}

/** The facts the privilege rules need about one post, without a lock (for pages). */
export async function getPostFacts(db: Database, postId: number): Promise<PostFacts> {
  const question = alias(posts, "question");
  const [row] = await db
    .select({
      authorId: posts.authorId,
      type: posts.type,
      deletedAt: posts.deletedAt,
      closedAt: posts.closedAt,
      lockedAt: posts.lockedAt,
      question: { authorId: question.authorId, deletedAt: question.deletedAt, closedAt: question.closedAt, lockedAt: question.lockedAt },
    })
    .from(posts)
    .leftJoin(question, eq(question.id, posts.questionId))
    .where(eq(posts.id, postId));
  if (!row) throw new NotFoundError("That post");
  return factsOf(row, row.question?.authorId ? row.question : null);
}

/** A post's newest revision number (1 for a post never edited). */
export async function latestRevisionNumber(db: Database, postId: number): Promise<number> {
  const [row] = await db.select({ n: max(postRevisions.revisionNumber) }).from(postRevisions).where(eq(postRevisions.postId, postId));
  return row?.n ?? 1;
}

/** Whether a post is the question itself or one of its answers (forms must not reach across threads). */
export async function belongsToQuestion(db: Database, postId: number, questionId: number) {
  const [post] = await db.select({ id: posts.id, questionId: posts.questionId }).from(posts).where(eq(posts.id, postId));
  return post !== undefined && (post.id === questionId || post.questionId === questionId);
}

/** The thread a post belongs to (the post itself for a question): its id and title, for links and notices. */
export async function threadOf(db: Database, post: { id: number; type: string; questionId: number | null; title: string | null }) {
  if (post.type === "question") return { id: post.id, title: post.title ?? "" };
  return { id: post.questionId!, title: (await questionTitle(db, post.questionId!)) ?? "" };
}
