// Flagging: the form's fields (on the flag page and in the question page's "Flag" disclosure)
// and the disclosure itself. A <details> with a plain form: it works without JavaScript.
import { Form, Link } from "@remix-run/react";
import { FLAG_KINDS, FLAG_KIND_LABELS, type FlagKind } from "~/domain/moderation";
import { FLAG_LIMITS } from "~/forms/limits";
import { answerPath, flagPath, questionPath } from "~/lib/paths";
import { TimeAgo } from "./time-ago";
import type { QuestionChoice } from "~/services/question-choices.server";
import { FormError, TextAreaField } from "./field";
import { QuestionPicker } from "./question-picker";

const KIND_HINTS: Partial<Record<FlagKind, string>> = {
  spam: "Advertising or links that have nothing to do with the question.",
  abusive: "Rude, hateful or harassing.",
  needs_staff: "Something only staff can fix: private data, a billing problem.",
  duplicate: "The same question was asked before.",
  other: "Tell us below.",
};

export function FlagFields({
  idPrefix,
  values = {},
  errors = {},
  commentId,
  choices,
  threadId,
}: {
  idPrefix: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  commentId?: number | null;
  /** Questions matching the words sent as the original (see QuestionPicker). */
  choices?: QuestionChoice[];
  /** The flagged post's question, never offered as its own original. */
  threadId?: number;
}) {
  return (
    <>
      <FormError message={errors.form} />
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      <fieldset className={`flag-kinds${errors.kind ? " field--invalid" : ""}`} aria-describedby={errors.kind ? `${idPrefix}-kind-error` : undefined}>
        <legend>What is wrong?</legend>
        {FLAG_KINDS.map((kind) => (
          <div key={kind} className="flag-kind">
            <input type="radio" id={`${idPrefix}-kind-${kind}`} name="kind" value={kind} defaultChecked={values.kind === kind} />
            <label htmlFor={`${idPrefix}-kind-${kind}`}>
              {FLAG_KIND_LABELS[kind]}
              {KIND_HINTS[kind] ? <span className="field__hint"> {KIND_HINTS[kind]}</span> : null}
            </label>
          </div>
        ))}
        {errors.kind ? (
          <p id={`${idPrefix}-kind-error`} className="field__error">
            {errors.kind}
          </p>
        ) : null}
      </fieldset>
      <QuestionPicker
        idPrefix={idPrefix}
        label="Original question (for a duplicate)"
        typed={values.duplicateOf}
        chosenId={values.duplicateOfId}
        error={errors.duplicateOf}
        choices={choices}
        excludeId={threadId}
      />
      <TextAreaField
        id={`${idPrefix}-reason`}
        name="reason"
        label="Details for staff"
        hint="Optional, except for “Something else”."
        defaultValue={values.reason}
        error={errors.reason}
        maxLength={FLAG_LIMITS.reason.max}
        rows={3}
      />
    </>
  );
}

/** "Flag" under a question or answer: opens a small form that posts to the flag page. */
export function FlagDisclosure({ postId, threadId }: { postId: number; threadId: number }) {
  return (
    <details className="flag-disclosure">
      <summary>Flag</summary>
      <Form method="post" action={flagPath(postId)} className="stack flag-disclosure__form">
        <FlagFields idPrefix={`flag-${postId}`} threadId={threadId} />
        <button type="submit" className="button button--small">
          Send flag
        </button>
      </Form>
    </details>
  );
}

const FLAG_STATUS_LABELS = { open: "Open", helpful: "Helpful", declined: "Declined" } as const;

export interface FlagHistoryItem {
  id: number;
  kind: FlagKind;
  reason: string | null;
  status: keyof typeof FLAG_STATUS_LABELS;
  createdAt: Date | string;
  postId: number;
  commentId: number | null;
  threadId: number;
  threadTitle: string | null;
}

/** A member's flags and what became of each: on their own profile, and for staff. */
export function FlagHistory({ flags, own, now }: { flags: FlagHistoryItem[]; own: boolean; now: string }) {
  return (
    <section aria-labelledby="flags-heading" className="card">
      <h2 id="flags-heading">{own ? "Your flags" : "Flags raised"}</h2>
      <p className="muted">{own ? "Only you and staff see this." : "Visible to staff and to this member."}</p>
      {flags.length === 0 ? (
        <p className="muted">No flags yet.</p>
      ) : (
        <ul className="plain-list">
          {flags.map((flag) => (
            <li key={flag.id}>
              <span className={`badge ${flag.status === "helpful" ? "badge--good" : flag.status === "declined" ? "badge--warn" : "badge--kind"}`}>
                {FLAG_STATUS_LABELS[flag.status]}
              </span>{" "}
              {FLAG_KIND_LABELS[flag.kind]} on {flag.commentId ? "a comment in " : flag.postId === flag.threadId ? "" : "an answer to "}
              <Link to={flag.postId === flag.threadId || flag.commentId ? questionPath({ id: flag.threadId, title: flag.threadTitle }) : answerPath({ id: flag.threadId, title: flag.threadTitle }, flag.postId)}>
                “{flag.threadTitle}”
              </Link>{" "}
              <span className="muted">
                <TimeAgo date={flag.createdAt} now={now} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
