// The question page's per-post forms: edit/history/delete links, accept, promote, and the answer form.
import { Form, Link, useSearchParams } from "@remix-run/react";
import { logInPath, signUpPath } from "~/lib/paths";
import { FormError } from "./field";
import { ControlNoteText } from "./control-note";
import type { ControlNote } from "~/domain/privileges";
import { MarkdownEditor } from "./markdown-editor";
import type { PostFailure } from "./post-parts";

function failureFor(failure: PostFailure | undefined, intents: string[], postId: number) {
  return failure && intents.includes(failure.intent ?? "") && failure.postId === postId ? failure.errors.form : undefined;
}

/** "Delete this post?": the step between Delete and deleting, so a slip of the finger costs nothing. */
function DeleteConfirmation({ postId }: { postId: number }) {
  return (
    <div className="delete-confirmation" role="group" aria-labelledby={`delete-${postId}-question`}>
      <p id={`delete-${postId}-question`}>
        <strong>Delete this post?</strong> Customers will no longer see it; staff can restore it.
      </p>
      <div className="form-actions">
        <Form method="post" preventScrollReset>
          <input type="hidden" name="postId" value={postId} />
          <button type="submit" name="intent" value="delete" className="button button--small button--danger" autoFocus>
            Yes, delete
          </button>
        </Form>
        <Link to="?" preventScrollReset className="button button--small button--quiet">
          Cancel
        </Link>
      </div>
    </div>
  );
}

export function PostActions({
  postId,
  permissions,
  edited,
  failure,
}: {
  postId: number;
  permissions: { canEdit: boolean; canDelete: boolean; canRestore: boolean; notes: { edit: ControlNote | null } };
  edited: boolean;
  failure?: PostFailure;
}) {
  const [params] = useSearchParams();
  const confirming = params.get("delete") === String(postId);
  return (
    <div>
      <ul className="post-actions">
        {permissions.canEdit ? (
          <li>
            <Link to={`/posts/${postId}/edit`}>Edit</Link>
          </li>
        ) : permissions.notes.edit ? (
          <ControlNoteText as="li" note={permissions.notes.edit} />
        ) : null}
        {edited ? (
          <li>
            <Link to={`/posts/${postId}/history`}>History</Link>
          </li>
        ) : null}
        {permissions.canRestore ? (
          <li>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="postId" value={postId} />
              <button type="submit" name="intent" value="restore" className="link-button">
                Restore
              </button>
            </Form>
          </li>
        ) : permissions.canDelete && !confirming ? (
          <li>
            {/* A GET to ?delete=ID: the confirmation below, with or without JavaScript. */}
            <Form method="get" preventScrollReset>
              <input type="hidden" name="delete" value={postId} />
              <button type="submit" className="link-button">
                Delete
              </button>
            </Form>
          </li>
        ) : null}
      </ul>
      {permissions.canDelete && confirming ? <DeleteConfirmation postId={postId} /> : null}
      <FormError message={failureFor(failure, ["delete", "restore"], postId)} />
    </div>
  );
}

export function PromoteForm({ answerId, failure }: { answerId: number; failure?: PostFailure }) {
  return (
    <Form method="post" className="promote-form">
      <input type="hidden" name="intent" value="promote" />
      <input type="hidden" name="answerId" value={answerId} />
      <button type="submit" className="button button--quiet button--small">
        Promote to knowledge base
      </button>
      <FormError message={failureFor(failure, ["promote"], answerId)} />
    </Form>
  );
}

export function AcceptForm({ answerId, accepted, failure }: { answerId: number; accepted: boolean; failure?: PostFailure }) {
  return (
    <Form method="post" preventScrollReset className="accept-form">
      <input type="hidden" name="answerId" value={answerId} />
      {accepted ? (
        <button type="submit" name="intent" value="unaccept" className="button button--secondary button--small">
          Undo accept
        </button>
      ) : (
        <button type="submit" name="intent" value="accept" className="button button--secondary button--small">
          Accept answer
        </button>
      )}
      <FormError message={failureFor(failure, ["accept", "unaccept"], answerId)} />
    </Form>
  );
}

/** The answer form at the foot of the thread, or an invitation to log in. */
export function YourAnswer({
  path,
  signedIn,
  answerCount,
  failure,
  submitting,
}: {
  path: string;
  signedIn: boolean;
  answerCount: number;
  failure?: PostFailure;
  submitting: boolean;
}) {
  const answerFailure = failure?.intent === "answer" ? failure : undefined;
  return (
    <section aria-labelledby="your-answer-heading" className="your-answer">
      <h2 id="your-answer-heading">Your answer</h2>
      {signedIn ? (
        <Form method="post" action={path} preventScrollReset className="stack" noValidate>
          <FormError message={answerFailure?.errors.form} />
          <input type="hidden" name="intent" value="answer" />
          <MarkdownEditor key={answerCount} defaultValue={answerFailure?.values.body} error={answerFailure?.errors.body} rows={8} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={submitting}>
              Post your answer
            </button>
          </div>
        </Form>
      ) : (
        <p>
          <Link to={logInPath(path)}>Log in</Link> or <Link to={signUpPath(path)}>sign up</Link> to answer.
        </p>
      )}
    </section>
  );
}
