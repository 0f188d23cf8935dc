import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EditConflict, conflictIn } from "~/components/edit-conflict";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/field";
import { MarkdownEditor } from "~/components/markdown-editor";
import { LIMITS, parseId } from "~/forms/limits";
import { postEditForms } from "~/forms/post-forms.server";
import { editFailure } from "~/http/edit-conflict.server";
import { invalid, notFound, parseForm, readForm, throwAsResponse } from "~/http/responses.server";
import { requireViewer } from "~/http/viewer.server";
import { answerPath, questionPath } from "~/lib/paths";
import { getPostEditForm } from "~/services/edit-forms.server";
import { editPost } from "~/services/posting.server";

/** The post behind this URL, if the signed-in viewer may edit it (404/403 otherwise). */
async function editable({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That post");
  const viewer = await requireViewer(request, context);
  try {
    return { viewer, ...(await getPostEditForm(context.db, id, viewer)) };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function loader(args: LoaderFunctionArgs) {
  const { post, baseRevision } = await editable(args);
  return { post: { ...post, tags: post.tags.join(", ") }, baseRevision };
}

export async function action(args: ActionFunctionArgs) {
  const { post, viewer } = await editable(args);
  const form = await readForm(args.request);
  const parsed = parseForm(postEditForms[post.type], form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    const result = await editPost(args.context.db, { editorId: viewer.id, postId: post.id, ...parsed.data });
    // The title as saved, so the redirect lands on the thread's address with its (possibly new) slug.
    const question = { id: result.questionId, title: "title" in parsed.data && parsed.data.title ? parsed.data.title : post.questionTitle };
    return redirect(post.type === "answer" ? answerPath(question, post.id) : questionPath(question));
  } catch (error) {
    return editFailure(error, form);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit ${data.post.type === "question" ? `"${data.post.title}"` : "answer"} - Peerdesk` : "Edit - Peerdesk" },
];

export default function EditPostPage() {
  const { post, baseRevision } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const conflict = conflictIn(result);
  const questionId = post.type === "question" ? post.id : post.questionId!;
  return (
    <div className="page page--medium">
      <h1>{post.type === "question" ? "Edit question" : "Edit answer"}</h1>
      <p className="muted">Every edit is kept in the post's history.</p>
      {conflict ? <EditConflict conflict={conflict} /> : null}
      <Form method="post" className="stack card" noValidate>
        <ErrorSummary errors={result?.errors} labels={{ title: "Title", body: "Body", tags: "Tags", summary: "Edit summary" }} />
        {/* After a conflict, the revision the user has now seen: saving again replaces it. */}
        <input type="hidden" name="baseRevision" value={values.baseRevision ?? String(baseRevision)} />
        {post.type === "question" ? (
          <TextField name="title" label="Title" required maxLength={LIMITS.title.max} defaultValue={values.title ?? post.title ?? ""} error={errors.title} />
        ) : null}
        <MarkdownEditor defaultValue={values.body ?? post.bodyMarkdown} error={errors.body} rows={14} />
        {post.type === "question" ? (
          <TextField name="tags" label="Tags" required defaultValue={values.tags ?? post.tags} error={errors.tags} hint="1 to 5 tags, separated by commas or spaces." />
        ) : null}
        <TextField name="summary" label="Edit summary" maxLength={LIMITS.editNote.max} defaultValue={values.summary} error={errors.summary} hint="Optional: what did you change and why?" />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            Save edits
          </button>
          <Link to={questionPath({ id: questionId })} className="button button--quiet">
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
