import { Link } from "@remix-run/react";
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

export function KbNav({ staff }: { staff: boolean }) {
  return (
    <nav aria-label="Knowledge base" className="kb-nav">
      <Link to="/kb">Knowledge base home</Link>
      {staff ? <Link to="/kb/manage">Manage articles</Link> : null}
    </nav>
  );
}
