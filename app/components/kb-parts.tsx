import { Form, Link } from "@remix-run/react";
import { articlePath } from "~/lib/paths";

export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  helpfulYes: number;
  helpfulNo: number;
  categoryName: string | null;
}

export function ArticleList({ articles, empty = "No articles yet." }: { articles: ArticleSummary[]; empty?: string }) {
  if (articles.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.id} className="article-card">
          <h3 className="article-card__title">
            <Link to={articlePath(article)}>{article.title}</Link>
          </h3>
          <p className="article-card__excerpt">{article.excerpt}</p>
          <p className="article-card__meta muted">
            {article.categoryName ? <span>{article.categoryName}</span> : null}
            {article.helpfulYes + article.helpfulNo > 0 ? (
              <span>
                {" "}
                · {article.helpfulYes} of {article.helpfulYes + article.helpfulNo} found this helpful
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The knowledge base's own links; the page being shown is left out, so no page links to itself. */
export function KbNav({ staff, current = null }: { staff: boolean; current?: "home" | "manage" | null }) {
  const links = [
    current === "home" ? null : (
      <Link key="home" to="/kb">
        Knowledge base home
      </Link>
    ),
    staff && current !== "manage" ? (
      <Link key="manage" to="/kb/manage">
        Manage articles
      </Link>
    ) : null,
  ].filter(Boolean);
  if (links.length === 0) return null;
  return (
    <nav aria-label="Knowledge base" className="kb-nav">
      {links}
    </nav>
  );
}

/** The knowledge base's search box: a GET to /kb?q=, which the home page sends on to /search, articles only. */
export function KbSearchForm() {
  return (
    <Form method="get" action="/kb" role="search" aria-label="Search the knowledge base" className="search-form kb-search">
      <label htmlFor="kb-search-q">Search the knowledge base</label>
      <div className="search-form__row">
        <input id="kb-search-q" name="q" type="search" maxLength={500} autoComplete="off" />
        <button type="submit" className="button">
          Search
        </button>
      </div>
    </Form>
  );
}
