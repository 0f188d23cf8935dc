// Who hears of a post when it becomes public: at once when it is posted, or when a reviewer
// approves it if it was held (nobody hears of a held post before). The author is the one who
// acted, whoever made it public.
import type { Database } from "../../db/client";
import { noticeFor } from "~/domain/notifications";
import { answerPath, questionPath } from "~/lib/paths";
import { questionFollowers, tagFollowers } from "./follows.server";
import { mentionNotices } from "./mentions.server";
import { notify } from "./notifications.server";

/** A new question: everyone following one of its tags. */
export async function announceQuestion(tx: Database, question: { id: number; title: string; tags: string[]; authorId: number }, now: Date) {
  const link = questionPath(question);
  const followers = await tagFollowers(tx, question.tags);
  await notify(tx, question.authorId, followers.map((f) => noticeFor.newQuestion({ followerId: f.userId, tag: f.tag, questionTitle: question.title, questionId: question.id, link })), now);
}

/**
 * A new answer: everyone following the question (the asker, if still following, is told it is
 * their question), and the people of the thread it mentions; one notice each, the first that fits.
 */
export async function announceAnswer(tx: Database, question: { id: number; title: string | null; authorId: number }, answer: { id: number; authorId: number; body: string }, now: Date) {
  const link = answerPath(question, answer.id);
  const questionTitle = question.title ?? "";
  const followers = await questionFollowers(tx, question.id);
  const mentions = await mentionNotices(tx, { questionId: question.id, questionTitle, markdown: answer.body, where: "answer", postId: answer.id, dedupeKey: `mention:post:${answer.id}`, link });
  await notify(
    tx,
    answer.authorId,
    [
      ...followers.map((followerId) =>
        followerId === question.authorId
          ? noticeFor.answer({ askerId: followerId, questionTitle, answerId: answer.id, link })
          : noticeFor.answerToFollower({ followerId, questionTitle, answerId: answer.id, link }),
      ),
      ...mentions,
    ],
    now,
  );
}
