import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SelectField, TextField } from "~/components/field";
import { MarkdownEditor } from "~/components/markdown-editor";
import { LIMITS } from "~/forms/fields";
import { articleForm } from "~/forms/kb-forms";
import { findArticle } from "~/http/kb-article.server";
import { failureFromServiceError, invalid, parseForm, readForm } from "~/http/responses.server";
import { requireViewerAllowedTo } from "~/http/viewer.server";
import { updateArticle } from "~/services/knowledge-base.server";
import { listCategories } from "~/services/kb-queries.server";

async function loadForStaff({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireViewerAllowedTo(request, context, { type: "manageArticles" });
  const found = await findArticle(context.db, params.slug, viewer);
  if ("redirectTo" in found) throw redirect(`${found.redirectTo}/edit`);
  return { viewer, article: found.article.article };
}

export async function loader(args: LoaderFunctionArgs) {
  const { article } = await loadForStaff(args);
  return {
    article: { slug: article.slug, title: article.title, bodyMarkdown: article.bodyMarkdown, categoryId: article.categoryId, status: article.status },
    categories: await listCategories(args.context.db),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { viewer, article } = await loadForStaff(args);
  const form = await readForm(args.request);
  const parsed = parseForm(articleForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    const { slug } = await updateArticle(args.context.db, { actorId: viewer.id, articleId: article.id, ...parsed.data });
    return redirect(`/kb/${slug}`);
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit “${data.article.title}” - Knowledge base - Peerdesk` : "Edit article - Peerdesk" }];

export default function EditArticlePage() {
  const { article, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="page page--medium">
      <h1>Edit article</h1>
      <p className="muted">Every save is kept in the article's history. {article.status === "draft" ? "Customers see it once you publish it." : null}</p>
      <Form method="post" className="stack card" noValidate>
        <FormError message={errors.form} />
        <TextField name="title" label="Title" required maxLength={LIMITS.title.max} defaultValue={values.title ?? article.title} error={errors.title} />
        <SelectField name="categoryId" label="Category" defaultValue={values.categoryId ?? (article.categoryId ? String(article.categoryId) : "")} error={errors.categoryId}>
          <option value="">No category yet</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </SelectField>
        <MarkdownEditor defaultValue={values.body ?? article.bodyMarkdown} error={errors.body} rows={16} />
        <TextField name="note" label="Edit note" maxLength={200} defaultValue={values.note} error={errors.note} hint="Optional: what changed and why." />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            Save edits
          </button>
          <Link to={`/kb/${article.slug}`} className="button button--quiet">
            Cancel
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
