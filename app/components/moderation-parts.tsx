// What moderation shows on the question page: the duplicate banner, the closed and locked notices,
// why there is no answer form, and the "Moderate" section (close or reopen votes, lock).
import { Form, Link } from "@remix-run/react";
import { ControlNoteText } from "./control-note";
import type { ControlNote } from "~/domain/privileges";
import { CLOSE_REASONS, CLOSE_REASON_LABELS, type CloseReason } from "~/domain/moderation";
import { questionPath } from "~/lib/paths";
import { FormError, SelectField, TextField } from "./field";
import type { PostFailure } from "./post-parts";
import { QuestionPicker } from "./question-picker";

export interface ThreadModeration {
  closed: boolean;
  closeReason: CloseReason | null;
  closedAt: string | Date | null;
  closedBy: { community: boolean; name: string | null } | null;
  duplicateOf: { id: number; title: string } | null;
  locked: boolean;
  answerBlocked: string | null;
  /** Where "Moderate" would be: the reputation voting to close needs. */
  closeNote: ControlNote | null;
  panel: {
    staff: boolean;
    kind: "close" | "reopen";
    canVote: boolean;
    canLock: boolean;
    votes: number;
    needed: number;
    viewerVoted: boolean;
  } | null;
}

function day(value: string | Date) {
  return new Date(value).toISOString().slice(0, 10);
}

/** Above the question: what a reader needs to know before reading on. */
export function ThreadNotices({ moderation }: { moderation: ThreadModeration }) {
  const { duplicateOf, closed, closeReason, closedAt, closedBy, locked } = moderation;
  return (
    <>
      {duplicateOf ? (
        <p className="notice notice--duplicate" data-testid="duplicate-banner">
          This question already has an answer here: <Link to={questionPath(duplicateOf)}>{duplicateOf.title}</Link>
        </p>
      ) : null}
      {closed && closeReason ? (
        <p className="notice" data-testid="closed-notice">
          <strong>Closed</strong> as {CLOSE_REASON_LABELS[closeReason].toLowerCase()}
          {closedBy?.community ? " by community vote" : closedBy?.name ? <> by <bdi>{closedBy.name}</bdi></> : null}
          {closedAt ? <> on {day(closedAt)}</> : null}. It takes no new answers.
          {closeReason === "duplicate" ? null : " It can be reopened once it is improved."}
        </p>
      ) : null}
      {locked ? (
        <p className="notice" data-testid="locked-notice">
          <strong>Locked:</strong> staff have locked this thread. It takes no new answers, comments or votes.
        </p>
      ) : null}
    </>
  );
}

/** In place of the answer form: why there is none. */
export function AnswerBlocked({ message }: { message: string }) {
  return (
    <section aria-labelledby="your-answer-heading" className="your-answer">
      <h2 id="your-answer-heading">Your answer</h2>
      <p className="notice" data-testid="answer-blocked">
        {message}
      </p>
    </section>
  );
}

function failureOf(failure: PostFailure | undefined, intents: string[]) {
  return failure && intents.includes(failure.intent ?? "") ? failure : undefined;
}

/** The "Moderate" disclosure: for members with the close privilege and for staff. */
export function ModerateSection({ questionId, moderation, failure }: { questionId: number; moderation: ThreadModeration; failure?: PostFailure }) {
  const panel = moderation.panel;
  if (!panel) return moderation.closeNote ? <ControlNoteText note={moderation.closeNote} className="moderate-note" /> : null;
  const closeFailure = failureOf(failure, ["close", "reopen"]);
  const lockFailure = failureOf(failure, ["lock", "unlock"]);
  const open = closeFailure !== undefined || lockFailure !== undefined;
  const tally = `${panel.votes} of ${panel.needed} votes`;
  return (
    <details id="moderate" className="moderate card" open={open || undefined}>
      <summary>Moderate</summary>
      <div className="stack">
        {panel.canVote && panel.kind === "close" ? (
          <Form method="post" preventScrollReset className="stack" noValidate>
            <h3 className="moderate__heading">{panel.staff ? "Close this question" : "Vote to close"}</h3>
            {!panel.staff ? <p className="muted">{panel.viewerVoted ? `You have voted to close (${tally}).` : `${tally} so far; ${panel.needed} close it.`}</p> : null}
            <FormError message={closeFailure?.errors.form} />
            <SelectField id="close-reason" name="reason" label="Close reason" error={closeFailure?.errors.reason} defaultValue={closeFailure?.values.reason ?? ""}>
              <option value="">Choose a reason</option>
              {CLOSE_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {CLOSE_REASON_LABELS[reason]}
                </option>
              ))}
            </SelectField>
            <QuestionPicker
              idPrefix="close"
              label="Original question"
              hint="For a duplicate: type words from the original's title and choose it from the list, or paste its link or number."
              typed={closeFailure?.values.duplicateOf ?? ""}
              chosenId={closeFailure?.values.duplicateOfId}
              error={closeFailure?.errors.duplicateOf}
              choices={closeFailure?.choices}
              excludeId={questionId}
            />
            <div className="form-actions">
              <button type="submit" name="intent" value="close" className="button button--secondary" disabled={panel.viewerVoted}>
                {panel.staff ? "Close question" : "Vote to close"}
              </button>
            </div>
          </Form>
        ) : null}
        {panel.canVote && panel.kind === "reopen" ? (
          <Form method="post" preventScrollReset className="stack">
            <h3 className="moderate__heading">{panel.staff ? "Reopen this question" : "Vote to reopen"}</h3>
            {!panel.staff ? <p className="muted">{panel.viewerVoted ? `You have voted to reopen (${tally}).` : `${tally} so far; ${panel.needed} reopen it.`}</p> : null}
            <FormError message={closeFailure?.errors.form} />
            <div className="form-actions">
              <button type="submit" name="intent" value="reopen" className="button button--secondary" disabled={panel.viewerVoted}>
                {panel.staff ? "Reopen question" : "Vote to reopen"}
              </button>
            </div>
          </Form>
        ) : null}
        {panel.canLock ? (
          <Form method="post" preventScrollReset className="stack">
            <h3 className="moderate__heading">{moderation.locked ? "Unlock this thread" : "Lock this thread"}</h3>
            <FormError message={lockFailure?.errors.form} />
            <TextField id="lock-note" name="note" label="Note for the staff log" hint="Optional: why." maxLength={500} defaultValue={lockFailure?.values.note ?? ""} />
            <div className="form-actions">
              <button type="submit" name="intent" value={moderation.locked ? "unlock" : "lock"} className="button button--secondary">
                {moderation.locked ? "Unlock thread" : "Lock thread"}
              </button>
            </div>
          </Form>
        ) : null}
      </div>
    </details>
  );
}
