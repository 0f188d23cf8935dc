import { Link } from "@remix-run/react";
import { MAX_QUERY_LENGTH } from "~/domain/search-query";

/** The query language, explained with examples that link to their own search. */
export function SearchTips() {
  const example = (q: string) => <Link to={`/search?q=${encodeURIComponent(q)}`}>{q}</Link>;
  return (
    <dl className="search-tips">
      <dt>Words</dt>
      <dd>
        {example("export invoices csv")} finds posts with every word (and its other forms: “exports”, “exported”).
      </dd>
      <dt>“Exact phrase”</dt>
      <dd>{example('"bank feed"')} finds the words together, in this order.</dd>
      <dt>-exclude</dt>
      <dd>{example("refund -paypal")} leaves out posts that mention PayPal.</dd>
      <dt>[tag]</dt>
      <dd>{example("[vat] return")} searches questions with this tag (and their answers).</dd>
      <dt>is:question, is:answer, is:article</dt>
      <dd>{example("is:article stripe")} shows only knowledge-base articles.</dd>
      <dt>is:solved, is:unanswered</dt>
      <dd>
        {example("is:solved bank feed")} questions with an accepted answer (and accepted answers); {example("is:unanswered [api]")} questions
        nobody has answered yet.
      </dd>
      <dt>user:ID</dt>
      <dd>posts by one member: the number in their profile’s address, as in {example("user:4 reconcile")}.</dd>
      <dt>Length</dt>
      <dd>Searches longer than {MAX_QUERY_LENGTH} characters are cut.</dd>
    </dl>
  );
}

export function PopularTags({ tags }: { tags: { tag: string; questions: number }[] }) {
  if (tags.length === 0) return null;
  return (
    <section aria-labelledby="popular-tags-heading">
      <h2 id="popular-tags-heading">Popular tags</h2>
      <ul className="tag-list">
        {tags.map(({ tag, questions }) => (
          <li key={tag}>
            <Link to={`/tags/${encodeURIComponent(tag)}`} className="tag">
              {tag}
              <span className="search-tag-count">
                {questions}
                <span className="visually-hidden"> recent {questions === 1 ? "question" : "questions"}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
