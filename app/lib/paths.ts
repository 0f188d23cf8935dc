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

export function articlePath(article: { slug: string }): string {
  return `/kb/${article.slug}`;
}

/** The emailed link that finishes a sign-up; where to go afterwards rides along (checked again when used). */
export function signUpConfirmPath(token: string, redirectTo = "/"): string {
  const params = new URLSearchParams({ token });
  if (redirectTo !== "/") params.set("redirectTo", redirectTo);
  return `/signup/confirm?${params}`;
}
