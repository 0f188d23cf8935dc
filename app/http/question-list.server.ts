import { data } from "@remix-run/node";
import type { Database } from "../../db/client";
import { QUESTION_SORTS, listQuestions, type QuestionSort } from "~/services/question-queries.server";
import { throwAsResponse } from "./responses.server";

/** Reads ?sort= and ?after= (a keyset cursor) and loads one page of questions. */
export async function loadQuestionPage(db: Database, request: Request, tag?: string) {
  const url = new URL(request.url);
  const rawSort = url.searchParams.get("sort") ?? "newest";
  if (!(QUESTION_SORTS as readonly string[]).includes(rawSort)) {
    throw data({ message: `Unknown sort "${rawSort.slice(0, 40)}". Use newest, active, unanswered or top.` }, { status: 400 });
  }
  const sort = rawSort as QuestionSort;
  // Lists page with keyset cursors (?after=), which stay fast and stable at any depth. Numbered
  // pages are not offered; an old or hand-made ?page= gets a clear answer rather than page 1.
  const page = url.searchParams.get("page");
  if (page !== null && page !== "1") {
    throw data({ message: "Page numbers are not supported here. Use the “More questions” link at the foot of the list." }, { status: 400 });
  }
  try {
    const after = url.searchParams.get("after");
    const page = await listQuestions(db, { sort, tag, after });
    return { sort, ...page, canonicalQuery: listQuery(sort, after), now: new Date().toISOString() };
  } catch (error) {
    throwAsResponse(error);
  }
}

/** The query string that names a list page, and nothing else: the default sort is the bare address. */
function listQuery(sort: QuestionSort, after: string | null): string {
  const params = new URLSearchParams();
  if (sort !== "newest" || after) params.set("sort", sort);
  if (after) params.set("after", after);
  const query = params.toString();
  return query ? `?${query}` : "";
}
