import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, TextField } from "~/components/field";
import { MarkdownEditor } from "~/components/markdown-editor";
import { LIMITS } from "~/forms/fields";
import { questionForm } from "~/forms/post-forms";
import { failureFromServiceError, formValues, invalid, parseForm, readForm } from "~/http/responses.server";
import { requireViewer } from "~/http/viewer.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { askQuestion } from "~/services/posting.server";
import { questionPath } from "~/lib/paths";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireViewer(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const form = await readForm(request);
  if (form.get("intent") === "preview") {
    const body = String(form.get("body") ?? "").slice(0, LIMITS.body.max);
    return { ok: false as const, errors: {}, values: formValues(form), previewHtml: renderMarkdown(body.replace(/\u0000/g, "")) };
  }
  const parsed = parseForm(questionForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    const question = await askQuestion(context.db, { authorId: viewer.id, ...parsed.data });
    return redirect(questionPath({ id: question.id, title: parsed.data.title }));
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export { retryAfterHeaders as headers } from "~/http/headers";

export const meta: MetaFunction = () => [{ title: "Ask a question - Peerdesk" }];

export default function AskPage() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  const values = result?.values ?? {};
  const previewHtml = result && "previewHtml" in result ? result.previewHtml : null;
  return (
    <div className="page page--medium">
      <h1>Ask a question</h1>
      <p className="muted">Describe what you tried and what happened. Customers and staff will help.</p>
      <Form method="post" className="stack card" noValidate>
        <FormError message={errors.form} />
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
