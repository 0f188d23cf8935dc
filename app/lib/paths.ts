// Where things live on the site: every link to a question, answer, user or article is built here.
import { slugify } from "./slug";

/** `/questions/12/how-do-i-export-invoices`; the slug is decoration, the id finds the question. */
export function questionPath(question: { id: number; title?: string | null }): string {
  return question.title ? `/questions/${question.id}/${slugify(question.title)}` : `/questions/${question.id}`;
}

export function answerPath(question: { id: number; title?: string | null }, answerId: number): string {
  return `${questionPath(question)}#answer-${answerId}`;
}

export function userPath(user: { id: number; displayName?: string | null }): string {
  return user.displayName ? `/users/${user.id}/${slugify(user.displayName)}` : `/users/${user.id}`;
}

export function tagPath(tag: string): string {
  return `/tags/${encodeURIComponent(tag)}`;
}

export function articlePath(article: { slug: string }): string {
  return `/kb/${article.slug}`;
}

/** The login page, sending the member back to `redirectTo` (a path on this site) afterwards. */
export function logInPath(redirectTo?: string | null): string {
  return redirectTo && redirectTo !== "/" ? `/login?${new URLSearchParams({ redirectTo })}` : "/login";
}

/** The sign-up page, sending the new member back to `redirectTo` afterwards. */
export function signUpPath(redirectTo?: string | null): string {
  return redirectTo && redirectTo !== "/" ? `/signup?${new URLSearchParams({ redirectTo })}` : "/signup";
}

/** The knowledge base's search: site search narrowed to articles (`/search?q=refund+is%3Aarticle`). */
export function articleSearchPath(q: string): string {
  return `/search?${new URLSearchParams({ q: `${q.trim()} is:article` })}`;
}

/** The emailed link that finishes a sign-up; where to go afterwards rides along (checked again when used). */
export function signUpConfirmPath(token: string, redirectTo = "/"): string {
  const params = new URLSearchParams({ token });
  if (redirectTo !== "/") params.set("redirectTo", redirectTo);
  return `/signup/confirm?${params}`;
}

/** A badge on the badges page: `/badges#badge-first-edit`. */
export function badgePath(slug?: string): string {
  return slug ? `/badges#badge-${slug}` : "/badges";
}

/** A sitemap file listed by /sitemap.xml: `/sitemaps/questions-3.xml`, `/sitemaps/articles.xml`, `/sitemaps/tags.xml`. */
export function sitemapPath(file: { kind: "questions"; page: number } | { kind: "articles" | "tags" }): string {
  return file.kind === "questions" ? `/sitemaps/questions-${file.page}.xml` : `/sitemaps/${file.kind}.xml`;
}

/** Where an author lands when their new post waits for review. */
export function heldPostPath(postId: number): string {
  return `/posts/${postId}/held`;
}

/** The flag form for a post, or for one of its comments. */
export function flagPath(postId: number, commentId?: number | null): string {
  return commentId ? `/posts/${postId}/flag?comment=${commentId}` : `/posts/${postId}/flag`;
}

/** The review queue, optionally one reason's items only, optionally from a keyset cursor. */
export function reviewPath(options: { reason?: string | null; after?: string | null } = {}): string {
  const params = new URLSearchParams();
  if (options.reason) params.set("reason", options.reason);
  if (options.after) params.set("after", options.after);
  const query = params.toString();
  return query ? `/review?${query}` : "/review";
}

/** The page that asks for an email and sends a password reset link. */
export const forgotPasswordPath = "/forgot-password";

/** The emailed link that lets a member choose a new password. */
export function resetPasswordPath(token: string): string {
  return `/reset-password?${new URLSearchParams({ token })}`;
}

/** The emailed link, sent to the new address, that makes a change of email happen. */
export function confirmEmailPath(token: string): string {
  return `/confirm-email?${new URLSearchParams({ token })}`;
}

/** The signed-in member's own account settings; `section` is a fragment on the page. */
export function settingsPath(section?: "password" | "email" | "notifications" | "sessions" | "data" | "delete"): string {
  return section ? `/settings#${section}` : "/settings";
}

/** The JSON download of everything a member has put in. */
export const settingsExportPath = "/settings/export";

/** Where a member lands once their account is deleted (signed out). */
export const accountDeletedPath = "/settings/deleted";

/** The signed-in member's notification inbox. */
export const notificationsPath = "/notifications";

/** The emailed one-click unsubscribe link: works without logging in (the token is signed). */
export function unsubscribePath(token: string): string {
  return `/unsubscribe?${new URLSearchParams({ token })}`;
}

/** Staff: questions waiting for staff (unanswered too long, or the asker asked), oldest first. */
export const staffQueuePath = "/staff/queue";

/** Atom feeds: the newest questions, a tag's, a question's answers, the knowledge base's articles. */
export const feedPaths = {
  questions: "/feeds/questions",
  tag: (tag: string) => `/feeds/tags/${encodeURIComponent(tag)}`,
  answers: (questionId: number) => `/feeds/questions/${questionId}`,
  knowledgeBase: "/feeds/kb",
};
