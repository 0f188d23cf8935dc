import { MentionSuggestions } from "./mention-suggestions";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { LIMITS } from "~/forms/limits";
import type { QuestionChoice } from "~/services/question-choices.server";
import { flagPath } from "~/lib/paths";
import { useEffect, useState } from "react";
import { CharacterCount } from "./character-count";
import { FormError, TextAreaField } from "./field";
import { TimeAgo } from "./time-ago";
import { UserName, type NamedUser } from "./user-name";
import { ArrowDownIcon, ArrowUpIcon } from "./icons";
import { ControlNoteText } from "./control-note";
import type { ControlNote } from "~/domain/privileges";

export interface PostFailure {
  intent?: string;
  postId?: number;
  errors: Record<string, string>;
  values: Record<string, string>;
  /** Questions to choose the original from, when words were sent instead (QuestionPicker). */
  choices?: QuestionChoice[];
}

export function VoteControls({
  postId,
  score,
  viewerVote,
  testId,
  failure,
  note = null,
  returnTo,
}: {
  postId: number;
  score: number;
  viewerVote: number;
  testId: "question-score" | "answer-score";
  failure?: PostFailure;
  /** Why voting is out of reach (the reputation it needs, or a log-in link), under the buttons. */
  note?: ControlNote | null;
  returnTo: string;
}) {
  const error = failure?.intent === "vote" && failure.postId === postId ? failure.errors.form : undefined;
  const noteId = note ? `vote-note-${postId}` : undefined;
  return (
    <div className="votes">
      <Form method="post" preventScrollReset className="votes__form">
        <input type="hidden" name="postId" value={postId} />
        <input type="hidden" name="intent" value="vote" />
        <button type="submit" name="direction" value="up" className="vote-button" aria-pressed={viewerVote === 1} aria-describedby={noteId} title="This is useful">
          <ArrowUpIcon size={20} />
          <span className="visually-hidden">Upvote</span>
        </button>
        <span className="votes__score" aria-label={`Score ${score}`}>
          <span data-testid={testId}>{score}</span>
        </span>
        <button type="submit" name="direction" value="down" className="vote-button" aria-pressed={viewerVote === -1} aria-describedby={noteId} title="This is not useful">
          <ArrowDownIcon size={20} />
          <span className="visually-hidden">Downvote</span>
        </button>
      </Form>
      {note && !error ? <ControlNoteText note={note} returnTo={returnTo} id={noteId} className="votes__note" /> : null}
      {error ? (
        <p className="votes__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface CommentView {
  id: number;
  body: string;
  createdAt: Date | string;
  author: NamedUser;
}

export function CommentThread({
  postId,
  comments,
  canComment,
  now,
  failure,
  flagAs = null,
  note = null,
  returnTo,
}: {
  postId: number;
  /** The viewer's id when they may flag comments (not their own). */
  flagAs?: number | null;
  comments: CommentView[];
  canComment: boolean;
  /** Why the viewer may not comment, where "Add a comment" would be: the reputation it needs, a log-in link, a suspension. */
  note?: ControlNote | null;
  /** This page's path: logging in comes back to it, with this post's comment form open. */
  returnTo: string;
  now: string;
  failure?: PostFailure;
}) {
  const [params] = useSearchParams();
  const failed = failure?.intent === "comment" && failure.postId === postId;
  const open = failed || params.get("comment") === String(postId);
  return (
    <div className="comments">
      {comments.length > 0 ? (
        <ul className="comments__list" aria-label="Comments">
          {comments.map((comment) => (
            <li key={comment.id} className="comment" id={`comment-${comment.id}`}>
              <span className="comment__body">{comment.body}</span> – <UserName user={comment.author} />{" "}
              <span className="muted">
                <TimeAgo date={comment.createdAt} now={now} />
              </span>
              {flagAs !== null && comment.author.id !== flagAs ? (
                <>
                  {" "}
                  <Link to={flagPath(postId, comment.id)} className="comment__flag">
                    Flag<span className="visually-hidden"> comment</span>
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {open && (canComment || failed) ? (
        <Form method="post" preventScrollReset className="comment-form stack" id={`comment-form-${postId}`}>
          <FormError message={failed ? failure?.errors.form : undefined} />
          <input type="hidden" name="intent" value="comment" />
          <input type="hidden" name="postId" value={postId} />
          <CommentBodyField postId={postId} defaultValue={failed ? failure?.values.body : undefined} error={failed ? failure?.errors.body : undefined} />
          <div className="form-actions">
            <button type="submit" className="button button--small">
              Post comment
            </button>
            <Link to="?" preventScrollReset className="button button--quiet button--small">
              Cancel
            </Link>
          </div>
        </Form>
      ) : canComment ? (
        <Form method="get" preventScrollReset className="comments__add">
          <input type="hidden" name="comment" value={postId} />
          <button type="submit" className="link-button">
            Add a comment
          </button>
        </Form>
      ) : note ? (
        <ControlNoteText note={note} returnTo={`${returnTo}?comment=${postId}`} className="comments__note" />
      ) : null}
    </div>
  );
}

export function PostSignature({
  verb,
  author,
  createdAt,
  editedAt,
  now,
}: {
  verb: "asked" | "answered";
  author: NamedUser & { reputation: number };
  createdAt: Date | string;
  editedAt: Date | string | null;
  now: string;
}) {
  return (
    <div className="signature">
      <span className="muted">
        {verb} <TimeAgo date={createdAt} now={now} />
        {editedAt ? (
          <>
            {" "}
            · edited <TimeAgo date={editedAt} now={now} />
          </>
        ) : null}
      </span>
      <UserName user={author} showReputation />
    </div>
  );
}

function CommentBodyField({ postId, defaultValue, error }: { postId: number; defaultValue?: string; error?: string }) {
  const [length, setLength] = useState(defaultValue?.length ?? 0);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <>
      <TextAreaField
        id={`comment-${postId}-body`}
        name="body"
        label="Comment"
        rows={3}
        required
        defaultValue={defaultValue}
        error={error}
        autoFocus
        onChange={(event) => setLength(event.currentTarget.value.length)}
      />
      <MentionSuggestions fieldId={`comment-${postId}-body`} />
      {hydrated ? <CharacterCount length={length} max={LIMITS.comment.max} what="The comment" /> : null}
    </>
  );
}
