// Who may do what. One table of reputation thresholds (lower than Stack Overflow's: this is a
// support community) and one can() used by both the server guards and the UI. Every rule, the
// knowledge base's included, answers with the same Decision; app/services/actors.server.ts
// (requireAllowed) is the one place a refusal becomes a status.

import type { Role } from "./roles";

export type { Role };

export interface Actor {
  id: number;
  role: Role;
  reputation: number;
}

export const PRIVILEGE_THRESHOLDS = {
  ask: 1,
  answer: 1,
  commentOnOwn: 1,
  upvote: 15,
  flag: 15,
  commentAnywhere: 50,
  downvote: 125,
  review: 500,
  editAny: 1000,
  closeReopen: 2000,
} as const;

export type Privilege = keyof typeof PRIVILEGE_THRESHOLDS;

export const PRIVILEGE_DESCRIPTIONS: Record<Privilege, string> = {
  ask: "ask questions",
  answer: "answer questions",
  commentOnOwn: "comment on your own posts",
  upvote: "upvote",
  flag: "flag posts",
  commentAnywhere: "comment anywhere",
  downvote: "downvote",
  review: "use the review queue",
  editAny: "edit any question or answer",
  closeReopen: "vote to close or reopen",
};

export function isStaff(actor: Pick<Actor, "role"> | null | undefined): boolean {
  return actor?.role === "staff" || actor?.role === "admin";
}

export function hasPrivilege(actor: Actor, privilege: Privilege): boolean {
  return isStaff(actor) || actor.reputation >= PRIVILEGE_THRESHOLDS[privilege];
}

export type Decision =
  | { allowed: true }
  | {
      allowed: false;
      reason:
        | "not_signed_in"
        | "own_post"
        | "not_owner"
        | "not_asker"
        | "not_staff"
        | "not_admin"
        | "deleted"
        | "not_deleted"
        | "question_deleted"
        | "self"
        | "has_dependents"
        | "not_an_answer"
        | "already_promoted"
        | "not_published";
    }
  | { allowed: false; reason: "needs_reputation"; required: number; privilege: Privilege };

const ALLOW: Decision = { allowed: true };

function needs(actor: Actor, privilege: Privilege): Decision {
  return hasPrivilege(actor, privilege)
    ? ALLOW
    : { allowed: false, reason: "needs_reputation", required: PRIVILEGE_THRESHOLDS[privilege], privilege };
}

/** The facts about a post that rules depend on. */
export interface PostFacts {
  authorId: number;
  type: "question" | "answer";
  /** The post itself is deleted. */
  deleted: boolean;
  /** For an answer: its question is deleted, which takes the whole thread out of reach. */
  questionDeleted: boolean;
  /** For an answer: the asker of its question. For a question: its own author. */
  questionAuthorId: number;
}

export type Action =
  | { type: "ask" }
  | { type: "answer" }
  | { type: "upvote"; post: PostFacts }
  | { type: "downvote"; post: PostFacts }
  | { type: "comment"; post: PostFacts }
  | { type: "edit"; post: PostFacts }
  | { type: "accept"; answer: PostFacts }
  | { type: "changeRole"; target: { id: number } }
  | { type: "delete"; post: PostFacts & DeletionFacts }
  | { type: "restore"; post: PostFacts }
  | { type: "promote"; answer: PostFacts; alreadyPromoted: boolean }
  | { type: "manageArticles"; article?: ArticleFacts }
  | { type: "readArticle"; article: ArticleFacts }
  | { type: "rateArticle"; article: ArticleFacts }
  | { type: "viewStaffReports" };

/** The facts about a knowledge-base article that rules depend on. */
export interface ArticleFacts {
  status: "draft" | "published" | "archived";
  deleted: boolean;
}

/** What decides whether an author may still delete their own post. */
export interface DeletionFacts {
  /** For an answer: it is the accepted one. */
  accepted: boolean;
  /** For a question: how many live answers it has. */
  answerCount: number;
}

/** Deleted, or an answer in a deleted thread: nobody acts on it until staff restore it. */
function gone(post: PostFacts): boolean {
  return post.deleted || post.questionDeleted;
}

