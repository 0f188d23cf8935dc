// "There is a problem": at the top of a form that came back with errors, one link per field to
// the field itself (GOV.UK's error summary pattern). Focus moves here so a keyboard or screen
// reader user hears what went wrong first: by the autofocus attribute on a page loaded without
// JavaScript, and on every new set of errors with it.
import { useEffect, useRef } from "react";

export function ErrorSummary({
  errors,
  labels,
  fieldIds = {},
}: {
  errors: Record<string, string> | undefined;
  /** The form's fields in page order, with the label each is known by. Errors of other fields show last, unlinked. */
  labels: Record<string, string>;
  /** A field's element id when it is not `field-<name>`. */
  fieldIds?: Record<string, string>;
}) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors && Object.keys(errors).length > 0) summary.current?.focus();
  }, [errors]);
  if (!errors || Object.keys(errors).length === 0) return null;
  const linked = Object.keys(labels).filter((name) => errors[name]);
  // Form-wide messages (one may arrive under two names, e.g. form and baseRevision), each once.
  const unlinked = [...new Map(Object.keys(errors).filter((name) => !(name in labels)).map((name) => [errors[name], name])).values()];
  return (
    <div ref={summary} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus>
      <h2 id="error-summary-title" className="error-summary__title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {unlinked.map((name) => (
          <li key={name}>{errors[name]}</li>
        ))}
        {linked.map((name) => (
          <li key={name}>
            <a href={`#${fieldIds[name] ?? `field-${name}`}`}>
              {labels[name]}: {errors[name]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
