import { MentionSuggestions } from "./mention-suggestions";
import { useEffect, useState } from "react";
import { LIMITS } from "~/forms/limits";
import { CharacterCount } from "./character-count";
import { TextAreaField } from "./field";

/**
 * A markdown textarea with a live preview rendered by the server's own renderer. Without
 * JavaScript the form's "Preview" button shows the same preview after a round trip.
 */
export function MarkdownEditor({
  name = "body",
  label = "Body",
  defaultValue,
  error,
  serverPreviewHtml,
  rows = 10,
  hint = "Markdown: **bold**, `code`, ``` for code blocks, - lists, [links](https://…).",
}: {
  name?: string;
  label?: string;
  defaultValue?: string;
  error?: string;
  serverPreviewHtml?: string | null;
  rows?: number;
  hint?: string;
}) {
  const [draft, setDraft] = useState(defaultValue ?? "");
  const [previewHtml, setPreviewHtml] = useState<string | null>(null);
  // Why the live preview stopped following the draft (signed out, draft too large), if it did.
  const [previewNote, setPreviewNote] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (!hydrated || !draft.trim()) return;
    // A plain fetch, not a Remix fetcher: a fetcher's POST would make Remix reload the page's
    // data after every keystroke pause, racing the real form submission.
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch("/markdown-preview", { method: "POST", body: new URLSearchParams({ body: draft }), signal: controller.signal })
        .then(async (response) => {
          const result = (await response.json().catch(() => null)) as { html?: unknown; message?: unknown } | null;
          if (response.ok && typeof result?.html === "string") {
            setPreviewHtml(result.html);
            setPreviewNote(null);
          } else {
            const reason = typeof result?.message === "string" ? ` ${result.message}` : "";
            setPreviewNote(`The preview could not be updated.${reason}`);
          }
        })
        .catch(() => {
          // Aborted by newer typing, or offline: the preview simply stays as it was.
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft, hydrated]);

  const html = hydrated ? (draft.trim() ? (previewHtml ?? serverPreviewHtml ?? "") : "") : (serverPreviewHtml ?? "");
  const note = hydrated && draft.trim() ? previewNote : null;
  const id = `field-${name}`;
  return (
    <div className="markdown-editor">
      <TextAreaField
        id={id}
        name={name}
        label={label}
        rows={rows}
        required
        defaultValue={defaultValue}
        error={error}
        hint={hint}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
      <MentionSuggestions fieldId={id} />
      {hydrated ? <CharacterCount length={draft.length} max={LIMITS.body.max} what={label} /> : null}
      {html || hydrated ? (
        <section className="preview" aria-label="Preview" aria-live="polite">
          <h2 className="preview__heading">Preview</h2>
          {note ? <p className="muted">{note}</p> : null}
          {html ? <div className="prose" dangerouslySetInnerHTML={{ __html: html }} /> : note ? null : <p className="muted">Start typing to see a preview.</p>}
        </section>
      ) : null}
    </div>
  );
}
