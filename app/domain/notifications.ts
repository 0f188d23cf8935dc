// Who hears about what, and in which words. Pure: the use cases call these with the facts of
// their event, inside their transaction, and notify() writes what comes out.
import { truncateText } from "~/lib/excerpt";

export const NOTIFICATION_KINDS = ["answer", "comment", "accepted", "edited", "badge_earned", "answer_promoted", "new_question", "moderated", "mention", "escalated"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notice {
  userId: number;
  kind: NotificationKind;
  /** What happened, after the actor's name when there is an actor ("answered your question “…”"); a whole sentence otherwise. */
  message: string;
  link: string;
  postId?: number | null;
  /** One notice per recipient and key, however often the event fires (a retried request, an undo and redo). */
  dedupeKey?: string | null;
}

/** Titles in a notice are cut at a word, so a line stays a line. */
const TITLE_CHARS = 80;
export const quoteTitle = (title: string) => `“${truncateText(title, TITLE_CHARS)}”`;

/** Each person hears once per event (the first notice naming them wins), and never about their own act. */
export function recipientsOf(notices: Notice[], actorId: number | null): Notice[] {
  const seen = new Set<number>();
  return notices.filter((notice) => {
    if (notice.userId === actorId || seen.has(notice.userId)) return false;
    seen.add(notice.userId);
    return true;
  });
}

type PostType = "question" | "answer";

/** Where a mention was written, as the notice says it. */
const MENTION_PLACES = { answer: "an answer to", comment: "a comment on", question: "the question" };

/** What a review decision did to the author's post, in the words of the notice ("hid your answer to “…”"). */
const MODERATION_VERBS: Record<string, string> = {
  delete: "deleted",
  hide: "hid",
  restore: "restored",
  confirm_spam: "removed as spam",
  confirm_abusive: "removed as abusive",
  approve: "approved",
};

/** The decisions an author hears of: all that change their post (dismissing a flag changes nothing). */
export const isModerationNoticed = (decision: string) => Object.hasOwn(MODERATION_VERBS, decision);

export const noticeFor = {
  answer: (input: { askerId: number; questionTitle: string; answerId: number; link: string }): Notice => ({
    userId: input.askerId,
    kind: "answer",
    message: `answered your question ${quoteTitle(input.questionTitle)}`,
    link: input.link,
    postId: input.answerId,
    dedupeKey: `answer:${input.answerId}`,
  }),
  /** To someone following a question they did not ask. */
  answerToFollower: (input: { followerId: number; questionTitle: string; answerId: number; link: string }): Notice => ({
    userId: input.followerId,
    kind: "answer",
    message: `answered a question you follow: ${quoteTitle(input.questionTitle)}`,
    link: input.link,
    postId: input.answerId,
    dedupeKey: `answer:${input.answerId}`,
  }),
  newQuestion: (input: { followerId: number; tag: string; questionTitle: string; questionId: number; link: string }): Notice => ({
    userId: input.followerId,
    kind: "new_question",
    message: `asked ${quoteTitle(input.questionTitle)} in ${input.tag}, a tag you follow`,
    link: input.link,
    postId: input.questionId,
    dedupeKey: `question:${input.questionId}`,
  }),
  comment: (input: { authorId: number; postType: PostType; questionTitle: string; postId: number; commentId: number; link: string }): Notice => ({
    userId: input.authorId,
    kind: "comment",
    message: `commented on your ${input.postType} ${input.postType === "answer" ? "to " : ""}${quoteTitle(input.questionTitle)}`,
    link: input.link,
    postId: input.postId,
    dedupeKey: `comment:${input.commentId}`,
  }),
  accepted: (input: { answerAuthorId: number; questionTitle: string; answerId: number; link: string }): Notice => ({
    userId: input.answerAuthorId,
    kind: "accepted",
    message: `accepted your answer to ${quoteTitle(input.questionTitle)}`,
    link: input.link,
    postId: input.answerId,
    dedupeKey: `accepted:${input.answerId}`,
  }),
  edited: (input: { authorId: number; postType: PostType; questionTitle: string; postId: number; revision: number; link: string }): Notice => ({
    userId: input.authorId,
    kind: "edited",
    message: `edited your ${input.postType} ${input.postType === "answer" ? "to " : ""}${quoteTitle(input.questionTitle)}`,
    link: input.link,
    postId: input.postId,
    dedupeKey: `edited:${input.postId}:${input.revision}`,
  }),
  /** Someone wrote "@Name" in an answer, a comment or an edit in a thread the person is part of. */
  mention: (input: { userId: number; where: keyof typeof MENTION_PLACES; questionTitle: string; dedupeKey: string; postId: number; link: string }): Notice => ({
    userId: input.userId,
    kind: "mention",
    message: `mentioned you in ${MENTION_PLACES[input.where]} ${quoteTitle(input.questionTitle)}`,
    link: input.link,
    postId: input.postId,
    dedupeKey: input.dedupeKey,
  }),
  /** Nobody answered the asker's question in time: it is in the staff queue now (no actor: the clock did it). */
  escalated: (input: { askerId: number; questionTitle: string; questionId: number; staffBy: string; link: string }): Notice => ({
    userId: input.askerId,
    kind: "escalated",
    message: `Nobody has answered your question ${quoteTitle(input.questionTitle)} yet, so it is with staff now. They will look at it by ${input.staffBy}.`,
    link: input.link,
    postId: input.questionId,
    dedupeKey: `escalated:${input.questionId}`,
  }),
  /** A reviewer's decision on the author's post, with the reason they wrote. */
  moderated: (input: { authorId: number; decision: string; postType: PostType; questionTitle: string; postId: number; reviewItemId: number; note: string | null; link: string }): Notice => {
    const verb = MODERATION_VERBS[input.decision];
    const what = `your ${input.postType} ${input.postType === "answer" ? "to " : ""}${quoteTitle(input.questionTitle)}`;
    const [first, ...rest] = verb.split(" ");
    const done = rest.length > 0 ? `${first} ${what} ${rest.join(" ")}` : `${verb} ${what}`;
    const after = input.decision === "approve" ? ": everyone can see it now" : input.note ? `: ${truncateText(input.note, TITLE_CHARS)}` : "";
    return { userId: input.authorId, kind: "moderated", message: `${done}${after}`, link: input.link, postId: input.postId, dedupeKey: `review:${input.reviewItemId}` };
  },
  promoted: (input: { answerAuthorId: number; questionTitle: string; answerId: number; link: string }): Notice => ({
    userId: input.answerAuthorId,
    kind: "answer_promoted",
    message: `is turning your answer to ${quoteTitle(input.questionTitle)} into a knowledge-base article`,
    link: input.link,
    postId: input.answerId,
    dedupeKey: `promoted:${input.answerId}`,
  }),
};
