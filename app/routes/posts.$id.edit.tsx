import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, TextField } from "~/components/field";
import { MarkdownEditor } from "~/components/markdown-editor";
import { LIMITS, parseId } from "~/forms/fields";
import { answerForm, editSummary, questionForm } from "~/forms/post-forms";
import { failureFromServiceError, invalid, notFound, parseForm, readForm, throwAsResponse } from "~/http/responses.server";
import { refuseUnlessAllowed, requireViewer } from "~/http/viewer.server";
import { can } from "~/domain/privileges";
import { editPost } from "~/services/posting.server";
import { getPostFacts } from "~/services/posts.server";
import { getPostForEdit } from "~/services/question-queries.server";

async function loadEditable(args: LoaderFunctionArgs) {
  const id = parseId(args.params.id);
  if (id === null) notFound("That post");
  const viewer = await requireViewer(args.request, args.context);
  let post, facts;
  try {
    post = await getPostForEdit(args.context.db, id);
    facts = await getPostFacts(args.context.db, id);
  } catch (error) {
    throwAsResponse(error);
  }
  refuseUnlessAllowed(can(viewer, { type: "edit", post: facts }));
  return { post, viewer };
}

export async function loader(args: LoaderFunctionArgs) {
  const { post } = await loadEditable(args);
  return { post: { ...post, tags: post.tags.join(", ") } };
}

export async function action(args: ActionFunctionArgs) {
  const { post, viewer } = await loadEditable(args);
  const form = await readForm(args.request);
  const parsed = parseForm(post.type === "question" ? questionForm : answerForm, form);
  const summary = editSummary.safeParse(form.get("summary") ?? undefined);
  if (!parsed.success || !summary.success) {
    return invalid(form, { ...(parsed.success ? {} : parsed.errors), ...(summary.success ? {} : { summary: summary.error.issues[0].message }) });
  }
  try {
    const result = await editPost(args.context.db, { editorId: viewer.id, postId: post.id, summary: summary.data, ...parsed.data });
    return redirect(`/questions/${result.questionId}${post.type === "answer" ? `#answer-${post.id}` : ""}`);
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit ${data.post.type === "question" ? `"${data.post.title}"` : "answer"} - Peerdesk` : "Edit - Peerdesk" },
];

export default function EditPostPage() {
  const { post } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  const values = result?.values ?? {};
  const questionId = post.type === "question" ? post.id : post.questionId;
  return (
    <div className="page page--medium">
      <h1>{post.type === "question" ? "Edit question" : "Edit answer"}</h1>
      <p className="muted">Every edit is kept in the post's history.</p>
      <Form method="post" className="stack card" noValidate>
        <FormError message={errors.form} />
        {post.type === "question" ? (
          <TextField name="title" label="Title" required maxLength={LIMITS.title.max} defaultValue={values.title ?? post.title ?? ""} error={errors.title} />
        ) : null}
        <MarkdownEditor defaultValue={values.body ?? post.bodyMarkdown} error={errors.body} rows={14} />
        {post.type === "question" ? (
          <TextField name="tags" label="Tags" required defaultValue={values.tags ?? post.tags} error={errors.tags} hint="1 to 5 tags, separated by commas or spaces." />
        ) : null}
        <TextField name="summary" label="Edit summary" maxLength={200} defaultValue={values.summary} error={errors.summary} hint="Optional: what did you change and why?" />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            Save edits
          </button>
          <Link to={`/questions/${questionId}`} className="button button--quiet">
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
