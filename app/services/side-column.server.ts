// The list pages' side column: what is busy this week and the tags people use most.
import type { Database } from "../../db/client";
import { hotQuestions } from "./question-queries.server";
import { listTags } from "./tag-directory.server";

const POPULAR_TAGS = 10;

export async function listPageSideColumn(db: Database) {
  const hot = await hotQuestions(db);
  const { tags } = await listTags(db, { sort: "popular", pageSize: POPULAR_TAGS });
  return { hot, popularTags: tags.map(({ name, questionCount }) => ({ name, questionCount })) };
}
