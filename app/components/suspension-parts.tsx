// Suspensions as people see them: the section on a profile (staff suspend or lift; the member
// sees why and until when) and the notice that stands where a form would be.
import { Form } from "@remix-run/react";
import { MODERATION_SETTINGS } from "~/domain/moderation";
import { FormError, TextAreaField, TextField } from "./field";

interface SuspensionFailure {
  intent?: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

function utc(value: string | Date) {
  return new Date(value).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

export function SuspendSection({
  panel,
  failure,
}: {
  panel: { canSuspend: boolean; current: { reason: string; startsAt: string | Date; endsAt: string | Date } | null };
  failure?: SuspensionFailure;
}) {
  const suspendFailure = failure?.intent === "suspend" ? failure : undefined;
  const liftFailure = failure?.intent === "liftSuspension" ? failure : undefined;
  return (
    <section id="suspend" aria-labelledby="suspend-heading" className="card suspend stack">
      <h2 id="suspend-heading">Suspension</h2>
      {panel.current ? (
        <p className="notice" data-testid="suspension-status">
          Suspended until {utc(panel.current.endsAt)}. Reason: {panel.current.reason}
        </p>
      ) : (
        <p className="muted">Not suspended.</p>
      )}
      {panel.canSuspend && panel.current ? (
        <Form method="post" className="stack">
          <FormError message={liftFailure?.errors.form} />
          <input type="hidden" name="intent" value="liftSuspension" />
          <TextField id="lift-note" name="note" label="Note for the staff log" hint="Optional: why it ends early." maxLength={500} />
          <div className="form-actions">
            <button type="submit" className="button button--secondary">
              Lift suspension
            </button>
          </div>
        </Form>
      ) : null}
      {panel.canSuspend ? (
        <Form method="post" className="stack" noValidate>
          <h3>{panel.current ? "Replace with a new suspension" : "Suspend this member"}</h3>
          <p className="muted">They can still read and log in, but cannot post, comment, vote or flag until it ends.</p>
          <FormError message={suspendFailure?.errors.form} />
          <input type="hidden" name="intent" value="suspend" />
          <TextField
            id="suspend-days"
            name="days"
            label="Days"
            type="number"
            inputMode="numeric"
            min={1}
            max={MODERATION_SETTINGS.maxSuspensionDays}
            hint={`From 1 to ${MODERATION_SETTINGS.maxSuspensionDays}.`}
            error={suspendFailure?.errors.days}
            defaultValue={suspendFailure?.values.days ?? "7"}
          />
          <TextAreaField
            id="suspend-reason"
            name="reason"
            label="Reason (the member sees this)"
            rows={3}
            maxLength={500}
            error={suspendFailure?.errors.reason}
            defaultValue={suspendFailure?.values.reason ?? ""}
          />
          <div className="form-actions">
            <button type="submit" className="button button--danger">
              Suspend
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

/** Where a form would be, for a member who is suspended: the reason and when it ends. */
export function SuspendedNotice({ message }: { message: string }) {
  return (
    <p className="notice" role="status" data-testid="suspended-notice">
      {message}
    </p>
  );
}
