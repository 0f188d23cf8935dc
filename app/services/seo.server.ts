// What search engines read besides the page itself: a question's or article's description and
// structured data (JSON-LD), and the sitemaps. Only public content: nothing deleted or hidden
// (hidden posts are soft-deleted), no drafts.
import { excerpt, plainText } from "~/lib/excerpt";
import { DESCRIPTION_CHARS, SITE_NAME } from "~/lib/page-meta";
import { answerPath, articlePath, questionPath, userPath } from "~/lib/paths";
import { articleJsonLd, qaPageJsonLd, type JsonLdAnswer } from "~/lib/structured-data";
import { publicUrl } from "./email.server";

interface ThreadPost {
  id: number;
  bodyMarkdown: string;
  score: number;
  createdAt: Date;
  deletedAt: Date | null;
  author: { id: number; displayName: string };
}

const personOf = (author: { id: number; displayName: string }) => ({ name: author.displayName, url: publicUrl(userPath(author)) });

/** The question's description and its QAPage JSON-LD; none for a deleted question (only staff see it). */
export function questionSearchData(question: ThreadPost & { title: string; acceptedAnswerId: number | null }, answers: ThreadPost[]) {
  const description = excerpt(question.bodyMarkdown, DESCRIPTION_CHARS) || question.title;
  if (question.deletedAt) return { description, structuredData: null };
  const toAnswer = (post: ThreadPost): JsonLdAnswer => ({
    text: plainText(post.bodyMarkdown),
    url: publicUrl(answerPath(question, post.id)),
    dateCreated: post.createdAt.toISOString(),
    upvoteCount: post.score,
    author: personOf(post.author),
  });
  // An answer without words (an image with no alt text) gives Google nothing to show.
  const live = answers.filter((answer) => !answer.deletedAt).map((answer) => ({ id: answer.id, answer: toAnswer(answer) })).filter((entry) => entry.answer.text !== "");
  const accepted = live.find((entry) => entry.id === question.acceptedAnswerId)?.answer ?? null;
  return {
    description,
    structuredData: qaPageJsonLd({
      url: publicUrl(questionPath(question)),
      question: {
        name: question.title,
        text: plainText(question.bodyMarkdown),
        dateCreated: question.createdAt.toISOString(),
        upvoteCount: question.score,
        author: personOf(question.author),
      },
      acceptedAnswer: accepted,
      suggestedAnswers: live.filter((entry) => entry.id !== question.acceptedAnswerId).map((entry) => entry.answer),
    }),
  };
}

/** A published article's description and Article JSON-LD; drafts and archived articles get no structured data. */
export function articleSearchData(article: {
  slug: string;
  title: string;
  bodyMarkdown: string;
  status: string;
  deletedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  credited: { id: number; displayName: string } | null;
}) {
  const description = excerpt(article.bodyMarkdown, DESCRIPTION_CHARS, { headings: false }) || article.title;
  if (article.status !== "published" || article.deletedAt || !article.publishedAt) return { description, structuredData: null };
  return {
    description,
    structuredData: articleJsonLd({
      url: publicUrl(articlePath(article)),
      headline: article.title,
      description,
      datePublished: article.publishedAt.toISOString(),
      dateModified: (article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt).toISOString(),
      author: article.credited ? personOf(article.credited) : null,
      publisher: { name: SITE_NAME, url: publicUrl("/") },
    }),
  };
}
