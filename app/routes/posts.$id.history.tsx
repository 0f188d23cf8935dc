import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RevisionList } from "~/components/revision-list";
import { parseId } from "~/forms/limits";
import { notFound, throwAsResponse } from "~/http/responses.server";
import { getRevisionHistory } from "~/services/question-queries.server";
import { answerPath, questionPath } from "~/lib/paths";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That post");
  try {
    const history = await getRevisionHistory(context.db, id);
    return { ...history, now: new Date().toISOString() };
  } catch (error) {
    throwAsResponse(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `History of ${data.post.type === "question" ? `"${data.questionTitle}"` : `an answer to "${data.questionTitle}"`} - Peerdesk` : "History - Peerdesk" },
];

export default function HistoryPage() {
  const { post, questionTitle, revisions, now } = useLoaderData<typeof loader>();
  const questionId = post.type === "question" ? post.id : post.questionId;
  return (
    <div className="page page--medium">
      <h1>{post.type === "question" ? "Question history" : "Answer history"}</h1>
      <p>
        <Link to={post.type === "answer" ? answerPath({ id: questionId!, title: questionTitle }, post.id) : questionPath({ id: questionId!, title: questionTitle })}>Back to “{questionTitle}”</Link>
      </p>
      <RevisionList revisions={revisions} now={now} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
