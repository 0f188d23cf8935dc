import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SearchForm } from "~/components/search-form";
import { SearchResultList } from "~/components/search-results";
import { PopularTags, SearchTips } from "~/components/search-tips";
import { MAX_QUERY_LENGTH, parseSearchQuery } from "~/domain/search-query";
import { throwAsResponse } from "~/http/responses.server";
import { pageSeo } from "~/http/page-seo.server";
import { missingPageMeta, pageMeta } from "~/lib/page-meta";
import { addressKey } from "~/http/visitor.server";
import { loadSearchPage } from "~/services/search/search-page.server";
import { searchPageParam } from "~/forms/route-inputs.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // The parser never throws: whatever was typed is searched for, cleaned and cut.
  const query = parseSearchQuery(url.searchParams.get("q") ?? "");
  const rawPage = url.searchParams.get("page");
  const page = rawPage === null || rawPage === "" ? { success: true as const, data: 1 } : searchPageParam.safeParse(rawPage);
  if (!page.success) throw data({ message: page.error.issues[0]?.message ?? "That page number is not valid." }, { status: 400 });
  try {
    const found = await loadSearchPage(context.db, query, { page: page.data, searcher: { addressKey: addressKey(context) } });
    const q = url.searchParams.get("q") ?? "";
    return {
      // Results pages are for people, not for indexes (robots.txt says the same).
      seo: pageSeo({ title: query.text ? `Search: ${query.text.slice(0, 60)}` : "Search", path: q ? `/search?${new URLSearchParams({ q })}` : "/search", description: "Search the community's questions and answers and the knowledge base.", noindex: true }),
      q: query.text,
      truncated: query.truncated,
      ignored: query.ignored,
      ...found,
      now: new Date().toISOString(),
    };
  } catch (error) {
    throwAsResponse(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.seo) : missingPageMeta("Search"));

function searchPath(q: string, page: number) {
  return `/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ""}`;
}

export default function SearchPage() {
  const { q, truncated, ignored, results, page, pageSize, hasNextPage, matched, broad, popularTags, now } = useLoaderData<typeof loader>();
  const first = (page - 1) * pageSize + 1;
  return (
    <div className="page page--medium">
      <h1>{q ? `Search results for “${q.length > 80 ? `${q.slice(0, 80)}…` : q}”` : "Search"}</h1>
      <SearchForm q={q} />
      {truncated ? (
        <p className="search-note">
          Your search was long, so only its first {MAX_QUERY_LENGTH} characters (and at most 16 words of each kind) were used.
        </p>
      ) : null}
      {ignored.length > 0 ? (
        <p className="search-note">
          Not understood, so left out: {ignored.map((item) => `“${item}”`).join(", ")}. See the tips below for what works.
        </p>
      ) : null}

      {matched === "none" ? (
        <>
          <p className="search-note">{q ? "Type at least two letters or digits, or use a filter such as [tag]." : "What are you looking for?"}</p>
          <SearchTips />
          <PopularTags tags={popularTags} />
        </>
      ) : results.length === 0 ? (
        <>
          <p className="search-note" role="status">
            {page > 1 ? "No more results." : "No results. Try fewer or different words, or one of the popular tags."}
          </p>
          {page > 1 ? (
            <p>
              <Link to={searchPath(q, 1)}>Back to the first page of results</Link>
            </p>
          ) : null}
          <SearchTips />
          <PopularTags tags={popularTags} />
        </>
      ) : (
        <>
          <p className="search-note" role="status">
            {[
              `Results ${first}–${first + results.length - 1}${matched === "filters" ? ", newest first" : ""}.`,
              matched === "any" ? "No post has every word, so these have some of them." : null,
              matched === "titles" ? "No post has these words; these titles look similar (a spelling slip?)." : null,
              broad ? "Many posts match: add a word to narrow your search." : null,
            ]
              .filter(Boolean)
              .join(" ")}
          </p>
          <SearchResultList results={results} now={now} />
          {page > 1 || hasNextPage ? (
            <nav aria-label="Search result pages" className="pager search-pager">
              {page > 1 ? (
                <Link to={searchPath(q, page - 1)} rel="prev">
                  Previous page
                </Link>
              ) : null}
              <span aria-current="page">Page {page}</span>
              {hasNextPage ? (
                <Link to={searchPath(q, page + 1)} rel="next">
                  Next page
                </Link>
              ) : null}
            </nav>
          ) : null}
          <details className="search-tips-details">
            <summary>Search tips</summary>
            <SearchTips />
          </details>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
