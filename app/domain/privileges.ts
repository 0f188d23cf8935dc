// Who may do what. One table of reputation thresholds (lower than Stack Overflow's: this is a
// support community) and one can() used by both the server guards and the UI. Every rule, the
// knowledge base's included, answers with the same Decision; app/services/actors.server.ts
// (requireAllowed) is the one place a refusal becomes a status.

import { formatDateTime } from "~/lib/format";
import type { Role } from "./roles";

export type { Role };

export interface Actor {
  id: number;
  role: Role;
  reputation: number;
  /** Set while a suspension runs (findActor leaves out one that has ended). */
  suspension?: Suspension | null;
}

export interface Suspension {
  until: Date;
  reason: string;
}

/** The suspension stored on a member (users.suspended_until and its reason), if it still runs at `now`. */
export function activeSuspension(until: Date | null, reason: string | null, now: Date): Suspension | null {
  return until && until.getTime() > now.getTime() ? { until, reason: reason ?? "" } : null;
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
        | "not_published"
        | "closed"
        | "locked"
        | "target_staff"
        | "flag_own";
    }
  | { allowed: false; reason: "suspended"; until: Date; why: string }
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
  /** The thread (the question) is closed: no new answers. */
  closed?: boolean;
  /** The thread is locked: no answers, comments, votes or edits except by staff. */
  locked?: boolean;
}

export type Action =
  | { type: "ask" }
  | { type: "answer"; question: PostFacts }
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
  | { type: "viewStaffReports" }
  | { type: "flag"; post: PostFacts }
  /** Acting on a review item: dismiss, edit and vote to close are non-destructive; the rest are staff's. */
  | { type: "review"; destructive: boolean }
  | { type: "voteToClose"; question: PostFacts }
  | { type: "lock"; question: PostFacts }
  | { type: "suspend"; target: { id: number; role: Role } }
  | { type: "verifyAnswer"; answer: PostFacts }
  | { type: "editTagDescription" }
  | { type: "requestStaffHelp"; question: PostFacts }
  | { type: "readPrivateNote"; question: { authorId: number } }
  | { type: "workStaffQueue" };

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

/**
 * What a suspended member may still do: read, sign in, anything that only reads, and ask staff
 * for help on their own question (a suspension is often what they need help with).
 */
const ALLOWED_WHILE_SUSPENDED = new Set<Action["type"]>(["readArticle", "rateArticle", "viewStaffReports", "restore", "changeRole", "promote", "manageArticles", "lock", "suspend", "verifyAnswer", "editTagDescription", "requestStaffHelp", "readPrivateNote", "workStaffQueue"]);

/** Thread states that stop customers (staff pass): locked stops everything but reading; closed stops answers. */
function threadRefusal(actor: Actor, post: PostFacts, action: Action["type"]): Decision | null {
  if (isStaff(actor)) return null;
  if (post.locked && ["answer", "comment", "upvote", "downvote", "edit", "accept"].includes(action)) return { allowed: false, reason: "locked" };
  return null;
}

export function can(actor: Actor | null, action: Action): Decision {
  if (actor?.suspension && !isStaff(actor) && !ALLOWED_WHILE_SUSPENDED.has(action.type)) {
    return { allowed: false, reason: "suspended", until: actor.suspension.until, why: actor.suspension.reason };
  }
  const thread = actor && "post" in action ? threadRefusal(actor, action.post, action.type) : actor && action.type === "accept" ? threadRefusal(actor, action.answer, action.type) : null;
  if (thread) return thread;
  return decide(actor, action);
}

