import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager, QuestionList, SortTabs } from "~/components/question-list";
import { HotQuestionsBox, PopularTagsBox, SideColumn } from "~/components/side-column";
import { loadQuestionPage } from "~/http/question-list.server";
import { listPageSideColumn } from "~/services/side-column.server";
import { pageSeo } from "~/http/page-seo.server";
import { missingPageMeta, pageMeta } from "~/lib/page-meta";
import { feedPaths } from "~/lib/paths";

const LIST_TITLES = { newest: "Questions", active: "Active questions", unanswered: "Unanswered questions", top: "Top questions" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await loadQuestionPage(context.db, request);
  // `/` and `/questions` show the same list: both name `/` as the one to index.
  const path = page.canonicalQuery ? `/questions${page.canonicalQuery}` : "/";
  const seo = pageSeo({ title: LIST_TITLES[page.sort], path, description: "Questions and answers from the community, with staff close at hand." });
  return { ...page, seo, side: await listPageSideColumn(context.db, context.sharedReads) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.seo, { feed: { title: "Newest questions", href: feedPaths.questions } }) : missingPageMeta("Questions"));

export default function QuestionsPage() {
  const { questions, sort, nextCursor, now, side } = useLoaderData<typeof loader>();
  return (
    <div className="page with-side-column">
      <div className="main-column">
        <div className="page-heading">
          <h1>{sort === "unanswered" ? "Unanswered questions" : sort === "top" ? "Top questions" : "All questions"}</h1>
        </div>
        <SortTabs basePath="/questions" current={sort} />
        <QuestionList questions={questions} now={now} />
        <Pager basePath={"/questions"} sort={sort} nextCursor={nextCursor} />
      </div>
      <SideColumn label="Around the community">
        <HotQuestionsBox questions={side.hot} />
        <PopularTagsBox tags={side.popularTags} />
      </SideColumn>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
