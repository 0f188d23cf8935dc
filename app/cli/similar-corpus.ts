// A labelled similar-question corpus (format: ../shared/data/similar-questions/README.md), read
// from its folder and stored as forum questions through the same service the ask page uses.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Database } from "../../db/client";
import { askQuestion, postAnswer } from "~/services/posting.server";
import { signUp } from "~/services/users.server";

const corpusLine = z.object({ id: z.string().min(1), title: z.string(), body: z.string() });
const queryLine = z.object({
  query: z.string().min(1),
  similar: z.array(z.string()),
  candidates: z.array(z.string()).optional(),
  split: z.string().optional(),
});

export type CorpusDocument = z.infer<typeof corpusLine>;
export type CorpusQuery = z.infer<typeof queryLine>;

function readJsonLines<T>(file: string, schema: z.ZodType<T>): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}, line ${index + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export function readCorpus(dir: string) {
  const documents = readJsonLines(path.join(dir, "corpus.jsonl"), corpusLine);
  const queries = readJsonLines(path.join(dir, "queries.jsonl"), queryLine);
  const known = new Set(documents.map((document) => document.id));
  for (const query of queries) {
    for (const id of [query.query, ...query.similar, ...(query.candidates ?? [])]) {
      if (!known.has(id)) throw new Error(`queries.jsonl: query ${query.query} refers to ${id}, which is not in corpus.jsonl`);
    }
  }
  return { documents, queries };
}

/** A fixed pseudo-random order (so runs repeat), unrelated to the ids. */
function shuffled<T>(items: T[], seed = 20160616): T[] {
  const copy = [...items];
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The placeholder answer that makes a corpus question eligible for suggestions (see loadCorpus). */
export const PLACEHOLDER_ANSWER = "(answered in the original forum; the corpus keeps only the question)";

/**
 * Stores every document as a question through `askQuestion`, the service the ask page calls, so
 * the stored text and its search vector are exactly what the product would hold. How, precisely:
 * - the author is one staff account made with `signUp` (staff: no new-account posting limit);
 * - title and body go in unchanged. The ask FORM would refuse titles under 15 characters and
 *   empty titles (some corpus titles are); that check belongs to the form (app/forms), not to
 *   the service, so the service stores them as they are. Nothing is padded or trimmed;
 * - no tags (the corpus has none);
 * - each question then gets one answer through `postAnswer`, by the same account (so no email is
 *   queued), with a fixed text. Ask-time suggestions offer only answered questions and articles,
 *   and the forum these questions come from had replies to each; the answer's text is not part of
 *   what suggestions match, so it cannot change a ranking;
 * - the documents are stored in a fixed shuffled order, so post ids say nothing about the order
 *   of each query's candidates (which is the original search engine's ranking).
 */
export async function loadCorpus(db: Database, documents: CorpusDocument[], onProgress?: (done: number) => void) {
  const { id: authorId } = await signUp(db, {
    email: `eval-${Date.now().toString(36)}@peerdesk.invalid`,
    displayName: `Evaluation corpus ${Date.now().toString(36)}`,
    password: `eval-${Math.random().toString(36).slice(2)}-not-for-login`,
    role: "staff",
  });
  const postIdOf = new Map<string, number>();
  const corpusIdOf = new Map<number, string>();
  let done = 0;
  for (const document of shuffled(documents)) {
    const question = await askQuestion(db, { authorId, title: document.title, body: document.body, tags: [] });
    await postAnswer(db, { authorId, questionId: question.id, body: PLACEHOLDER_ANSWER });
    postIdOf.set(document.id, question.id);
    corpusIdOf.set(question.id, document.id);
    if (++done % 500 === 0) onProgress?.(done);
  }
  return { postIdOf, corpusIdOf };
}
