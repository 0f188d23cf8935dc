import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/field";
import { MarkdownEditor } from "~/components/markdown-editor";
import { CommentThread, PostSignature, VoteControls, type PostFailure } from "~/components/post-parts";
import { TagList } from "~/components/question-list";
import { can, isStaff, type Actor, type PostFacts } from "~/domain/privileges";
import { parseId } from "~/forms/fields";
import { answerForm, commentForm } from "~/forms/post-forms";
import { questionPageIntent } from "~/forms/question-page-intents";
import { failureFromServiceError, invalid, notFound, parseForm, readForm, throwAsResponse } from "~/http/responses.server";
import { getViewer, requireViewer } from "~/http/viewer.server";
import { slugify } from "~/lib/slug";
import { belongsToQuestion, getQuestionPage } from "~/services/question-queries.server";
import { addComment, postAnswer } from "~/services/posting.server";
import { deletePost, restorePost } from "~/services/deletion.server";
import { articlesForAnswers } from "~/services/kb-queries.server";
import { promoteAnswer } from "~/services/knowledge-base.server";
import { acceptAnswer, castVote } from "~/services/voting.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That question");
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  if (url.searchParams.has("comment") && !viewer) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  let page;
  try {
    page = await getQuestionPage(context.db, id, viewer?.id ?? null, { includeDeleted: isStaff(viewer) });
  } catch (error) {
    throwAsResponse(error);
  }
  const { question, answers } = page;
  const staff = isStaff(viewer);
  const articles = await articlesForAnswers(context.db, answers.map((answer) => answer.id));
  const articleFor = (answerId: number) => {
    const article = articles.get(answerId);
    return article && (staff || article.status === "published") ? article : null;
  };
  const actor: Actor | null = viewer;
  const liveAnswers = answers.filter((answer) => !answer.deletedAt).length;
  const permissions = (post: { id: number; author: { id: number }; deletedAt: Date | null }, type: "question" | "answer") => {
    const facts: PostFacts = { authorId: post.author.id, type, deleted: post.deletedAt !== null, questionAuthorId: question.author.id };
    const deletion = { accepted: post.id === question.acceptedAnswerId, answerCount: type === "question" ? liveAnswers : 0 };
    return {
      canEdit: can(actor, { type: "edit", post: facts }).allowed,
      canComment: can(actor, { type: "comment", post: facts }).allowed,
      canAccept: type === "answer" && can(actor, { type: "accept", answer: facts }).allowed,
      canDelete: can(actor, { type: "delete", post: { ...facts, ...deletion } }).allowed,
      canRestore: can(actor, { type: "restore", post: facts }).allowed,
    };
  };
  return {
    question: { ...question, ...permissions(question, "question") },
    answers: answers.map((answer) => ({
      ...answer,
      ...permissions(answer, "answer"),
      article: articleFor(answer.id),
      canPromote: staff && !answer.deletedAt && !articles.has(answer.id),
    })),
    signedIn: viewer !== null,
    now: new Date().toISOString(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const questionId = parseId(params.id);
  if (questionId === null) notFound("That question");
  const viewer = await requireViewer(request, context);
  const form = await readForm(request);
  const intent = questionPageIntent.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!intent.success) return invalid(form, { form: "That action is not recognised. Reload the page and try again." });
  const back = `/questions/${questionId}/${params.slug ?? ""}`;
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
      case "promote": {
        await assertBelongsToQuestion(context, input.answerId, questionId);
        const article = await promoteAnswer(context.db, { actorId: viewer.id, answerId: input.answerId });
        return redirect(`/kb/${article.slug}/edit`);
      }
    }
  } catch (error) {
    return failureFromServiceError(error, form, context_);
  }
}

async function assertBelongsToQuestion(context: ActionFunctionArgs["context"], postId: number, questionId: number) {
  if (!(await belongsToQuestion(context.db, postId, questionId))) notFound("That post");
}

