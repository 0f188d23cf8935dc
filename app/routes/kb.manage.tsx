import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LineDiff } from "~/components/edit-conflict";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { KbNav } from "~/components/kb-parts";
import { TimeAgo } from "~/components/time-ago";
import { reviewReasonLabel } from "~/domain/knowledge-base";
import { requireViewerAllowedTo } from "~/http/viewer.server";
import { listArticlesForStaff, reviewList } from "~/services/kb-queries.server";
import { articlePath } from "~/lib/paths";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireViewerAllowedTo(request, context, { type: "manageArticles" });
  const now = new Date();
  const [articles, review] = await Promise.all([listArticlesForStaff(context.db, now), reviewList(context.db, now)]);
  return { articles, review, now: now.toISOString() };
}

export const meta: MetaFunction = () => [{ title: "Manage knowledge base - Peerdesk" }];

export default function ManageKnowledgeBase() {
  const { articles, review, now } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Manage knowledge base</h1>
      <KbNav staff current="manage" />
      <section aria-labelledby="review-heading" id="review">
        <h2 id="review-heading">Needs review ({review.length})</h2>
        {review.length === 0 ? <p className="muted">Every published article is up to date.</p> : null}
        {review.map((article) => (
          <div key={article.id} className="card review-item">
            <h3>
              <Link to={articlePath(article)}>{article.title}</Link>
            </h3>
            <p className="muted">
              {article.reviewReasons.map(reviewReasonLabel).join("; ")} · last verified{" "}
              {article.lastVerifiedAt ? <TimeAgo date={article.lastVerifiedAt} now={now} /> : "never"}
            </p>
            {article.diff.length > 0 ? <LineDiff parts={article.diff} label={`Changes to the source answer of ${article.title}`} /> : null}
          </div>
        ))}
      </section>
      <section aria-labelledby="all-heading">
        <h2 id="all-heading">All articles</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="all-heading">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Status</th>
                <th scope="col">Category</th>
                <th scope="col">Views</th>
                <th scope="col">Helpful</th>
                <th scope="col">Not helpful</th>
                <th scope="col">Comments</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr key={article.id}>
                  <td>
                    <Link to={articlePath(article)}>{article.title}</Link>
                    {article.reviewReasons.length > 0 ? <span className="badge badge--warn">Needs review</span> : null}
                  </td>
                  <td>{article.status}</td>
                  <td>{article.categoryName ?? "—"}</td>
                  <td>{article.views}</td>
                  <td>{article.helpfulYes}</td>
                  <td>{article.helpfulNo}</td>
                  <td>{article.comments}</td>
                  <td>
                    <TimeAgo date={article.updatedAt} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
