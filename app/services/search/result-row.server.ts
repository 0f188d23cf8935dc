// One row shape for every search query's final SELECT, and the one mapping to SearchResult, so
// /search, suggestions and the related column link, mark and highlight results the same way.
import type { SearchKind } from "~/domain/search-query";
import { answerPath, articlePath, questionPath } from "~/lib/paths";
import { highlightedHtml } from "./highlight.server";
import type { SearchResult } from "./types";

export interface ResultRow {
  kind: SearchKind;
  id: number;
  /** An answer's question; absent or null for questions and articles. */
  question_id?: number | null;
  title: string;
  slug: string | null;
  tags: string[];
  score: number | null;
  answer_count: number | null;
  solved: boolean;
  author_id: number | null;
  author_name: string | null;
  author_role: "customer" | "staff" | "admin" | null;
  created_at: Date | string;
  relevance: number;
  title_hl: string | null;
  snippet_hl: string | null;
}

export function toSearchResult(row: ResultRow): SearchResult {
  const question = { id: row.question_id ?? row.id, title: row.title };
  const url = row.kind === "article" ? articlePath({ slug: row.slug ?? "" }) : row.kind === "answer" ? answerPath(question, row.id) : questionPath(question);
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    titleHtml: highlightedHtml(row.title_hl) || highlightedHtml(row.title),
    url,
    score: row.score,
    answerCount: row.answer_count,
    solved: row.solved,
    tags: row.tags ?? [],
    snippetHtml: highlightedHtml(row.snippet_hl),
    author: row.author_id !== null && row.author_name ? { id: row.author_id, displayName: row.author_name, role: row.author_role ?? "customer" } : null,
    createdAt: new Date(row.created_at),
    relevance: Number(row.relevance),
  };
}