function decide(actor: Actor | null, action: Action): Decision {
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
      if (gone(action.question)) return { allowed: false, reason: "deleted" };
      if (action.question.locked && !isStaff(actor)) return { allowed: false, reason: "locked" };
      // Closed means closed for everyone: staff reopen first.
      if (action.question.closed) return { allowed: false, reason: "closed" };
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
    case "flag":
      if (gone(action.post)) return { allowed: false, reason: "deleted" };
      if (action.post.authorId === actor.id) return { allowed: false, reason: "flag_own" };
      return needs(actor, "flag");
    case "review":
      if (action.destructive) return isStaff(actor) ? ALLOW : { allowed: false, reason: "not_staff" };
      return needs(actor, "review");
    case "voteToClose":
      if (gone(action.question)) return { allowed: false, reason: "deleted" };
      if (action.question.type !== "question") return { allowed: false, reason: "not_an_answer" };
      return needs(actor, "closeReopen");
    case "lock":
      if (!isStaff(actor)) return { allowed: false, reason: "not_staff" };
      if (gone(action.question)) return { allowed: false, reason: "deleted" };
      return ALLOW;
    case "suspend":
      if (!isStaff(actor)) return { allowed: false, reason: "not_staff" };
      if (action.target.id === actor.id) return { allowed: false, reason: "self" };
      if (action.target.role !== "customer") return { allowed: false, reason: "target_staff" };
      return ALLOW;
    case "editTagDescription":
      // A tag's description is the company's word on what belongs there.
      return isStaff(actor) ? ALLOW : { allowed: false, reason: "not_staff" };
    case "requestStaffHelp":
      // The asker's own call for what the community cannot answer (an account, an outage).
      if (gone(action.question)) return { allowed: false, reason: "deleted" };
      if (action.question.type !== "question" || action.question.authorId !== actor.id) return { allowed: false, reason: "not_asker" };
      return ALLOW;
    case "readPrivateNote":
      // Order numbers and account ids: the asker who wrote them and the staff who act on them.
      return action.question.authorId === actor.id || isStaff(actor) ? ALLOW : { allowed: false, reason: "not_asker" };
    case "workStaffQueue":
      return isStaff(actor) ? ALLOW : { allowed: false, reason: "not_staff" };
    case "verifyAnswer":
      if (!isStaff(actor)) return { allowed: false, reason: "not_staff" };
      if (gone(action.answer)) return { allowed: false, reason: "deleted" };
      if (action.answer.type !== "answer") return { allowed: false, reason: "not_an_answer" };
      return ALLOW;
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
    case "closed":
      return "This question is closed, so it takes no new answers.";
    case "locked":
      return "This thread is locked: it takes no new answers, comments, votes or edits.";
    case "flag_own":
      return "You can't flag your own post. Edit or delete it instead.";
    case "target_staff":
      return "Staff and admins can't be suspended.";
    case "suspended":
      return `Your account is suspended until ${formatDateTime(decision.until)}: ${decision.why}`;
    case "needs_reputation":
      return `You need ${decision.required} reputation to ${PRIVILEGE_DESCRIPTIONS[decision.privilege]}.`;
  }
}

/** What each privilege is, as the subject of a note: "Commenting on others' posts needs 50 reputation." */
export const PRIVILEGE_ACTIVITIES: Record<Privilege, string> = {
  ask: "Asking",
  answer: "Answering",
  commentOnOwn: "Commenting",
  upvote: "Upvoting",
  flag: "Flagging",
  commentAnywhere: "Commenting on others' posts",
  downvote: "Downvoting",
  review: "The review queue",
  editAny: "Editing others' posts",
  closeReopen: "Voting to close or reopen",
};

/** The controls that say, where they would be, why a viewer does not get them. */
export type Control = "vote" | "comment" | "flag" | "edit" | "close" | "answer";

/** A quiet line in place of a control; `logIn` makes it a link to the login page and back. */
export interface ControlNote {
  text: string;
  logIn: boolean;
}

const LOG_IN_TO: Record<Control, string> = {
  vote: "Log in to vote",
  comment: "Log in to comment",
  flag: "Log in to flag",
  edit: "Log in to edit",
  close: "Log in to vote to close",
  answer: "Log in to answer",
};

/**
 * Refusals that hold for every control on the page (not logged in, suspended) are said by a few
 * controls only, so a thread is not papered with the same line beside every button: logging in at
 * the comment, vote and answer places, a suspension at the comment and answer places.
 */
const SAYS_VIEWER_WIDE: Record<Control, { logIn: boolean; suspended: boolean }> = {
  vote: { logIn: true, suspended: false },
  comment: { logIn: true, suspended: true },
  flag: { logIn: false, suspended: false },
  edit: { logIn: false, suspended: false },
  close: { logIn: false, suspended: false },
  answer: { logIn: true, suspended: true },
};

/**
 * What to show where `control` would be, from the one can() decision about it: the reputation it
 * needs, a log-in link, or the suspension. Null when the control shows, or when its absence needs
 * no words (your own post, a deleted one, a locked thread that says so above).
 */
export function controlNote(decision: Decision, control: Control): ControlNote | null {
  if (decision.allowed) return null;
  switch (decision.reason) {
    case "needs_reputation":
      return { text: `${PRIVILEGE_ACTIVITIES[decision.privilege]} needs ${decision.required} reputation.`, logIn: false };
    case "not_signed_in":
      return SAYS_VIEWER_WIDE[control].logIn ? { text: LOG_IN_TO[control], logIn: true } : null;
    case "suspended":
      return SAYS_VIEWER_WIDE[control].suspended ? { text: explainRefusal(decision), logIn: false } : null;
    default:
      return null;
  }
}

/** New accounts (first 24 hours) post at a limited rate, to slow down spam. */
export const NEW_ACCOUNT_WINDOW_MS = 24 * 60 * 60 * 1000;
export const NEW_ACCOUNT_POST_LIMITS = { question: 3, answer: 10 } as const;

export function isNewAccount(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < NEW_ACCOUNT_WINDOW_MS;
}
