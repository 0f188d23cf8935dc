// Flag a question, answer or comment. The question page's "Flag" disclosure posts here; without
// JavaScript, or after a refused flag, this page shows the form again with what was typed.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FlagFields } from "~/components/flag-parts";
import { flagForm } from "~/forms/flag-forms.server";
import { parseId } from "~/forms/limits";
import { failureFromServiceError, invalid, notFound, parseForm, readForm, throwAsResponse } from "~/http/responses.server";
import { askToPickQuestion } from "~/http/question-pick.server";
import { requireViewer } from "~/http/viewer.server";
import { answerPath, flagPath, questionPath } from "~/lib/paths";
import { flagPost, flagTarget } from "~/services/flags.server";
import styles from "../styles/moderation-flags.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

function commentParam(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("comment");
  return raw === null ? null : parseId(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That post");
  await requireViewer(request, context);
  const url = new URL(request.url);
  const commentId = commentParam(request);
  if (url.searchParams.has("comment") && commentId === null) notFound("That comment");
  try {
    const target = await flagTarget(context.db, id, commentId);
    return { target, sent: url.searchParams.get("sent") === "1" };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const postId = parseId(params.id);
  if (postId === null) notFound("That post");
  const viewer = await requireViewer(request, context);
  const form = await readForm(request);
  const parsed = parseForm(flagForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  const { commentId, duplicateOf, ...flag } = parsed.data;
  if (duplicateOf && duplicateOf.kind !== "id") {
    const target = await flagTarget(context.db, postId, commentId).catch(throwAsResponse);
    return askToPickQuestion(context, form, duplicateOf, { excludeId: target.threadId });
  }
  try {
    await flagPost(context.db, { flaggerId: viewer.id, postId, commentId, duplicateOfId: duplicateOf?.id ?? null, ...flag });
    return redirect(`${flagPath(postId, commentId)}${commentId ? "&" : "?"}sent=1`);
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export const meta: MetaFunction = () => [{ title: "Flag - Peerdesk" }];

export default function FlagPage() {
  const { target, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const thread = { id: target.threadId, title: target.threadTitle };
  const backTo = target.type === "answer" ? answerPath(thread, target.id) : questionPath(thread);
  const what = target.comment ? "comment" : target.type;
  if (sent) {
    return (
      <div className="page page--medium">
        <h1>Thank you for flagging</h1>
        <div className="card stack">
          <p role="status">Your flag is recorded. Staff and reviewers will look at this {what}; your profile shows what became of your flags.</p>
          <p>
            <Link to={backTo}>Back to “{target.threadTitle}”</Link>
          </p>
        </div>
      </div>
    );
  }
  const excerpt = target.comment ? target.comment.body : target.bodyMarkdown.slice(0, 400);
  return (
    <div className="page page--medium">
      <h1>Flag this {what}</h1>
      <p className="muted">
        In <Link to={backTo}>“{target.threadTitle}”</Link>:
      </p>
      <blockquote className="flag-excerpt">{excerpt}{!target.comment && target.bodyMarkdown.length > 400 ? "…" : ""}</blockquote>
      <Form method="post" className="stack card" noValidate>
        <FlagFields idPrefix="flag" values={result?.values} errors={result?.errors} choices={result?.choices} commentId={target.comment?.id} threadId={target.threadId} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            Send flag
          </button>
          <Link to={backTo} className="button button--quiet">
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
