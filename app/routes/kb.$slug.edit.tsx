import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EditConflict, conflictIn } from "~/components/edit-conflict";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SelectField, TextField } from "~/components/field";
import { MarkdownEditor } from "~/components/markdown-editor";
import { LIMITS } from "~/forms/limits";
import { articleEditForm } from "~/forms/kb-forms.server";
import { editFailure } from "~/http/edit-conflict.server";
import { parseArticleSlug } from "~/http/kb-article.server";
import { invalid, parseForm, readForm, throwAsResponse } from "~/http/responses.server";
import { requireViewerAllowedTo } from "~/http/viewer.server";
import { articlePath } from "~/lib/paths";
import { getArticleEditForm } from "~/services/edit-forms.server";
import { saveAndPublishArticle, updateArticle } from "~/services/knowledge-base.server";

/** The article behind this URL and its form, for staff (an old slug is followed). */
async function editable({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireViewerAllowedTo(request, context, { type: "manageArticles" });
  const slug = parseArticleSlug(params.slug);
  let found;
  try {
    found = await getArticleEditForm(context.db, slug, viewer);
  } catch (error) {
    throwAsResponse(error);
  }
  if ("redirectTo" in found) throw redirect(`${found.redirectTo}/edit`);
  return { viewer, ...found.form };
}

export async function loader(args: LoaderFunctionArgs) {
  const { article, categories, baseRevision, mayPublish } = await editable(args);
  return { article, categories, baseRevision, mayPublish };
}

export async function action(args: ActionFunctionArgs) {
  const { viewer, article } = await editable(args);
  const form = await readForm(args.request);
  const parsed = parseForm(articleEditForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  const { intent, ...edit } = parsed.data;
  try {
    const save = intent === "publish" ? saveAndPublishArticle : updateArticle;
    const { slug } = await save(args.context.db, { actorId: viewer.id, articleId: article.id, ...edit });
    return redirect(articlePath({ slug }));
  } catch (error) {
    return editFailure(error, form);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit “${data.article.title}” - Knowledge base - Peerdesk` : "Edit article - Peerdesk" }];

export default function EditArticlePage() {
  const { article, categories, baseRevision, mayPublish } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const conflict = conflictIn(result);
  return (
    <div className="page page--medium">
      <h1>Edit article</h1>
      <p className="muted">Every save is kept in the article's history. {article.status === "draft" ? "Customers see it once you publish it." : null}</p>
      {conflict ? <EditConflict conflict={conflict} /> : null}
      <Form method="post" className="stack card" noValidate>
        <FormError message={errors.form ?? errors.baseRevision} />
        {/* After a conflict, the revision the user has now seen: saving again replaces it. */}
        <input type="hidden" name="baseRevision" value={values.baseRevision ?? String(baseRevision)} />
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
        <TextField name="note" label="Edit note" maxLength={LIMITS.editNote.max} defaultValue={values.note} error={errors.note} hint="Optional: what changed and why." />
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className={mayPublish ? "button button--secondary" : "button"} disabled={busy}>
            Save edits
          </button>
          {mayPublish ? (
            <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
              Save and publish
            </button>
          ) : null}
          <Link to={articlePath(article)} className="button button--quiet">
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
