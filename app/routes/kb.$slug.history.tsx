import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RevisionList } from "~/components/revision-list";
import { canManageArticles } from "~/domain/knowledge-base";
import { notFound, throwAsResponse } from "~/http/responses.server";
import { requireViewer } from "~/http/viewer.server";
import { articleHistory, getArticleBySlug } from "~/services/kb-queries.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const decision = canManageArticles(viewer);
  if (!decision.allowed) throw data({ message: decision.message }, { status: 403 });
  const slug = params.slug ?? "";
  if (!/^[a-z0-9-]{1,90}$/.test(slug)) notFound("That article");
  try {
    const found = await getArticleBySlug(context.db, slug, viewer);
    if ("redirectTo" in found) notFound("That article");
    const article = found.article.article;
    return { article: { slug: article.slug, title: article.title }, revisions: await articleHistory(context.db, article.id), now: new Date().toISOString() };
  } catch (error) {
    throwAsResponse(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `History of “${data.article.title}” - Peerdesk` : "History - Peerdesk" }];

export default function ArticleHistoryPage() {
  const { article, revisions, now } = useLoaderData<typeof loader>();
  return (
    <div className="page page--medium">
      <h1>Article history</h1>
      <p>
        <Link to={`/kb/${article.slug}`}>Back to “{article.title}”</Link>
      </p>
      <RevisionList revisions={revisions.map((revision) => ({ ...revision, summary: revision.note }))} now={now} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
