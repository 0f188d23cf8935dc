import { Form, Link } from "@remix-run/react";

/** Sort tabs and a name filter for a directory page; plain links and a GET form, so no JavaScript is needed. */
export function DirectoryControls<S extends string>({
  basePath,
  sorts,
  current,
  filter,
  filterLabel,
  label,
}: {
  basePath: string;
  sorts: Record<S, string>;
  current: S;
  filter: string;
  filterLabel: string;
  label: string;
}) {
  const withFilter = (sort: string) => `${basePath}?sort=${sort}${filter ? `&filter=${encodeURIComponent(filter)}` : ""}`;
  return (
    <div className="directory-controls">
      <Form method="get" action={basePath} className="directory-filter" role="search" aria-label={filterLabel}>
        <input type="hidden" name="sort" value={current} />
        <label htmlFor="directory-filter">{filterLabel}</label>
        <div className="directory-filter__row">
          <input id="directory-filter" type="search" name="filter" defaultValue={filter} maxLength={50} autoComplete="off" />
          <button type="submit" className="button button--secondary button--small">
            Filter
          </button>
        </div>
      </Form>
      <nav aria-label={label} className="sort-tabs">
        {(Object.keys(sorts) as S[]).map((sort) => (
          <Link key={sort} to={withFilter(sort)} aria-current={sort === current ? "page" : undefined} className="sort-tab">
            {sorts[sort]}
          </Link>
        ))}
      </nav>
    </div>
  );
}

export function NextPageLink({ basePath, sort, filter, nextCursor, children }: { basePath: string; sort: string; filter: string; nextCursor: string | null; children: string }) {
  if (!nextCursor) return null;
  const query = new URLSearchParams({ sort, ...(filter ? { filter } : {}), after: nextCursor });
  return (
    <nav aria-label="Pagination" className="pager">
      <Link to={`${basePath}?${query}`} rel="next">
        {children}
      </Link>
    </nav>
  );
}
