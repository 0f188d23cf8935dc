import { forwardRef, useEffect, useRef, useState } from "react";
import type { OpenedSuggestion, Suggestion } from "~/services/ask-suggestions.server";
import { CheckIcon } from "./icons";

const DEBOUNCE_MS = 400;
const MIN_TITLE_CHARACTERS = 10;
/** The best few show at once; the rest wait behind "N more suggestions", so Body stays within reach. */
const SHOWN_FIRST = 3;

/**
 * "Already answered?" under the title of the ask form: published articles and answered questions
 * like the draft. With JavaScript the list follows the typing (debounced, stale requests
 * cancelled, the count announced politely); without it, "Check for existing answers" posts the
 * form and the server renders the same list. Each suggestion opens in a new tab (its title) or in
 * place ("Read it here": the form goes to the server, which records the opening and sends the
 * page back with the suggestion's text above the list, nothing typed lost). It sits inside the
 * ask form, so "Read it here" and "This solved my problem" are that form's submit buttons.
 */
export function AskSuggestions({
  askSession,
  draft,
  initial,
  opened,
}: {
  askSession: string;
  draft: { title: string; body: string };
  initial: Suggestion[] | null;
  opened: OpenedSuggestion | null;
}) {
  const [hydrated, setHydrated] = useState(false);
  const reader = useRef<HTMLElement>(null);
  // "Read it here" re-renders the page under the reader's hand: take the focus to what they opened.
  const openedKey = opened ? `${opened.kind}-${opened.id}` : null;
  useEffect(() => {
    if (openedKey) reader.current?.focus();
  }, [openedKey]);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(initial);
  useEffect(() => setHydrated(true), []);
  useEffect(() => setSuggestions(initial), [initial]);
  useEffect(() => {
    if (!hydrated) return;
    if (draft.title.trim().length < MIN_TITLE_CHARACTERS) {
      setSuggestions(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ session: askSession, title: draft.title, body: draft.body.slice(0, 2_000) });
      fetch(`/questions/ask/suggestions?${query}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : null))
        .then((result: { suggestions: Suggestion[] } | null) => {
          if (result) setSuggestions(result.suggestions);
        })
        .catch(() => {
          // Cancelled by newer typing, or offline: the list stays as it was.
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft.title, draft.body, askSession, hydrated]);

  const count = suggestions?.length ?? 0;
  const renderItem = (suggestion: Suggestion) => (
    <li key={`${suggestion.kind}-${suggestion.id}`} className="ask-suggestion">
      <p className="ask-suggestion__meta">
        <span className="badge badge--kind">{suggestion.kind === "article" ? "Article" : "Question"}</span>
        {suggestion.kind === "question" && suggestion.solved ? <span className="badge badge--good"><CheckIcon size={12} /> Solved</span> : null}
        {suggestion.kind === "question" && suggestion.answerCount !== null ? (
          <span className="muted">
            {suggestion.answerCount} {suggestion.answerCount === 1 ? "answer" : "answers"}
          </span>
        ) : null}
      </p>
      <a
        className="ask-suggestion__title"
        href={`/questions/ask/open?${new URLSearchParams({ session: askSession, kind: suggestion.kind, id: String(suggestion.id) })}`}
        target="_blank"
        rel="noopener"
      >
        <span dangerouslySetInnerHTML={{ __html: suggestion.titleHtml }} />
        <span className="ask-suggestion__new-tab" aria-hidden="true">
          ↗
        </span>
        <span className="visually-hidden"> (opens in a new tab)</span>
      </a>
      {suggestion.snippetHtml ? <p className="ask-suggestion__snippet" dangerouslySetInnerHTML={{ __html: suggestion.snippetHtml }} /> : null}
      <div className="ask-suggestion__actions">
        {openedKey === `${suggestion.kind}-${suggestion.id}` ? (
          <p className="muted ask-suggestion__showing">Showing above</p>
        ) : (
          <button type="submit" name="intent" value={`open:${suggestion.kind}:${suggestion.id}`} className="button button--small button--secondary" formNoValidate>
            Read it here
          </button>
        )}
        <SolvedButton target={suggestion} />
      </div>
    </li>
  );

  return (
    <section className="ask-suggestions" aria-labelledby="ask-suggestions-heading">
      <h2 id="ask-suggestions-heading" className="ask-suggestions__heading">
        Already answered?
      </h2>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {suggestions === null ? "" : count === 0 ? "No existing answers match yet." : `${count} existing ${count === 1 ? "answer" : "answers"} may help.`}
      </p>
      {opened ? <SuggestionReader ref={reader} opened={opened} /> : null}
      {suggestions === null ? (
        <p className="muted ask-suggestions__hint">
          {hydrated ? "As you type the title, articles and answered questions that may help appear here." : "Check whether your question already has an answer before you post it."}
        </p>
      ) : count === 0 ? (
        <p className="muted ask-suggestions__hint">Nothing matches yet. Go ahead and ask: people here will help.</p>
      ) : (
        <>
          <ol className="ask-suggestions__list">{suggestions.slice(0, SHOWN_FIRST).map(renderItem)}</ol>
          {count > SHOWN_FIRST ? (
            <details className="ask-suggestions__more">
              <summary>
                {count - SHOWN_FIRST} more {count - SHOWN_FIRST === 1 ? "suggestion" : "suggestions"}
              </summary>
              <ol className="ask-suggestions__list" start={SHOWN_FIRST + 1}>
                {suggestions.slice(SHOWN_FIRST).map(renderItem)}
              </ol>
            </details>
          ) : null}
        </>
      )}
      {hydrated ? null : (
        <button type="submit" name="intent" value="check" className="button button--small button--secondary" formNoValidate>
          Check for existing answers
        </button>
      )}
    </section>
  );
}

function SolvedButton({ target }: { target: { kind: string; id: number } }) {
  return (
    <button type="submit" name="intent" value={`solved:${target.kind}:${target.id}`} className="button button--small button--secondary" formNoValidate>
      This solved my problem
    </button>
  );
}

/** A suggestion opened in place: its text (a question with its best answer), and what to do next. */
const SuggestionReader = forwardRef<HTMLElement, { opened: OpenedSuggestion }>(function SuggestionReader({ opened }, ref) {
  const headingId = `ask-suggestion-reader-${opened.kind}-${opened.id}`;
  return (
    <section ref={ref} className="ask-suggestion-reader" aria-labelledby={headingId} tabIndex={-1}>
      <p className="ask-suggestion__meta">
        <span className="badge badge--kind">{opened.kind === "article" ? "Article" : "Question"}</span>
      </p>
      <h3 id={headingId} className="ask-suggestion-reader__title">
        {opened.title}
      </h3>
      <div className="prose" dangerouslySetInnerHTML={{ __html: opened.bodyHtml }} />
      {opened.answerHtml !== null ? (
        <div className="ask-suggestion-reader__answer">
          <h4 className="ask-suggestion-reader__answer-heading">{opened.answerAccepted ? "Accepted answer" : "Top answer"}</h4>
          <div className="prose" dangerouslySetInnerHTML={{ __html: opened.answerHtml }} />
        </div>
      ) : null}
      <div className="ask-suggestion__actions">
        <SolvedButton target={opened} />
        <a href={opened.path} target="_blank" rel="noopener">
          Open the full {opened.kind === "article" ? "article" : "question"}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </div>
    </section>
  );
});
