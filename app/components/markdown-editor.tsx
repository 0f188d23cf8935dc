import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { LIMITS } from "~/forms/fields";
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
  const fetcher = useFetcher<{ html: string }>();
  const [draft, setDraft] = useState(defaultValue ?? "");
  const [hydrated, setHydrated] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (!hydrated) return;
    clearTimeout(timer.current);
    if (!draft.trim()) return;
    timer.current = setTimeout(() => {
      fetcher.submit({ body: draft }, { method: "post", action: "/markdown-preview" });
    }, 300);
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, hydrated]);

  const html = hydrated ? (draft.trim() ? (fetcher.data?.html ?? serverPreviewHtml ?? "") : "") : (serverPreviewHtml ?? "");
  const id = `field-${name}`;
  return (
    <div className="markdown-editor">
      <TextAreaField
        id={id}
        name={name}
        label={label}
        rows={rows}
        required
        maxLength={LIMITS.body.max}
        defaultValue={defaultValue}
        error={error}
        hint={hint}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
      {html || hydrated ? (
        <section className="preview" aria-label="Preview" aria-live="polite">
          <h2 className="preview__heading">Preview</h2>
          {html ? <div className="prose" dangerouslySetInnerHTML={{ __html: html }} /> : <p className="muted">Start typing to see a preview.</p>}
        </section>
      ) : null}
    </div>
  );
}
