// The question page as one viewer sees it: the thread, and for each post what this viewer may do
// (the same can() the actions enforce), so the page shows exactly the buttons that will work.
import type { Database } from "../../db/client";
import { can, isStaff, type Actor, type PostFacts } from "~/domain/privileges";
import { articlesForAnswers } from "./kb-queries.server";
import { readThread } from "./question-queries.server";
import { suggestSimilar } from "./search/index.server";

/** How many related questions and articles the side column shows. */
const RELATED_LIMIT = 5;

export interface PostPermissions {
  canEdit: boolean;
  canComment: boolean;
  canDelete: boolean;
  canRestore: boolean;
}

export async function getQuestionPage(db: Database, questionId: number, viewer: Actor | null) {
  const staff = isStaff(viewer);
  const { question, answers } = await readThread(db, questionId, viewer?.id ?? null, { includeDeleted: staff });
  const articles = await articlesForAnswers(
    db,
    answers.map((answer) => answer.id),
  );
  // The same ranking as the ask page's suggestions, from the title and tags; never the question itself.
  const related = question.deletedAt !== null
    ? []
    : await suggestSimilar(db, { title: question.title, body: question.tags.join(" ") }, { limit: RELATED_LIMIT, excludeIds: [question.id] });
  const liveAnswers = answers.filter((answer) => !answer.deletedAt).length;
  const questionDeleted = question.deletedAt !== null;

  const factsFor = (post: { author: { id: number }; deletedAt: Date | null }, type: "question" | "answer"): PostFacts => ({
    authorId: post.author.id,
    type,
    deleted: post.deletedAt !== null,
    questionDeleted: type === "answer" && questionDeleted,
    questionAuthorId: question.author.id,
  });
  const permissionsFor = (facts: PostFacts, deletion: { accepted: boolean; answerCount: number }): PostPermissions => ({
    canEdit: can(viewer, { type: "edit", post: facts }).allowed,
    canComment: can(viewer, { type: "comment", post: facts }).allowed,
    canDelete: can(viewer, { type: "delete", post: { ...facts, ...deletion } }).allowed,
    canRestore: can(viewer, { type: "restore", post: facts }).allowed,
  });

  const questionFacts = factsFor(question, "question");
  return {
    question: { ...question, ...permissionsFor(questionFacts, { accepted: false, answerCount: liveAnswers }) },
    answers: answers.map((answer) => {
      const facts = factsFor(answer, "answer");
      const article = articles.get(answer.id) ?? null;
      return {
        ...answer,
        ...permissionsFor(facts, { accepted: answer.accepted, answerCount: 0 }),
        canAccept: can(viewer, { type: "accept", answer: facts }).allowed,
        canPromote: can(viewer, { type: "promote", answer: facts, alreadyPromoted: article !== null }).allowed,
        // Customers see the link only once the article is published.
        article: article && (staff || article.status === "published") ? article : null,
      };
    }),
    related: related.map(({ kind, id, title, url, solved, answerCount }) => ({ kind, id, title, url, solved, answerCount })),
    signedIn: viewer !== null,
  };
}
