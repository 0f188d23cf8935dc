// Where an author lands when their new post waits for review (a brand-new account posting many
// links): it is saved, they see it, nobody else does until a reviewer approves it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MODERATION_SETTINGS } from "~/domain/moderation";
import { parseId } from "~/forms/limits";
import { notFound, throwAsResponse } from "~/http/responses.server";
import { requireViewer } from "~/http/viewer.server";
import { answerPath, questionPath } from "~/lib/paths";
import { heldPostFor } from "~/services/review.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That post");
  const viewer = await requireViewer(request, context);
  let post;
  try {
    post = await heldPostFor(context.db, id, viewer);
  } catch (error) {
    throwAsResponse(error);
  }
  const thread = { id: post.threadId, title: post.threadTitle };
  // Approved meanwhile: it is on its thread now.
  if (post.state === "live") throw redirect(post.type === "answer" ? answerPath(thread, post.id) : questionPath(thread));
  return { post: { type: post.type, bodyHtml: post.bodyHtml, threadTitle: post.threadTitle, threadPath: post.type === "answer" ? questionPath(thread) : null } };
}

export const meta: MetaFunction = () => [{ title: "Waiting for review - Peerdesk" }];

export default function HeldPostPage() {
  const { post } = useLoaderData<typeof loader>();
  const what = post.type === "answer" ? "answer" : "question";
  return (
    <div className="page page--medium">
      <h1>Your {what} is waiting for review</h1>
      <div className="card stack">
        <p role="status">
          Thank you: your {what} is saved. Because your account is new (less than {MODERATION_SETTINGS.newUserWindowHours} hours old) and it
          contains more than {MODERATION_SETTINGS.newUserMaxLinks} links, a moderator will look at it before others can see it. Nothing you wrote
          is lost; you don't need to post it again.
        </p>
        {post.threadPath ? (
          <p>
            <Link to={post.threadPath}>Back to “{post.threadTitle}”</Link>
          </p>
        ) : (
          <p>
            <Link to="/questions">Back to questions</Link>
          </p>
        )}
      </div>
      <h2>What you wrote</h2>
      {post.type === "question" ? <p className="muted">{post.threadTitle}</p> : null}
      <div className="prose card" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
