// The side column beside lists and threads: "Hot this week", popular tags, the question's facts.
// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set (one fresh database for the file).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { posts } from "../../db/schema";
import { askQuestion } from "~/services/posting.server";
import { getQuestionPage } from "~/services/question-page.server";
import { UNSHARED } from "~/services/shared-reads.server";
import { hotQuestions } from "~/services/question-queries.server";
import { hotQuestionsBox, listPageSideColumn } from "~/services/side-column.server";
import { acceptAnswer } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeUser } from "../support/fixtures";

const t = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const ids: Record<string, number> = {};

beforeAll(async () => {
  const asker = await makeUser(t.db, { name: "Side Asker" });
  const helper = await makeUser(t.db, { name: "Side Helper" });
  const ask = (title: string, tags: string[]) =>
    askQuestion(t.db, { authorId: asker.id, title, body: "The numbers on the side column report look wrong to me.", tags });
  ids.busy = (await ask("Busy question with two answers this week", ["side-busy", "side-common"])).id;
  ids.quiet = (await ask("Quiet question nobody answered yet", ["side-common"])).id;
  ids.old = (await ask("Old question that was busy last month", ["side-common"])).id;
  ids.gone = (await ask("Deleted question with answers this week", ["side-common"])).id;
  for (const id of [ids.busy, ids.old, ids.gone]) {
    await makeAnswer(t.db, helper.id, id);
    await makeAnswer(t.db, helper.id, id, "A second way: the API's export endpoint.");
  }
  await makeAnswer(t.db, helper.id, ids.old, "And a third answer, long ago.");
  await t.db.update(posts).set({ lastActivityAt: new Date(Date.now() - 30 * DAY) }).where(eq(posts.id, ids.old));
  await t.db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, ids.gone));
});

describe("Hot this week", () => {
  it("ranks questions active in the last seven days by answers and votes, leaving out old and deleted ones", async () => {
    const hot = await hotQuestions(t.db);
    expect(hot.map((question) => question.id)).toEqual([ids.busy, ids.quiet]);
    expect(hot[0]).toMatchObject({ title: "Busy question with two answers this week", answerCount: 2, solved: false });
  });

  it("never lists the question being read beside itself", async () => {
    const hot = await hotQuestionsBox(t.db, UNSHARED, ids.busy);
    expect(hot.map((question) => question.id)).toEqual([ids.quiet]);
  });

  it("looks back from the given moment: a week later nothing is hot", async () => {
    expect(await hotQuestions(t.db, { now: new Date(Date.now() + 8 * DAY) })).toEqual([]);
  });
});

describe("the side columns", () => {
  it("lists pages with hot questions and tags by how many live questions use them", async () => {
    const side = await listPageSideColumn(t.db, UNSHARED);
    expect(side.hot.map((question) => question.id)).toEqual([ids.busy, ids.quiet]);
    const common = side.popularTags.find((tag) => tag.name === "side-common");
    // The deleted question no longer counts.
    expect(common?.questionCount).toBe(3);
    expect(side.popularTags[0].name).toBe("side-common");
  });

  it("a question page knows whether it is solved, and shows other hot questions", async () => {
    const before = await getQuestionPage(t.db, ids.busy, null, UNSHARED);
    expect(before.solved).toBe(false);
    expect(before.hot.map((question) => question.id)).toEqual([ids.quiet]);

    const [answer] = await t.db.select({ id: posts.id, authorId: posts.authorId }).from(posts).where(eq(posts.questionId, ids.busy)).limit(1);
    const [question] = await t.db.select({ authorId: posts.authorId }).from(posts).where(eq(posts.id, ids.busy));
    await acceptAnswer(t.db, { actorId: question.authorId, answerId: answer.id });
    expect((await getQuestionPage(t.db, ids.busy, null, UNSHARED)).solved).toBe(true);
  });
});
