import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager, QuestionList, SortTabs } from "~/components/question-list";
import { loadQuestionPage } from "~/http/question-list.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadQuestionPage(context.db, request);
}

export const meta: MetaFunction = () => [
  { title: "Questions - Peerdesk" },
  { name: "description", content: "Questions and answers from the community, with staff close at hand." },
];

export default function QuestionsPage() {
  const { questions, sort, nextCursor, now } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-heading">
        <h1>{sort === "unanswered" ? "Unanswered questions" : sort === "top" ? "Top questions" : "All questions"}</h1>
      </div>
      <SortTabs basePath="/questions" current={sort} />
      <QuestionList questions={questions} now={now} />
      <Pager basePath={"/questions"} sort={sort} nextCursor={nextCursor} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