export { retryAfterHeaders as headers } from "~/http/headers";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.question.title} - Peerdesk` : "Question not found - Peerdesk" },
  ...(data ? [{ name: "description", content: data.question.title }] : []),
];

export default function QuestionPage() {
  const { question, answers, signedIn, now } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as PostFailure | undefined;
  const submitting = useNavigation().state === "submitting";
  const answerFailure = failure?.intent === "answer" ? failure : undefined;
  const path = `/questions/${question.id}/${slugify(question.title)}`;
  return (
    <div className="page page--medium question-page">
      <article className={`post post--question${question.deletedAt ? " post--deleted" : ""}`} aria-labelledby="question-title">
        {question.deletedAt ? <p className="deleted-note">This question was deleted. Only staff can see it; they can restore it.</p> : null}
        <h1 id="question-title">{question.title}</h1>
        <div className="post__layout">
          <VoteControls postId={question.id} score={question.score} viewerVote={question.viewerVote} testId="question-score" failure={failure} />
          <div className="post__main">
            <div className="prose" dangerouslySetInnerHTML={{ __html: question.bodyHtml }} />
            <TagList tags={question.tags} />
            <div className="post__footer">
              <PostActions postId={question.id} permissions={question} edited={question.editedAt !== null} failure={failure} />
              <PostSignature verb="asked" author={question.author} createdAt={question.createdAt} editedAt={question.editedAt} now={now} />
            </div>
            <CommentThread postId={question.id} comments={question.comments} canComment={question.canComment} signedIn={signedIn} now={now} failure={failure} />
          </div>
        </div>
      </article>

      <section aria-labelledby="answers-heading" className="answers">
        <h2 id="answers-heading">
          {answers.length} {answers.length === 1 ? "Answer" : "Answers"}
        </h2>
        {answers.map((answer) => (
          <article key={answer.id} id={`answer-${answer.id}`} className={`post post--answer${answer.accepted ? " post--accepted" : ""}${answer.deletedAt ? " post--deleted" : ""}`} aria-label={`Answer by ${answer.author.displayName}`}>
            {answer.deletedAt ? <p className="deleted-note">This answer was deleted. Only staff can see it; they can restore it.</p> : null}
            <div className="post__layout">
              <div className="post__side">
                <VoteControls postId={answer.id} score={answer.score} viewerVote={answer.viewerVote} testId="answer-score" failure={failure} />
                {answer.accepted ? (
                  <p className="accepted-mark" data-testid="accepted">
                    <span aria-hidden="true">✓</span> Accepted
                  </p>
                ) : null}
              </div>
              <div className="post__main">
                {answer.article ? (
                  <p className="kb-note">
                    <span aria-hidden="true">📘 </span>This answer is now a knowledge-base article:{" "}
                    <Link to={`/kb/${answer.article.slug}`}>read it in the knowledge base</Link>
                    {answer.article.status !== "published" ? <span className="muted"> ({answer.article.status})</span> : null}
                  </p>
                ) : null}
                <div className="prose" dangerouslySetInnerHTML={{ __html: answer.bodyHtml }} />
                {answer.canPromote ? (
                  <Form method="post" className="promote-form">
                    <input type="hidden" name="intent" value="promote" />
                    <input type="hidden" name="answerId" value={answer.id} />
                    <button type="submit" className="button button--quiet button--small">
                      Promote to knowledge base
                    </button>
                    {failure?.intent === "promote" && failure.postId === answer.id ? <FormError message={failure.errors.form} /> : null}
                  </Form>
                ) : null}
                {answer.canAccept ? (
                  <Form method="post" preventScrollReset className="accept-form">
                    <input type="hidden" name="answerId" value={answer.id} />
                    {answer.accepted ? (
                      <button type="submit" name="intent" value="unaccept" className="button button--secondary button--small">
                        Undo accept
                      </button>
                    ) : (
                      <button type="submit" name="intent" value="accept" className="button button--secondary button--small">
                        Accept answer
                      </button>
                    )}
                    {(failure?.intent === "accept" || failure?.intent === "unaccept") && failure.postId === answer.id ? (
                      <FormError message={failure.errors.form} />
                    ) : null}
                  </Form>
                ) : null}
                <div className="post__footer">
                  <PostActions postId={answer.id} permissions={answer} edited={answer.editedAt !== null} failure={failure} />
                  <PostSignature verb="answered" author={answer.author} createdAt={answer.createdAt} editedAt={answer.editedAt} now={now} />
                </div>
                <CommentThread postId={answer.id} comments={answer.comments} canComment={answer.canComment} signedIn={signedIn} now={now} failure={failure} />
              </div>
            </div>
          </article>
        ))}
      </section>

      <section aria-labelledby="your-answer-heading" className="your-answer">
        <h2 id="your-answer-heading">Your answer</h2>
        {signedIn ? (
          <Form method="post" action={path} preventScrollReset className="stack" noValidate>
            <FormError message={answerFailure?.errors.form} />
            <input type="hidden" name="intent" value="answer" />
            <MarkdownEditor key={answers.length} defaultValue={answerFailure?.values.body} error={answerFailure?.errors.body} rows={8} />
            <div className="form-actions">
              <button type="submit" className="button" disabled={submitting}>
                Post your answer
              </button>
            </div>
          </Form>
        ) : (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(path)}`}>Sign in</Link> or{" "}
            <Link to={`/signup?redirectTo=${encodeURIComponent(path)}`}>create an account</Link> to answer.
          </p>
        )}
      </section>
    </div>
  );
}

function PostActions({
  postId,
  permissions,
  edited,
  failure,
}: {
  postId: number;
  permissions: { canEdit: boolean; canDelete: boolean; canRestore: boolean };
  edited: boolean;
  failure?: PostFailure;
}) {
  const error = (failure?.intent === "delete" || failure?.intent === "restore") && failure.postId === postId ? failure.errors.form : undefined;
  return (
    <div>
      <ul className="post-actions">
        {permissions.canEdit ? (
          <li>
            <Link to={`/posts/${postId}/edit`}>Edit</Link>
          </li>
        ) : null}
        {edited ? (
          <li>
            <Link to={`/posts/${postId}/history`}>History</Link>
          </li>
        ) : null}
        {permissions.canDelete || permissions.canRestore ? (
          <li>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="postId" value={postId} />
              <button type="submit" name="intent" value={permissions.canRestore ? "restore" : "delete"} className="link-button">
                {permissions.canRestore ? "Restore" : "Delete"}
              </button>
            </Form>
          </li>
        ) : null}
      </ul>
      <FormError message={error} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
