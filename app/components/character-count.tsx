// How much of a long text's limit is used, shown as the limit nears. The field carries no
// maxlength: a browser would cut a pasted text silently at the limit, and the person would
// post a truncated answer without knowing. Over the limit the server refuses it with a message
// instead, and everything typed stays in the form.
import { formatCount } from "~/lib/format";

/** The counter appears once this share of the limit is used. */
const SHOWN_FROM = 0.8;

export function CharacterCount({ length, max, what }: { length: number; max: number; what: string }) {
  const over = length > max;
  const shown = length >= max * SHOWN_FROM;
  return (
    <>
      {shown ? (
        <p className={`char-count${over ? " char-count--over" : ""}`} data-testid="char-count">
          {over ? `${formatCount(length - max)} ${length - max === 1 ? "character" : "characters"} over the limit of ${formatCount(max)}: shorten it before posting.` : `${formatCount(length)} of ${formatCount(max)} characters`}
        </p>
      ) : null}
      {/* Announced once as the limit is crossed, not on every keystroke. */}
      <p className="visually-hidden" aria-live="polite">
        {over ? `${what} is over the limit of ${formatCount(max)} characters.` : ""}
      </p>
    </>
  );
}
