// "Original question": a field for words from its title, or its link or number, and the matching
// questions as radio buttons to choose from. Without JavaScript, words sent with the form come back
// as that list (app/http/question-pick.server.ts); with it, the list follows the typing.
import { useEffect, useState } from "react";
import { PICK_MIN_WORD_CHARACTERS, readQuestionPick } from "~/forms/question-pick";
import type { QuestionChoice } from "~/services/question-choices.server";
import { TextField } from "./field";

const DEBOUNCE_MS = 350;

export function QuestionPicker({
  idPrefix,
  label,
  hint = "Type words from its title and choose it from the list, or paste its link or number.",
  typed = "",
  chosenId,
  error,
  choices: sentChoices,
  excludeId,
}: {
  idPrefix: string;
  label: string;
  hint?: string;
  typed?: string;
  chosenId?: string;
  error?: string;
  /** The list the server sent back with the form (words were sent instead of a question). */
  choices?: QuestionChoice[];
  /** The question being closed or flagged: never offered as its own original. */
  excludeId?: number;
}) {
  const [text, setText] = useState(typed);
  const [edited, setEdited] = useState(false);
  const [liveChoices, setLiveChoices] = useState<QuestionChoice[] | null>(null);
  useEffect(() => {
    setText(typed);
    setEdited(false);
  }, [typed, sentChoices]);
  useEffect(() => {
    if (!edited) return;
    const pick = readQuestionPick(text);
    if (pick.kind !== "words" || pick.words.length < PICK_MIN_WORD_CHARACTERS) {
      setLiveChoices(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ q: pick.words, ...(excludeId ? { exclude: String(excludeId) } : {}) });
      fetch(`/questions/lookup?${query}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : null))
        .then((result: { choices: QuestionChoice[] } | null) => {
          if (result) setLiveChoices(result.choices);
        })
        .catch(() => {
          // Cancelled by newer typing, or offline: sending the form still finds the questions.
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, edited, excludeId]);

  const choices = edited ? liveChoices : (sentChoices ?? null);
  return (
    <div className="question-picker">
      <TextField
        id={`${idPrefix}-duplicateOf`}
        name="duplicateOf"
        label={label}
        hint={hint}
        error={error}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setEdited(true);
        }}
        maxLength={500}
        autoComplete="off"
      />
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {edited && liveChoices !== null ? (liveChoices.length === 0 ? "No question matches yet." : `${liveChoices.length} matching ${liveChoices.length === 1 ? "question" : "questions"} below.`) : ""}
      </p>
      {choices && choices.length > 0 ? (
        <fieldset className="question-choices">
          <legend>Matching questions</legend>
          <ul className="plain-list">
            {choices.map((choice) => (
              <li key={choice.id} className="question-choice">
                <input type="radio" id={`${idPrefix}-choice-${choice.id}`} name="duplicateOfId" value={choice.id} defaultChecked={chosenId === String(choice.id)} />
                <label htmlFor={`${idPrefix}-choice-${choice.id}`}>
                  <span className="question-choice__title" dangerouslySetInnerHTML={{ __html: choice.titleHtml }} />
                  <span className="question-choice__meta muted">
                    #{choice.id} · {choice.answerCount} {choice.answerCount === 1 ? "answer" : "answers"}
                    {choice.solved ? " · ✓ Solved" : ""}
                  </span>
                </label>
                <a href={choice.url} target="_blank" rel="noopener" className="question-choice__open">
                  Open<span className="visually-hidden"> “{choice.title}” in a new tab</span>
                </a>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
    </div>
  );
}
