// The question page as one viewer sees it: the thread, and for each post what this viewer may do
// (the same can() the actions enforce), so the page shows exactly the buttons that will work.
import type { Database } from "../../db/client";
import { can, controlNote, isStaff, type Actor, type ControlNote, type PostFacts } from "~/domain/privileges";
import { badgeCountsFor } from "./badges.server";
import { articlesForAnswers } from "./kb-queries.server";
import { readThread } from "./question-queries.server";
import { followsQuestion } from "./follows.server";
import type { SharedReads } from "./shared-reads.server";
import { hotQuestionsBox } from "./side-column.server";
import { questionSearchData } from "./seo.server";
import { relatedSideLinks } from "./related-posts.server";

export interface PostPermissions {
  canEdit: boolean;
  canComment: boolean;
  canDelete: boolean;
  canRestore: boolean;
  canFlag: boolean;
  /** What stands where a missing control would be (controlNote): the reputation it needs, or a log-in link. */
  notes: { vote: ControlNote | null; comment: ControlNote | null; flag: ControlNote | null; edit: ControlNote | null };
}

export async function getQuestionPage(db: Database, questionId: number, viewer: Actor | null, shared: SharedReads) {
  const staff = isStaff(viewer);
  const thread = await readThread(db, questionId, viewer?.id ?? null, { includeDeleted: staff });
  const searchData = questionSearchData(thread.question, thread.answers);
  // The markdown served its purpose (description, structured data); the page shows the HTML.
  const { bodyMarkdown: _questionMarkdown, ...question } = thread.question;
  const answers = thread.answers.map(({ bodyMarkdown: _answerMarkdown, ...answer }) => answer);
  const articles = await articlesForAnswers(
    db,
    answers.map((answer) => answer.id),
  );
  const related = question.deletedAt !== null ? [] : await relatedSideLinks(db, question);
  const hot = await hotQuestionsBox(db, shared, question.id);
  const liveAnswers = answers.filter((answer) => !answer.deletedAt).length;
  // Earned badge counts beside the authors' names.
  const badges = await badgeCountsFor(db, [question.author.id, ...answers.map((answer) => answer.author.id)]);
  const withBadges = <T extends { id: number }>(author: T) => ({ ...author, badges: badges.get(author.id) });
  const questionDeleted = question.deletedAt !== null;

  const factsFor = (post: { author: { id: number }; deletedAt: Date | null }, type: "question" | "answer"): PostFacts => ({
    authorId: post.author.id,
    type,
    deleted: post.deletedAt !== null,
    questionDeleted: type === "answer" && questionDeleted,
    questionAuthorId: question.author.id,
    closed: question.closedAt !== null,
    locked: question.lockedAt !== null,
  });
  const permissionsFor = (facts: PostFacts, deletion: { accepted: boolean; answerCount: number }): PostPermissions => {
    const comment = can(viewer, { type: "comment", post: facts });
    const edit = can(viewer, { type: "edit", post: facts });
    const flag = can(viewer, { type: "flag", post: facts });
    // The vote buttons stay (a refused vote says why); the note names the first step still out of reach.
    const upvote = can(viewer, { type: "upvote", post: facts });
    const vote = upvote.allowed ? can(viewer, { type: "downvote", post: facts }) : upvote;
    return {
      canEdit: edit.allowed,
      canComment: comment.allowed,
      canDelete: can(viewer, { type: "delete", post: { ...facts, ...deletion } }).allowed,
      canRestore: can(viewer, { type: "restore", post: facts }).allowed,
      canFlag: flag.allowed,
      notes: { vote: controlNote(vote, "vote"), comment: controlNote(comment, "comment"), flag: controlNote(flag, "flag"), edit: controlNote(edit, "edit") },
    };
  };

  const questionFacts = factsFor(question, "question");
  return {
    question: { ...question, author: withBadges(question.author), ...permissionsFor(questionFacts, { accepted: false, answerCount: liveAnswers }) },
    answers: answers.map((answer) => {
      const facts = factsFor(answer, "answer");
      const article = articles.get(answer.id) ?? null;
      return {
        ...answer,
        author: withBadges(answer.author),
        ...permissionsFor(facts, { accepted: answer.accepted, answerCount: 0 }),
        canAccept: can(viewer, { type: "accept", answer: facts }).allowed,
        canPromote: can(viewer, { type: "promote", answer: facts, alreadyPromoted: article !== null }).allowed,
        canVerify: can(viewer, { type: "verifyAnswer", answer: facts }).allowed,
        // Customers see the link only once the article is published.
        article: article && (staff || article.status === "published") ? article : null,
      };
    }),
    related,
    hot,
    /** Accepted, or a live answer staff verified: the side column's status. */
    solved: question.acceptedAnswerId !== null || answers.some((answer) => answer.staffVerifiedAt !== null && answer.deletedAt === null),
    signedIn: viewer !== null,
    /** Whether the viewer hears of new answers here. */
    following: viewer ? await followsQuestion(db, viewer.id, question.id) : false,
    ...searchData,
    // Comments can be flagged by whoever may flag a post that is not theirs (checked again on submit).
    flagCommentsAs: viewer && can(viewer, { type: "flag", post: { ...questionFacts, authorId: -1 } }).allowed ? viewer.id : null,
  };
}
