import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FlagDisclosure } from "~/components/flag-parts";
import { ControlNoteText } from "~/components/control-note";
import { CommentThread, PostSignature, VoteControls, type PostFailure } from "~/components/post-parts";
import { AcceptForm, PostActions, PromoteForm, YourAnswer } from "~/components/question-page-parts";
import { FollowForm } from "~/components/follow-form";
import { AnswerBlocked, ModerateSection, ThreadNotices } from "~/components/moderation-parts";
import { TagList } from "~/components/question-list";
import { StaffVerifiedMark, StaffVerifyForm } from "~/components/staff-verified";
import { mentionable } from "~/domain/mentions";
import { isStaff } from "~/domain/privileges";
import { parseId } from "~/forms/limits";
import { answerForm, commentForm } from "~/forms/post-forms.server";
import { questionPageIntent, staffHelpForm } from "~/forms/question-page-intents.server";
import { failureFromServiceError, invalid, notFound, parseForm, readForm, throwAsResponse } from "~/http/responses.server";
import { getViewer, requireViewer } from "~/http/viewer.server";
import { handleModerationIntent, isModerationIntent } from "~/http/question-moderation.server";
import { getQuestionModeration } from "~/services/closing.server";
import { belongsToQuestion } from "~/services/posts.server";
import { getQuestionPage } from "~/services/question-page.server";
import { questionTitle } from "~/services/question-queries.server";
import { requireCanonicalPath } from "~/http/canonical.server";
import { pageSeo } from "~/http/page-seo.server";
import { missingPageMeta, pageMeta } from "~/lib/page-meta";
import { addComment, postAnswer } from "~/services/posting.server";
import { deletePost, restorePost } from "~/services/deletion.server";
import { promoteAnswer } from "~/services/knowledge-base.server";
import { acceptAnswer, castVote } from "~/services/voting.server";
import { setQuestionFollow } from "~/services/follows.server";
import { questionLadder, requestStaffHelp } from "~/services/escalation.server";
import { LadderBox } from "~/components/ladder-box";
import { MentionPeople } from "~/components/mention-suggestions";
import { articlePath, feedPaths, heldPostPath, logInPath, questionPath } from "~/lib/paths";
import { BookIcon, CheckIcon } from "~/components/icons";
import { HotQuestionsBox, QuestionFactsBox, RelatedBox, SideColumn } from "~/components/side-column";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That question");
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  if (url.searchParams.has("comment") && !viewer) {
    throw redirect(logInPath(url.pathname + url.search));
  }
  try {
    const page = await getQuestionPage(context.db, id, viewer, context.sharedReads);
    const path = questionPath(page.question);
    requireCanonicalPath(request, path);
    const seo = pageSeo({ title: page.question.title, path, description: page.description, type: "article", noindex: page.question.deletedAt !== null });
    const ladder = await questionLadder(context.db, ladderFacts(page), viewer);
    // Whom "@" offers while typing: everyone who wrote in this thread (the server checks the same).
    const people = mentionable([page.question.author, ...page.question.comments.map((c) => c.author), ...page.answers.flatMap((a) => [a.author, ...a.comments.map((c) => c.author)])]);
    return { ...page, seo, moderation: await getQuestionModeration(context.db, page.question, viewer), ladder, people, now: new Date().toISOString() };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const questionId = parseId(params.id);
  if (questionId === null) notFound("That question");
  const viewer = await requireViewer(request, context);
  const form = await readForm(request);
  // Back to the page's one address, whatever slug (or none) the form was posted to.
  const back = questionPath({ id: questionId, title: await questionTitle(context.db, questionId) });
  if (isModerationIntent(form)) return handleModerationIntent(context, form, { viewerId: viewer.id, questionId, back });
  const intent = questionPageIntent.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!intent.success) return invalid(form, { form: "That action is not recognised. Reload the page and try again." });
  // Back to this same page: tell Remix to reload its data even though only the #fragment differs.
  const reload = { headers: { "X-Remix-Revalidate": "yes" } };
  const input = intent.data;
  const context_ = { intent: input.intent, postId: "postId" in input ? input.postId : "answerId" in input ? input.answerId : undefined };
  try {
    switch (input.intent) {
      case "answer": {
        const parsed = parseForm(answerForm, form);
        if (!parsed.success) return invalid(form, parsed.errors, context_);
        const answer = await postAnswer(context.db, { authorId: viewer.id, questionId, body: parsed.data.body });
        if (answer.held) return redirect(heldPostPath(answer.id));
        return redirect(`${back}#answer-${answer.id}`, reload);
      }
      case "comment": {
        const parsed = parseForm(commentForm, form);
        if (!parsed.success) return invalid(form, parsed.errors, context_);
        await assertBelongsToQuestion(context, input.postId, questionId);
        const comment = await addComment(context.db, { authorId: viewer.id, postId: input.postId, body: parsed.data.body });
        return redirect(`${back}#comment-${comment.id}`, reload);
      }
      case "vote": {
        await assertBelongsToQuestion(context, input.postId, questionId);
        await castVote(context.db, { voterId: viewer.id, postId: input.postId, direction: input.direction });
        return redirect(back, reload);
      }
      case "accept":
      case "unaccept": {
        await assertBelongsToQuestion(context, input.answerId, questionId);
        await acceptAnswer(context.db, { actorId: viewer.id, answerId: input.answerId, undo: input.intent === "unaccept" });
        return redirect(`${back}#answer-${input.answerId}`, reload);
      }
      case "delete": {
        await assertBelongsToQuestion(context, input.postId, questionId);
        const deleted = await deletePost(context.db, { actorId: viewer.id, postId: input.postId });
        return redirect(deleted.type === "question" && !isStaff(viewer) ? "/" : back);
      }
      case "restore": {
        await assertBelongsToQuestion(context, input.postId, questionId);
        await restorePost(context.db, { actorId: viewer.id, postId: input.postId });
        return redirect(back, reload);
      }
      case "follow":
      case "unfollow":
        await setQuestionFollow(context.db, { userId: viewer.id, questionId, follow: input.intent === "follow" });
        return redirect(back, reload);
      case "requestStaffHelp": {
        const parsed = parseForm(staffHelpForm, form);
        if (!parsed.success) return invalid(form, parsed.errors, context_);
        await requestStaffHelp(context.db, { askerId: viewer.id, questionId, privateNote: parsed.data.privateNote });
        return redirect(`${back}#ladder`, reload);
      }
      case "promote": {
        await assertBelongsToQuestion(context, input.answerId, questionId);
        const article = await promoteAnswer(context.db, { actorId: viewer.id, answerId: input.answerId });
        return redirect(`${articlePath(article)}/edit`);
      }
    }
  } catch (error) {
    return failureFromServiceError(error, form, context_);
  }
}

