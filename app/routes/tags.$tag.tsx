import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager, QuestionList, SortTabs } from "~/components/question-list";
import { TAG_PATTERN } from "~/forms/fields";
import { loadQuestionPage } from "~/http/question-list.server";
import { notFound } from "~/http/responses.server";
import { countQuestionsWithTag } from "~/services/question-queries.server";
import { pageSeo } from "~/http/page-seo.server";
import { missingPageMeta, pageMeta } from "~/lib/page-meta";
import { tagPath } from "~/lib/paths";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const tag = (params.tag ?? "").toLowerCase();
  if (!TAG_PATTERN.test(tag) || tag.length > 35) notFound("That tag");
  const [page, total] = await Promise.all([loadQuestionPage(context.db, request, tag), countQuestionsWithTag(context.db, tag)]);
  if (total === 0) notFound("That tag");
  const seo = pageSeo({
    title: `Questions tagged ${tag}`,
    path: `${tagPath(tag)}${page.canonicalQuery}`,
    description: `${total} ${total === 1 ? "question" : "questions"} about ${tag}, answered by the community and staff.`,
  });
  return { ...page, tag, total, seo };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.seo) : missingPageMeta("Tag not found"));

export default function TagPage() {
  const { questions, sort, nextCursor, now, tag, total } = useLoaderData<typeof loader>();
  const base = tagPath(tag);
  return (
    <div className="page">
      <div className="page-heading">
        <h1>
          Questions tagged <span className="tag tag--large">{tag}</span>
        </h1>
      </div>
      <p className="muted">
        {total} {total === 1 ? "question" : "questions"}
      </p>
      <SortTabs basePath={base} current={sort} />
      <QuestionList questions={questions} now={now} />
      <Pager basePath={base} sort={sort} nextCursor={nextCursor} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
