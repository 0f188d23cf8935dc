// The questions an "original question" field offers to pick from: the live list as a moderator
// types, and the list the form comes back with when words were sent instead of a question.
import type { Database } from "../../db/client";
import { hasSearchText, parseSearchQuery } from "~/domain/search-query";
import { RATE_LIMITS, hitRateLimit } from "./rate-limits.server";
import { searchEverything } from "./search/search.server";

export interface QuestionChoice {
  id: number;
  title: string;
  /** The title as safe HTML, matched words in <mark>. */
  titleHtml: string;
  url: string;
  answerCount: number;
  solved: boolean;
}

export const QUESTION_CHOICE_LIMIT = 6;

/**
 * Live questions matching the words, best first, without `excludeId` (the question being closed
 * or flagged). Counts against the address's search allowance: it is a search like any other.
 */
export async function findQuestionChoices(
  db: Database,
  words: string,
  options: { excludeId?: number | null; addressKey: string },
  now = new Date(),
): Promise<QuestionChoice[]> {
  const query = parseSearchQuery(words);
  if (!hasSearchText(query) && query.tags.length === 0) return [];
  await hitRateLimit(db, `search:address:${options.addressKey}`, RATE_LIMITS.searchesPerIp, now, "You are searching very fast. Please wait a minute.");
  const page = await searchEverything(db, { ...query, kinds: ["question"] }, { pageSize: QUESTION_CHOICE_LIMIT + 1 });
  return page.results
    .filter((result) => result.kind === "question" && result.id !== options.excludeId)
    .slice(0, QUESTION_CHOICE_LIMIT)
    .map((result) => ({
      id: result.id,
      title: result.title,
      titleHtml: result.titleHtml,
      url: result.url,
      answerCount: result.answerCount ?? 0,
      solved: result.solved,
    }));
}
