// As someone types "@Pri" in an answer or a comment, the people of the thread whose names match
// are offered as buttons under the field; choosing one writes their handle. Without JavaScript
// nothing is offered and typing the handle works the same (the server matches it).
import { createContext, useContext, useEffect, useState } from "react";

/** The thread's people (asker, answerers, commenters) with their handles, provided by the question page (mentionable()). */
export const MentionPeople = createContext<{ id: number; displayName: string; handle: string }[]>([]);

const MAX_SUGGESTIONS = 5;
// The "@partial" just before the caret.
const PARTIAL = /(?:^|[^\p{L}\p{N}._%+-])@([\p{L}\p{N}]{1,60})$/u;

function partialAtCaret(field: HTMLTextAreaElement): string | null {
  if (field.selectionStart !== field.selectionEnd) return null;
  return PARTIAL.exec(field.value.slice(0, field.selectionStart))?.[1] ?? null;
}

/** Writes into a React-controlled field as typing would, so its onChange runs. */
function replaceBeforeCaret(field: HTMLTextAreaElement, removeChars: number, insert: string) {
  const caret = field.selectionStart;
  const next = field.value.slice(0, caret - removeChars) + insert + field.value.slice(caret);
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(field, next);
  field.dispatchEvent(new Event("input", { bubbles: true }));
  const at = caret - removeChars + insert.length;
  field.focus();
  field.setSelectionRange(at, at);
}

export function MentionSuggestions({ fieldId }: { fieldId: string }) {
  const people = useContext(MentionPeople);
  const [partial, setPartial] = useState<string | null>(null);
  useEffect(() => {
    const field = document.getElementById(fieldId);
    if (!(field instanceof HTMLTextAreaElement) || people.length === 0) return;
    const update = () => setPartial(partialAtCaret(field));
    field.addEventListener("input", update);
    field.addEventListener("keyup", update);
    field.addEventListener("click", update);
    return () => {
      field.removeEventListener("input", update);
      field.removeEventListener("keyup", update);
      field.removeEventListener("click", update);
    };
  }, [fieldId, people.length]);
  if (partial === null) return null;
  const wanted = partial.toLocaleLowerCase("en");
  const matches = people
    .filter((person) => person.handle.toLocaleLowerCase("en").startsWith(wanted) || person.displayName.toLocaleLowerCase("en").includes(wanted))
    .slice(0, MAX_SUGGESTIONS);
  if (matches.length === 0) return null;
  return (
    <div className="mention-suggestions" role="group" aria-label="Mention someone in this thread">
      <p className="visually-hidden" role="status">
        {matches.length === 1 ? "1 person in this thread matches" : `${matches.length} people in this thread match`}; Tab to choose.
      </p>
      {matches.map((person) => (
        <button
          key={person.id}
          type="button"
          className="button button--quiet button--small"
          onClick={() => {
            const field = document.getElementById(fieldId) as HTMLTextAreaElement;
            replaceBeforeCaret(field, partial.length, `${person.handle} `);
            setPartial(null);
          }}
        >
          @{person.handle}
          {person.handle !== person.displayName ? <span className="muted"> ({person.displayName})</span> : null}
        </button>
      ))}
    </div>
  );
}
