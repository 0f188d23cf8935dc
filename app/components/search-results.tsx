// One list for search results and ask-time suggestions. titleHtml and snippetHtml come from
// app/services/search/highlight.server.ts: every character of the post already escaped, only
// <mark> added, which is why they may be set as HTML here.
import { Link } from "@remix-run/react";
import { TagList } from "./question-list";
import { TimeAgo } from "./time-ago";
import { UserName } from "./user-name";
import { CheckIcon } from "./icons";

export interface SearchResultView {
  kind: "question" | "answer" | "article";
  id: number;
  titleHtml: string;
  url: string;
  score: number | null;
  answerCount: number | null;
  solved: boolean;
  tags: string[];
  snippetHtml: string;
  author: { id: number; displayName: string; role: string } | null;
  createdAt: Date | string;
}

const KIND_LABEL = { question: "Question", answer: "Answer", article: "Article" } as const;

function SolvedMark({ result }: { result: SearchResultView }) {
  if (!result.solved) return null;
  const text = result.kind === "question" ? "Solved" : result.kind === "answer" ? "Accepted answer" : "Knowledge base";
  return (
    <span className="search-result__solved">
      <CheckIcon size={14} />{" "}
      {text}
    </span>
  );
}

export function SearchResultList({ results, now, headingLevel = 2 }: { results: SearchResultView[]; now: string; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <ol className="search-results">
      {results.map((result) => (
        <li key={`${result.kind}-${result.id}`} className={`search-result search-result--${result.kind}`}>
          <Heading className="search-result__title">
            <span className="search-result__kind">{KIND_LABEL[result.kind]}</span>{" "}
            <Link to={result.url} dangerouslySetInnerHTML={{ __html: result.titleHtml }} />
          </Heading>
          <p className="search-result__snippet" dangerouslySetInnerHTML={{ __html: result.snippetHtml }} />
          <div className="search-result__meta">
            {result.score !== null ? (
              <span>
                <strong>{result.score}</strong> {Math.abs(result.score) === 1 ? "vote" : "votes"}
              </span>
            ) : null}
            {result.answerCount !== null && result.kind === "question" ? (
              <span>
                <strong>{result.answerCount}</strong> {result.answerCount === 1 ? "answer" : "answers"}
              </span>
            ) : null}
            <SolvedMark result={result} />
            {result.tags.length > 0 ? <TagList tags={result.tags} /> : null}
            {result.author ? (
              <span className="search-result__byline">
                <UserName user={result.author} /> <TimeAgo date={result.createdAt} now={now} />
              </span>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
