// The side column's shared boxes: what is busy this week and the tags people use most. The same
// for every viewer, so kept between change notifications (SharedReads) instead of read per page.
import type { Database } from "../../db/client";
import { hotQuestions } from "./question-queries.server";
import type { SharedReads } from "./shared-reads.server";
import { listTags } from "./tag-directory.server";

const POPULAR_TAGS = 10;
const HOT_SHOWN = 5;

/** This week's hot questions, leaving out the one on the page (read with one spare, so five remain). */
export async function hotQuestionsBox(db: Database, shared: SharedReads, excludeId?: number) {
  const hot = await shared.read("hot-questions", () => hotQuestions(db, { limit: HOT_SHOWN + 1 }));
  return hot.filter((question) => question.id !== excludeId).slice(0, HOT_SHOWN);
}

export async function listPageSideColumn(db: Database, shared: SharedReads) {
  const hot = await hotQuestionsBox(db, shared);
  const { tags } = await shared.read("popular-tags", () => listTags(db, { sort: "popular", pageSize: POPULAR_TAGS }));
  return { hot, popularTags: tags.map(({ name, questionCount }) => ({ name, questionCount })) };
}
