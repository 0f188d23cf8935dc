// Writing posts: ask, answer, comment, edit. Each use case is one transaction; every version of
// a post is kept in post_revisions, the first included.
import { and, count, eq, gte, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { comments, postRevisions, posts, questionFollows, users } from "../../db/schema";
import { NEW_ACCOUNT_POST_LIMITS, can, isNewAccount, type Actor } from "~/domain/privileges";
import { RENDERER_VERSION, renderMarkdown } from "~/lib/markdown.server";
import { requireActor, requireAllowed } from "./actors.server";
import { awardBadges } from "./badges.server";
import { recordDeflectionEvent } from "./deflection.server";
import { ConflictError, EDIT_CONFLICT_MESSAGE, NotFoundError, RateLimitedError, type EditedVersion } from "./errors";
import { latestRevisionNumber, lockPost, threadOf } from "./posts.server";
import { notify } from "./notifications.server";
import { announceAnswer, announceQuestion } from "./announcements.server";
import { mentionNotices } from "./mentions.server";
import { RATE_LIMITS, hitRateLimit } from "./rate-limits.server";
import { screenNewPost } from "./review-items.server";
import { answerPath, questionPath } from "~/lib/paths";
import { noticeFor } from "~/domain/notifications";

const HOUR_MS = 60 * 60 * 1000;

/**
 * New accounts may post only a few questions and answers an hour (counted from the posts). The
 * author's row is locked first, so parallel posts by one account count one after another and the
 * count and the insert that follows it are one step.
 */
async function enforceNewAccountLimit(tx: Database, actor: Actor & { createdAt: Date }, type: "question" | "answer", now: Date) {
  if (actor.role !== "customer" || !isNewAccount(actor.createdAt, now)) return;
  await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for("update");
  const windowStart = new Date(now.getTime() - HOUR_MS);
  const [recent] = await tx
    .select({ n: count(), oldest: sql<string>`min(${posts.createdAt})` })
    .from(posts)
    .where(and(eq(posts.authorId, actor.id), eq(posts.type, type), gte(posts.createdAt, windowStart)));
  const limit = NEW_ACCOUNT_POST_LIMITS[type];
  if ((recent?.n ?? 0) >= limit) {
    const retryAt = new Date(recent!.oldest).getTime() + HOUR_MS;
    throw new RateLimitedError(
      `New accounts can post ${limit} ${type === "question" ? "questions" : "answers"} an hour. Please try again later.`,
      Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)),
    );
  }
}

/** A new post and its first revision (the original text, kept forever). */
async function insertPost(
  tx: Database,
  post: { type: "question" | "answer"; questionId: number | null; authorId: number; title: string | null; tags: string[]; body: string },
  now: Date,
) {
  const [row] = await tx
    .insert(posts)
    .values({
      type: post.type,
      questionId: post.questionId,
      authorId: post.authorId,
      title: post.title,
      tags: post.tags,
      bodyMarkdown: post.body,
      bodyHtml: renderMarkdown(post.body),
      rendererVersion: RENDERER_VERSION,
      createdAt: now,
      lastActivityAt: now,
    })
    .returning({ id: posts.id });
  await tx.insert(postRevisions).values({
    postId: row.id,
    revisionNumber: 1,
    editorId: post.authorId,
    title: post.title,
    tags: post.type === "question" ? post.tags : null,
    bodyMarkdown: post.body,
    createdAt: now,
  });
  return row;
}

export async function askQuestion(
  db: Database,
  input: { authorId: number; title: string; body: string; tags: string[]; askSession?: string | null },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const actor = await requireActor(tx, input.authorId);
    requireAllowed(can(actor, { type: "ask" }));
    await enforceNewAccountLimit(tx, actor, "question", now);
    const question = await insertPost(tx, { type: "question", questionId: null, authorId: actor.id, title: input.title, tags: input.tags, body: input.body }, now);
    const { held } = await screenNewPost(tx, actor, { id: question.id, markdown: input.body }, now);
    // The asker follows their own question (they hear of every answer) until they unfollow it.
    await tx.insert(questionFollows).values({ userId: actor.id, questionId: question.id, createdAt: now }).onConflictDoNothing();
    // A question held for review is news to nobody yet (approving it announces it).
    if (!held) await announceQuestion(tx, { id: question.id, title: input.title, tags: input.tags, authorId: actor.id }, now);
    // Posted from the ask page: part of the deflection record (posted anyway, or never shown anything).
    if (input.askSession) {
      await recordDeflectionEvent(tx, { askSession: input.askSession, kind: "question_posted", userId: actor.id, target: { kind: "question", id: question.id } }, now);
    }
    return { ...question, held };
  });
}

export async function postAnswer(db: Database, input: { authorId: number; questionId: number; body: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const actor = await requireActor(tx, input.authorId);
    const [question] = await tx
      .select({ id: posts.id, type: posts.type, title: posts.title, authorId: posts.authorId })
      .from(posts)
      .where(eq(posts.id, input.questionId));
    if (!question || question.type !== "question") throw new NotFoundError("That question");
    // Locked against a concurrent close or lock: an answer lands before it, or is refused.
    const { facts } = await lockPost(tx, question.id);
    requireAllowed(can(actor, { type: "answer", question: facts }), "That question");
    await enforceNewAccountLimit(tx, actor, "answer", now);
    const answer = await insertPost(tx, { type: "answer", questionId: question.id, authorId: actor.id, title: null, tags: [], body: input.body }, now);
    // Held for review (a brand-new account posting many links): saved, but nobody else sees or counts it yet.
    const { held } = await screenNewPost(tx, actor, { id: answer.id, markdown: input.body }, now);
    if (held) return { ...answer, held };
    // A single atomic increment: concurrent answers each count once.
    await tx
      .update(posts)
      .set({ answerCount: sql`${posts.answerCount} + 1`, lastActivityAt: now })
      .where(eq(posts.id, question.id));
    await announceAnswer(tx, question, { id: answer.id, authorId: actor.id, body: input.body }, now);
    return { ...answer, held };
  });
}

