import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RevisionList } from "~/components/revision-list";
import { findArticle } from "~/http/kb-article.server";
import { notFound } from "~/http/responses.server";
import { requireViewerAllowedTo } from "~/http/viewer.server";
import { articleHistory } from "~/services/kb-queries.server";
import { articlePath } from "~/lib/paths";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireViewerAllowedTo(request, context, { type: "manageArticles" });
  const found = await findArticle(context.db, params.slug, viewer);
  if ("redirectTo" in found) notFound("That article");
  const article = found.article.article;
  return { article: { slug: article.slug, title: article.title }, revisions: await articleHistory(context.db, article.id), now: new Date().toISOString() };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `History of “${data.article.title}” - Peerdesk` : "History - Peerdesk" }];

export default function ArticleHistoryPage() {
  const { article, revisions, now } = useLoaderData<typeof loader>();
  return (
    <div className="page page--medium">
      <h1>Article history</h1>
      <p>
        <Link to={articlePath(article)}>Back to “{article.title}”</Link>
      </p>
      <RevisionList revisions={revisions.map((revision) => ({ ...revision, summary: revision.note }))} now={now} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
