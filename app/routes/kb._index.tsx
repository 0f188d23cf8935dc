import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ArticleList, KbNav } from "~/components/kb-parts";
import { isStaff } from "~/domain/privileges";
import { getViewer } from "~/http/viewer.server";
import { getKbHome } from "~/services/kb-queries.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  return { ...(await getKbHome(context.db)), staff: isStaff(viewer) };
}

export const meta: MetaFunction = () => [
  { title: "Knowledge base - Peerdesk" },
  { name: "description", content: "Answers checked by our staff, from the community's best solutions." },
];

export default function KnowledgeBaseHome() {
  const { categories, mostHelpful, newest, staff } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Knowledge base</h1>
      <p className="muted">Solutions from the community, checked by our staff.</p>
      <KbNav staff={staff} />
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Categories</h2>
        <ul className="category-grid">
          {categories.map((category) => (
            <li key={category.id}>
              <Link to={`/kb/categories/${category.slug}`} className="category-card">
                <span className="category-card__name">{category.name}</span>
                <span className="muted">
                  {category.articles} {category.articles === 1 ? "article" : "articles"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <div className="kb-columns">
        <section aria-labelledby="helpful-heading">
          <h2 id="helpful-heading">Most helpful</h2>
          <ArticleList articles={mostHelpful} />
        </section>
        <section aria-labelledby="newest-heading">
          <h2 id="newest-heading">Newest</h2>
          <ArticleList articles={newest} />
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
