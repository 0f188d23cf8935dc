import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { feedLink } from "~/lib/page-meta";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ArticleList, KbNav, KbSearchForm } from "~/components/kb-parts";
import { getViewer } from "~/http/viewer.server";
import { articleSearchPath, feedPaths } from "~/lib/paths";
import { getKbHome } from "~/services/kb-queries.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The search box posts here (a plain GET form cannot add the operator): send it on to /search.
  const q = new URL(request.url).searchParams.get("q")?.trim();
  if (q) throw redirect(articleSearchPath(q.slice(0, 500)));
  return getKbHome(context.db, await getViewer(request, context));
}

export const meta: MetaFunction = () => [
  { title: "Knowledge base - Peerdesk" },
  { name: "description", content: "Answers checked by our staff, from the community's best solutions." },
  feedLink({ title: "Newest knowledge-base articles", href: feedPaths.knowledgeBase }),
];

export default function KnowledgeBaseHome() {
  const { categories, mostHelpful, newest, staff } = useLoaderData<typeof loader>();
  const nothingYet = mostHelpful.length === 0 && newest.length === 0;
  return (
    <div className="page">
      <h1>Knowledge base</h1>
      <p className="muted">Solutions from the community, checked by our staff.</p>
      <KbSearchForm />
      <KbNav staff={staff} current="home" />
      {categories.length > 0 ? (
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading">Categories</h2>
          <ul className="category-grid">
            {categories.map((category) => (
              <li key={category.id}>
                <Link to={`/kb/categories/${category.slug}`} className={category.empty ? "category-card category-card--empty" : "category-card"}>
                  <span className="category-card__name">{category.name}</span>
                  <span className="muted">{category.empty ? "Empty: customers do not see it" : `${category.articles} ${category.articles === 1 ? "article" : "articles"}`}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {nothingYet ? (
        <p className="muted">No articles yet.</p>
      ) : (
        <div className="kb-columns">
          {mostHelpful.length > 0 ? (
            <section aria-labelledby="helpful-heading">
              <h2 id="helpful-heading">Most helpful</h2>
              <ArticleList articles={mostHelpful} />
            </section>
          ) : null}
          {newest.length > 0 ? (
            <section aria-labelledby="newest-heading">
              <h2 id="newest-heading">Newest</h2>
              <ArticleList articles={newest} />
            </section>
          ) : null}
        </div>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
