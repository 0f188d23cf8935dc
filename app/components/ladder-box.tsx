// Where a question stands on the escalation ladder, for its asker (and for staff): who has it
// now, when it goes further, and when staff will have looked at it; the asker's "Request staff
// help" with a private note. Nobody else sees this box.
import { Form } from "@remix-run/react";
import type { PostFailure } from "~/components/post-parts";
import { TextAreaField, FormError } from "~/components/field";
import { PRIVATE_NOTE_MAX, type LadderPosition } from "~/domain/escalation";
import { formatDateTime } from "~/lib/format";

type Dated<T> = { [K in keyof T]: T[K] extends Date ? Date | string : T[K] };
type Position = LadderPosition extends infer P ? (P extends unknown ? Dated<P> : never) : never;

const at = (date: Date | string) => formatDateTime(new Date(date));

function whereItStands(position: Position, forAsker: boolean): string {
  const whose = forAsker ? "your question" : "this question";
  switch (position.stage) {
    case "community":
      return `The community has ${whose} first. If nobody answers by ${at(position.expertsAt)}, it is offered to experts in its tags.`;
    case "experts":
      return `Nobody in the community has answered yet, so ${whose} is offered to experts in its tags. If none of them answers by ${at(position.staffQueueAt)}, it goes to staff.`;
    case "staff":
      return position.requested ? `${forAsker ? "You asked" : "The asker asked"} for staff help: ${whose} is in the staff queue.` : `Nobody has answered ${whose} yet, so it is in the staff queue.`;
  }
}

export function LadderBox({
  ladder,
  failure,
}: {
  ladder: { position: Position | null; privateNote: string | null; canRequestStaff: boolean; forAsker: boolean };
  failure?: PostFailure;
}) {
  const { position, privateNote, canRequestStaff, forAsker } = ladder;
  if (!position && !canRequestStaff && !privateNote) return null;
  const mine = failure?.intent === "requestStaffHelp" ? failure : undefined;
  return (
    <section id="ladder" className="ladder-box" aria-labelledby="ladder-heading">
      <h2 id="ladder-heading" className="ladder-box__heading">
        {forAsker ? "Where your question stands" : "Where this question stands"}
      </h2>
      {position ? (
        <>
          <p>{whereItStands(position, forAsker)}</p>
          <p className="ladder-box__due">
            {position.stage === "staff" && position.overdue ? (
              <strong>Staff are late: they were due to look at this by {at(position.staffBy)}.</strong>
            ) : (
              <strong>Staff will look at this by {at(position.staffBy)}.</strong>
            )}
          </p>
        </>
      ) : null}
      {privateNote ? (
        <div className="ladder-box__note">
          <h3 className="ladder-box__note-heading">{forAsker ? "Your private note for staff" : "The asker's private note"}</h3>
          <p className="muted">Only {forAsker ? "you" : "the asker"} and staff see this.</p>
          <p className="ladder-box__note-text">{privateNote}</p>
        </div>
      ) : null}
      {canRequestStaff ? (
        <details className="ladder-box__request" open={mine ? true : undefined}>
          <summary>Need staff? (account problems, outages, money taken in error)</summary>
          <Form method="post" className="stack" noValidate preventScrollReset>
            <FormError message={mine?.errors.form} />
            <TextAreaField
              name="privateNote"
              label="Private note for staff (optional)"
              hint="Order numbers, account ids: only you and staff will see this, never other members, search or emails."
              rows={3}
              maxLength={PRIVATE_NOTE_MAX}
              defaultValue={mine?.values.privateNote ?? ""}
              error={mine?.errors.privateNote}
            />
            <div className="form-actions">
              <button type="submit" name="intent" value="requestStaffHelp" className="button button--secondary">
                Request staff help
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
