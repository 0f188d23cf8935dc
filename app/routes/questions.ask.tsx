import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { AskSuggestions } from "~/components/ask-suggestions";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/field";
import { MarkdownEditor } from "~/components/markdown-editor";
import { SuspendedNotice } from "~/components/suspension-parts";
import { can, explainRefusal } from "~/domain/privileges";
import { askIntent, askSessionField } from "~/forms/ask-forms.server";
import { LIMITS } from "~/forms/limits";
import { questionForm } from "~/forms/post-forms.server";
import { failureFromServiceError, formValues, invalid, parseForm, readForm } from "~/http/responses.server";
import { requireViewer } from "~/http/viewer.server";
import { heldPostPath, questionPath } from "~/lib/paths";
import { renderMarkdown } from "~/lib/markdown.server";
import { markSuggestionSolved, readSuggestionHere, suggestForDraft } from "~/services/ask-suggestions.server";
import { askQuestion } from "~/services/posting.server";
import { generateSessionToken } from "~/services/sessions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  // A suspended member sees why instead of a form they could not send.
  const decision = can(viewer, { type: "ask" });
  const suspended = !decision.allowed && decision.reason === "suspended" ? explainRefusal(decision) : null;
  // One visit to this page is one ask session: the suggestions it shows and what became of them.
  return { askSession: generateSessionToken(), suspended };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const form = await readForm(request);
  const askSession = askSessionField.parse(form.get("askSession") ?? undefined);
  const pressed = askIntent(form.get("intent"));
  if (!pressed) return invalid(form, { form: "That button is not one of this form's. Please try again." });
  try {
    switch (pressed.intent) {
      case "preview": {
        const body = String(form.get("body") ?? "").slice(0, LIMITS.body.max);
        return { ok: false as const, errors: {}, values: formValues(form), previewHtml: renderMarkdown(body) };
      }
      case "check": {
        const title = String(form.get("title") ?? "");
        const suggestions = askSession ? await suggestForDraft(context.db, { userId: viewer.id, askSession, title, body: String(form.get("body") ?? "") }) : [];
        return { ok: false as const, errors: {}, values: formValues(form), suggestions };
      }
      case "open": {
        if (!askSession) return invalid(form, { form: "Reload the ask page and try again." });
        const draft = { title: String(form.get("title") ?? ""), body: String(form.get("body") ?? "") };
        const { opened, suggestions } = await readSuggestionHere(context.db, { userId: viewer.id, askSession, ...draft, target: pressed.target });
        return { ok: false as const, errors: {}, values: formValues(form), suggestions, opened };
      }
      case "solved": {
        if (!askSession) return invalid(form, { form: "Reload the ask page and try again." });
        const solved = await markSuggestionSolved(context.db, { userId: viewer.id, askSession, target: pressed.target });
        return { ok: true as const, errors: {}, values: {}, solved };
      }
      case "post": {
        const parsed = parseForm(questionForm, form);
        if (!parsed.success) return invalid(form, parsed.errors);
        const question = await askQuestion(context.db, { authorId: viewer.id, ...parsed.data, askSession });
        return redirect(question.held ? heldPostPath(question.id) : questionPath({ id: question.id, title: parsed.data.title }));
      }
    }
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export { retryAfterHeaders as headers } from "~/http/headers";

export const meta: MetaFunction = () => [{ title: "Ask a question - Peerdesk" }];

export default function AskPage() {
  const { askSession: freshSession, suspended } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const previewHtml = result && "previewHtml" in result ? result.previewHtml : null;
  const checked = (result && "suggestions" in result ? result.suggestions : null) ?? null;
  const solved = result && "solved" in result ? result.solved : undefined;
  const opened = (result && "opened" in result ? result.opened : null) ?? null;
  const askSession = values.askSession || freshSession;
  const [draft, setDraft] = useState({ title: values.title ?? "", body: values.body ?? "" });

  if (solved) {
    return (
      <div className="page page--medium">
        <h1>Glad that solved it</h1>
        <div className="card stack">
          <p>
            “<Link to={solved.path}>{solved.title}</Link>” answered your question, so nothing was posted. Thank you for telling us: it
            helps the next customer with the same problem.
          </p>
          <p>
            <Link to="/questions">Back to questions</Link> · <Link to="/questions/ask" reloadDocument>Ask a different question</Link>
          </p>
        </div>
      </div>
    );
  }

  if (suspended) {
    return (
      <div className="page page--medium">
        <h1>Ask a question</h1>
        <SuspendedNotice message={suspended} />
      </div>
    );
  }

  return (
    <div className="page page--medium">
      <h1>Ask a question</h1>
      <p className="muted">Describe what you tried and what happened. Customers and staff will help.</p>
      <Form
        method="post"
        className="stack card"
        noValidate
        onChange={(event) => {
          const field = event.target as HTMLInputElement | HTMLTextAreaElement;
          if (field.name === "title" || field.name === "body") setDraft((current) => ({ ...current, [field.name]: field.value }));
        }}
      >
        <ErrorSummary errors={result?.errors} labels={{ title: "Title", body: "Body", tags: "Tags" }} />
        <input type="hidden" name="askSession" value={askSession} />
        <TextField
          name="title"
          label="Title"
          required
          minLength={LIMITS.title.min}
          maxLength={LIMITS.title.max}
          defaultValue={values.title}
          error={errors.title}
          hint="One sentence a customer with the same problem would search for."
        />
        <AskSuggestions askSession={askSession} draft={draft} initial={checked} opened={opened} />
        <MarkdownEditor defaultValue={values.body} error={errors.body} serverPreviewHtml={previewHtml} rows={12} />
        <TextField
          name="tags"
          label="Tags"
          required
          defaultValue={values.tags}
          error={errors.tags}
          hint="1 to 5 tags, separated by commas or spaces, for example: invoices, exports"
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            Post your question
          </button>
          <button type="submit" name="intent" value="preview" className="button button--secondary" formNoValidate>
            Preview
          </button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