/** What the ladder needs to know about the question on the page. */
function ladderFacts(page: Awaited<ReturnType<typeof getQuestionPage>>) {
  const { question } = page;
  return { id: question.id, authorId: question.author.id, createdAt: new Date(question.createdAt), answerCount: question.answerCount, solved: page.solved, closed: question.closedAt !== null, deleted: question.deletedAt !== null };
}

async function assertBelongsToQuestion(context: ActionFunctionArgs["context"], postId: number, questionId: number) {
  if (!(await belongsToQuestion(context.db, postId, questionId))) notFound("That post");
}

export { retryAfterHeaders as headers } from "~/http/headers";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.seo, { structuredData: data.structuredData, feed: { title: "Answers to this question", href: feedPaths.answers(data.question.id) } }) : missingPageMeta("Question not found"));

export default function QuestionPage() {
  const { question, answers, related, hot, solved, signedIn, following, moderation, ladder, people, now, flagCommentsAs } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as PostFailure | undefined;
  const submitting = useNavigation().state === "submitting";
  const path = questionPath(question);
  return (
    <MentionPeople.Provider value={people}>
    <div className="page with-side-column">
      <div className="main-column">
      <article className={`post post--question${question.deletedAt ? " post--deleted" : ""}`} aria-labelledby="question-title">
        {question.deletedAt ? <p className="deleted-note">This question was deleted. Only staff can see it; they can restore it.</p> : null}
        <ThreadNotices moderation={moderation} />
        <h1 id="question-title">{question.title}</h1>
        <div className="post__layout">
          <VoteControls postId={question.id} score={question.score} viewerVote={question.viewerVote} testId="question-score" failure={failure} note={question.notes.vote} returnTo={path} />
          <div className="post__main">
            <div className="prose" dangerouslySetInnerHTML={{ __html: question.bodyHtml }} />
            <TagList tags={question.tags} />
            {signedIn && !question.deletedAt ? <FollowForm following={following} what="question" /> : null}
            <div className="post__footer">
              <PostActions postId={question.id} permissions={question} edited={question.editedAt !== null} failure={failure} />
              {question.canFlag ? <FlagDisclosure postId={question.id} threadId={question.id} /> : question.notes.flag ? <ControlNoteText note={question.notes.flag} returnTo={path} /> : null}
              <PostSignature verb="asked" author={question.author} createdAt={question.createdAt} editedAt={question.editedAt} now={now} />
            </div>
            <CommentThread flagAs={flagCommentsAs} postId={question.id} comments={question.comments} canComment={question.canComment} note={question.notes.comment} returnTo={path} now={now} failure={failure} />
          </div>
        </div>
        <ModerateSection questionId={question.id} moderation={moderation} failure={failure} />
      </article>
      {ladder ? <LadderBox ladder={ladder} failure={failure} /> : null}

      <section aria-labelledby="answers-heading" className="answers">
        <h2 id="answers-heading">
          {answers.length} {answers.length === 1 ? "Answer" : "Answers"}
        </h2>
        {answers.map((answer) => (
          <article key={answer.id} id={`answer-${answer.id}`} className={`post post--answer${answer.accepted ? " post--accepted" : ""}${answer.deletedAt ? " post--deleted" : ""}`} aria-label={`Answer by ${answer.author.displayName}`}>
            {answer.deletedAt ? <p className="deleted-note">This answer was deleted. Only staff can see it; they can restore it.</p> : null}
            <div className="post__layout">
              <div className="post__side">
                <VoteControls postId={answer.id} score={answer.score} viewerVote={answer.viewerVote} testId="answer-score" failure={failure} note={answer.notes.vote} returnTo={path} />
                {answer.accepted ? (
                  <p className="accepted-mark" data-testid="accepted">
                    <CheckIcon size={14} /> Accepted
                  </p>
                ) : null}
                {answer.staffVerifiedAt ? <StaffVerifiedMark /> : null}
              </div>
              <div className="post__main">
                {answer.article ? (
                  <p className="kb-note">
                    <BookIcon size={16} />{" "}This answer is now a knowledge-base article:{" "}
                    <Link to={articlePath(answer.article)}>read it in the knowledge base</Link>
                    {answer.article.status !== "published" ? <span className="muted"> ({answer.article.status})</span> : null}
                  </p>
                ) : null}
                <div className="prose" dangerouslySetInnerHTML={{ __html: answer.bodyHtml }} />
                {answer.canPromote ? <PromoteForm answerId={answer.id} failure={failure} /> : null}
                {answer.canVerify ? <StaffVerifyForm answerId={answer.id} verified={answer.staffVerifiedAt !== null} /> : null}
                {answer.canAccept ? <AcceptForm answerId={answer.id} accepted={answer.accepted} failure={failure} /> : null}
                <div className="post__footer">
                  <PostActions postId={answer.id} permissions={answer} edited={answer.editedAt !== null} failure={failure} />
                  {answer.canFlag ? <FlagDisclosure postId={answer.id} threadId={question.id} /> : answer.notes.flag ? <ControlNoteText note={answer.notes.flag} returnTo={path} /> : null}
                  <PostSignature verb="answered" author={answer.author} createdAt={answer.createdAt} editedAt={answer.editedAt} now={now} />
                </div>
                <CommentThread flagAs={flagCommentsAs} postId={answer.id} comments={answer.comments} canComment={answer.canComment} note={answer.notes.comment} returnTo={path} now={now} failure={failure} />
              </div>
            </div>
          </article>
        ))}
      </section>

      {moderation.answerBlocked ? (
        <AnswerBlocked message={moderation.answerBlocked} />
      ) : (
        <YourAnswer path={path} signedIn={signedIn} answerCount={answers.length} failure={failure} submitting={submitting} />
      )}
      </div>
      <SideColumn label="About this question">
        <QuestionFactsBox question={{ ...question, solved, closed: question.closedAt !== null }} now={now} />
        <RelatedBox related={related} />
        <HotQuestionsBox questions={hot} />
      </SideColumn>
    </div>
    </MentionPeople.Provider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