export async function addComment(db: Database, input: { authorId: number; postId: number; body: string }, now = new Date()) {
  await hitRateLimit(db, `comment:user:${input.authorId}`, RATE_LIMITS.commentsPerUser, now, "You are commenting too fast. Please wait a little.");
  return db.transaction(async (tx) => {
    const actor = await requireActor(tx, input.authorId);
    const { post, facts } = await lockPost(tx, input.postId);
    requireAllowed(can(actor, { type: "comment", post: facts }));
    const [comment] = await tx
      .insert(comments)
      .values({ postId: input.postId, authorId: actor.id, body: input.body, createdAt: now })
      .returning({ id: comments.id });
    const thread = await threadOf(tx, post);
    const link = `${questionPath(thread)}#comment-${comment.id}`;
    const mentions = await mentionNotices(tx, { questionId: thread.id, questionTitle: thread.title, markdown: input.body, where: "comment", postId: post.id, dedupeKey: `mention:comment:${comment.id}`, link });
    await notify(
      tx,
      actor.id,
      [noticeFor.comment({ authorId: post.authorId, postType: post.type as "question" | "answer", questionTitle: thread.title, postId: post.id, commentId: comment.id, link }), ...mentions],
      now,
    );
    return comment;
  });
}

/** Who saved revision `revision`, and when: for the person whose edit it overtook. */
async function revisionAuthor(tx: Database, postId: number, revision: number) {
  const [row] = await tx
    .select({ editedBy: users.displayName, editedAt: postRevisions.createdAt })
    .from(postRevisions)
    .innerJoin(users, eq(users.id, postRevisions.editorId))
    .where(and(eq(postRevisions.postId, postId), eq(postRevisions.revisionNumber, revision)));
  return row ?? { editedBy: null, editedAt: new Date() };
}

function editedVersion(isQuestion: boolean, version: { title: string | null; tags: string[]; body: string }): EditedVersion {
  return { title: version.title, details: isQuestion ? [`Tags: ${version.tags.join(", ")}`] : [], body: version.body };
}

/**
 * Saves a new revision. `baseRevision` is the revision the editor's form was loaded with: when a
 * newer one was saved meanwhile (staff redacting a phone number, say), the edit is refused with
 * both versions rather than silently undoing it.
 */
export async function editPost(
  db: Database,
  input: { editorId: number; postId: number; body: string; title?: string; tags?: string[]; summary?: string | null; baseRevision?: number },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const actor = await requireActor(tx, input.editorId);
    const { post, facts } = await lockPost(tx, input.postId);
    requireAllowed(can(actor, { type: "edit", post: facts }));
    const isQuestion = post.type === "question";
    const title = isQuestion ? (input.title ?? post.title!) : null;
    const tags = isQuestion ? (input.tags ?? post.tags) : [];
    const unchanged = post.bodyMarkdown === input.body && post.title === title && post.tags.join(" ") === tags.join(" ");
    if (unchanged) return { postId: post.id, questionId: post.questionId ?? post.id, changed: false };

    // Read under the post's row lock, so no other edit can slip in between this check and the save.
    const latest = await latestRevisionNumber(tx, post.id);
    if (input.baseRevision !== undefined && input.baseRevision < latest) {
      throw new ConflictError(EDIT_CONFLICT_MESSAGE, {
        revision: latest,
        ...(await revisionAuthor(tx, post.id, latest)),
        current: editedVersion(isQuestion, { title: post.title, tags: post.tags, body: post.bodyMarkdown }),
        yours: editedVersion(isQuestion, { title, tags, body: input.body }),
      });
    }
    await tx.insert(postRevisions).values({
      postId: post.id,
      revisionNumber: latest + 1,
      editorId: actor.id,
      title,
      tags: isQuestion ? tags : null,
      bodyMarkdown: input.body,
      summary: input.summary ?? null,
      createdAt: now,
    });
    await tx
      .update(posts)
      .set({
        title,
        tags,
        bodyMarkdown: input.body,
        bodyHtml: renderMarkdown(input.body),
        rendererVersion: RENDERER_VERSION,
        editedAt: now,
        lastActivityAt: now,
      })
      .where(eq(posts.id, post.id));
    const questionId = post.questionId ?? post.id;
    if (!isQuestion) await tx.update(posts).set({ lastActivityAt: now }).where(eq(posts.id, questionId));
    if (post.authorId !== actor.id) await awardBadges(tx, actor.id, "post_edited", { postId: post.id, now });
    const thread = isQuestion ? { id: post.id, title: title ?? "" } : await threadOf(tx, post);
    const link = isQuestion ? questionPath(thread) : answerPath(thread, post.id);
    // Someone newly mentioned in the edited text hears of it; someone mentioned before, not again (same key).
    const mentions = await mentionNotices(tx, { questionId: thread.id, questionTitle: title ?? thread.title, markdown: input.body, where: post.type === "answer" ? "answer" : "question", postId: post.id, dedupeKey: `mention:post:${post.id}`, link });
    await notify(tx, actor.id, [noticeFor.edited({ authorId: post.authorId, postType: post.type as "question" | "answer", questionTitle: title ?? thread.title, postId: post.id, revision: latest + 1, link }), ...mentions], now);
    return { postId: post.id, questionId, changed: true };
  });
}