export function can(actor: Actor | null, action: Action): Decision {
  // Reading and rating articles is for everyone, signed in or not.
  switch (action.type) {
    case "readArticle":
      if (action.article.deleted) return { allowed: false, reason: "deleted" };
      // Customers see published articles only; a draft or archived one is "not found" to them.
      if (action.article.status !== "published" && !isStaff(actor)) return { allowed: false, reason: "not_published" };
      return ALLOW;
    case "rateArticle":
      if (action.article.deleted) return { allowed: false, reason: "deleted" };
      if (action.article.status !== "published") return { allowed: false, reason: "not_published" };
      return ALLOW;
  }
  if (!actor) return { allowed: false, reason: "not_signed_in" };
  switch (action.type) {
    case "ask":
      return needs(actor, "ask");
    case "answer":
      return needs(actor, "answer");
    case "upvote":
    case "downvote":
      if (gone(action.post)) return { allowed: false, reason: "deleted" };
      if (action.post.authorId === actor.id) return { allowed: false, reason: "own_post" };
      return needs(actor, action.type);
    case "comment": {
      if (gone(action.post)) return { allowed: false, reason: "deleted" };
      const onOwnThread = action.post.authorId === actor.id || action.post.questionAuthorId === actor.id;
      return onOwnThread ? needs(actor, "commentOnOwn") : needs(actor, "commentAnywhere");
    }
    case "edit":
      if (gone(action.post)) return { allowed: false, reason: "deleted" };
      if (action.post.authorId === actor.id) return ALLOW;
      return needs(actor, "editAny");
    case "accept":
      if (gone(action.answer)) return { allowed: false, reason: "deleted" };
      if (action.answer.type !== "answer") return { allowed: false, reason: "not_asker" };
      if (action.answer.questionAuthorId === actor.id || isStaff(actor)) return ALLOW;
      return { allowed: false, reason: "not_asker" };
    case "delete":
      if (gone(action.post)) return { allowed: false, reason: "deleted" };
      if (isStaff(actor)) return ALLOW;
      if (action.post.authorId !== actor.id) return { allowed: false, reason: "not_owner" };
      // Others' work hangs on it: an accepted answer, or a question that has answers.
      if (action.post.type === "answer" && action.post.accepted) return { allowed: false, reason: "has_dependents" };
      if (action.post.type === "question" && action.post.answerCount > 0) return { allowed: false, reason: "has_dependents" };
      return ALLOW;
    case "restore":
      if (!isStaff(actor)) return { allowed: false, reason: "not_staff" };
      if (!action.post.deleted) return { allowed: false, reason: "not_deleted" };
      if (action.post.questionDeleted) return { allowed: false, reason: "question_deleted" };
      return ALLOW;
    case "changeRole":
      if (actor.role !== "admin") return { allowed: false, reason: "not_admin" };
      if (action.target.id === actor.id) return { allowed: false, reason: "self" };
      return ALLOW;
    case "promote":
      if (!isStaff(actor)) return { allowed: false, reason: "not_staff" };
      if (gone(action.answer)) return { allowed: false, reason: "deleted" };
      if (action.answer.type !== "answer") return { allowed: false, reason: "not_an_answer" };
      // The +25 is paid once per answer, and one live article per answer.
      if (action.alreadyPromoted) return { allowed: false, reason: "already_promoted" };
      return ALLOW;
    case "viewStaffReports":
      // Deflection and (later) analytics: figures about customers, for the people who serve them.
      return isStaff(actor) ? ALLOW : { allowed: false, reason: "not_staff" };
    case "manageArticles":
      // Creating, editing, publishing, archiving, verifying and deleting articles are staff work.
      if (!isStaff(actor)) return { allowed: false, reason: "not_staff" };
      if (action.article?.deleted) return { allowed: false, reason: "deleted" };
      return ALLOW;
  }
}

/** A sentence for the person who was refused. */
export function explainRefusal(decision: Decision): string {
  if (decision.allowed) return "";
  switch (decision.reason) {
    case "not_signed_in":
      return "Log in to do that.";
    case "own_post":
      return "You can't vote on your own post.";
    case "not_owner":
      return "Only the author (or staff) can do that.";
    case "not_asker":
      return "Only the person who asked (or staff) can accept an answer.";
    case "not_staff":
      return "Only staff can do that.";
    case "not_admin":
      return "Only an admin can change roles.";
    case "self":
      return "You can't change your own role.";
    case "deleted":
      return "This post has been deleted.";
    case "not_deleted":
      return "This post is not deleted.";
    case "question_deleted":
      return "This answer's question is deleted. Restore the question first.";
    case "has_dependents":
      return "This post can't be deleted now that others have built on it (it has answers, or it is the accepted answer). Flag it for staff instead.";
    case "not_an_answer":
      return "Only answers can be promoted to the knowledge base.";
    case "already_promoted":
      return "This answer is already a knowledge-base article.";
    case "not_published":
      return "That article is not published.";
    case "needs_reputation":
      return `You need ${decision.required} reputation to ${PRIVILEGE_DESCRIPTIONS[decision.privilege]}.`;
  }
}

/** New accounts (first 24 hours) post at a limited rate, to slow down spam. */
export const NEW_ACCOUNT_WINDOW_MS = 24 * 60 * 60 * 1000;
export const NEW_ACCOUNT_POST_LIMITS = { question: 3, answer: 10 } as const;

export function isNewAccount(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < NEW_ACCOUNT_WINDOW_MS;
}
