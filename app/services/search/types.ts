// What search and suggestions return: the same shape for the search page, the header box, the
// ask page's suggestions and the related column of a question page.
import type { SearchKind } from "~/domain/search-query";

export interface SearchAuthor {
  id: number;
  displayName: string;
  role: "customer" | "staff" | "admin";
}

export interface SearchResult {
  kind: SearchKind;
  id: number;
  /** The question's title for a question or an answer; the article's title. */
  title: string;
  /** The title as safe HTML with the matched words in <mark>. */
  titleHtml: string;
  /** Where the result lives (app/lib/paths.ts): the question, the answer's anchor, the article. */
  url: string;
  /** Votes for questions and answers; null for articles. */
  score: number | null;
  /** Answers of the question (of the answer's question); null for articles. */
  answerCount: number | null;
  /** A question with an accepted answer, an accepted answer, or a published article. */
  solved: boolean;
  /** The question's tags (for an article, its source question's). */
  tags: string[];
  /** A short extract as safe HTML: the post's text escaped, matched words in <mark>. */
  snippetHtml: string;
  author: SearchAuthor | null;
  createdAt: Date;
  /** The ranking value, comparable within one call only. */
  relevance: number;
}
