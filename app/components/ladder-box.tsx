// Where a question stands on the escalation ladder, for its asker (and for staff): who has it
// now, when it goes further, and when staff will have looked at it; the asker's "Request staff
// help" with a private note. Nobody else sees this box.
import { Form } from "@remix-run/react";
import type { PostFailure } from "~/components/post-parts";
import { TextAreaField, FormError } from "~/components/field";
import { LIMITS } from "~/forms/limits";

export function LadderBox({
  ladder,
  failure,
}: {
  ladder: { status: { where: string; due: string; late: boolean } | null; privateNote: string | null; canRequestStaff: boolean; forAsker: boolean };
  failure?: PostFailure;
}) {
  const { status, privateNote, canRequestStaff, forAsker } = ladder;
  if (!status && !canRequestStaff && !privateNote) return null;
  const mine = failure?.intent === "requestStaffHelp" ? failure : undefined;
  return (
    <section id="ladder" className="ladder-box" aria-labelledby="ladder-heading">
      <h2 id="ladder-heading" className="ladder-box__heading">
        {forAsker ? "Where your question stands" : "Where this question stands"}
      </h2>
      {status ? (
        <>
          <p>{status.where}</p>
          <p className="ladder-box__due">
            <strong>{status.due}</strong>
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
              maxLength={LIMITS.privateNote.max}
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
