import { useEffect, useState } from "react";
import type { Suggestion } from "~/services/ask-suggestions.server";

const DEBOUNCE_MS = 400;
const MIN_TITLE_CHARACTERS = 10;

/**
 * "Already answered?" under the title of the ask form: published articles and answered questions
 * like the draft. With JavaScript the list follows the typing (debounced, stale requests
 * cancelled, the count announced politely); without it, "Check for existing answers" posts the
 * form and the server renders the same list. It sits inside the ask form, so "This solved my
 * problem" is one of that form's submit buttons.
 */
export function AskSuggestions({
  askSession,
  draft,
  initial,
}: {
  askSession: string;
  draft: { title: string; body: string };
  initial: Suggestion[] | null;
}) {
  const [hydrated, setHydrated] = useState(false);
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
  return (
    <section className="ask-suggestions" aria-labelledby="ask-suggestions-heading">
      <h2 id="ask-suggestions-heading" className="ask-suggestions__heading">
        Already answered?
      </h2>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {suggestions === null ? "" : count === 0 ? "No existing answers match yet." : `${count} existing ${count === 1 ? "answer" : "answers"} may help.`}
      </p>
      {suggestions === null ? (
        <p className="muted ask-suggestions__hint">
          {hydrated ? "As you type the title, articles and answered questions that may help appear here." : "Check whether your question already has an answer before you post it."}
        </p>
      ) : count === 0 ? (
        <p className="muted ask-suggestions__hint">Nothing matches yet. Go ahead and ask: people here will help.</p>
      ) : (
        <ol className="ask-suggestions__list">
          {suggestions.map((suggestion) => (
            <li key={`${suggestion.kind}-${suggestion.id}`} className="ask-suggestion">
              <p className="ask-suggestion__meta">
                <span className="badge badge--kind">{suggestion.kind === "article" ? "Article" : "Question"}</span>
                {suggestion.kind === "question" && suggestion.solved ? <span className="badge badge--good">✓ Solved</span> : null}
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
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
              {suggestion.snippetHtml ? <p className="ask-suggestion__snippet" dangerouslySetInnerHTML={{ __html: suggestion.snippetHtml }} /> : null}
              <button type="submit" name="intent" value={`solved:${suggestion.kind}:${suggestion.id}`} className="button button--small button--secondary" formNoValidate>
                This solved my problem
              </button>
            </li>
          ))}
        </ol>
      )}
      {hydrated ? null : (
        <button type="submit" name="intent" value="check" className="button button--small button--secondary" formNoValidate>
          Check for existing answers
        </button>
      )}
    </section>
  );
}
