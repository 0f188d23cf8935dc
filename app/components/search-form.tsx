import { Form } from "@remix-run/react";

/**
 * The search page's own form (GET /search?q=, so it works without JavaScript). Its field is
 * "Search terms", not "Search", so it never shares a name with the header's search box.
 */
export function SearchForm({ q }: { q: string }) {
  return (
    <Form method="get" action="/search" role="search" aria-label="Search the community" className="search-form">
      <label htmlFor="search-q">Search terms</label>
      <div className="search-form__row">
        <input key={q} id="search-q" name="q" type="search" defaultValue={q} aria-describedby="search-q-hint" autoComplete="off" />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      <p id="search-q-hint" className="search-form__hint">
        Questions, answers and knowledge-base articles. Operators such as [tag] and is:solved are explained below.
      </p>
    </Form>
  );
}
