import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { comments, postRevisions, posts } from "../../db/schema";
import { ForbiddenError, RateLimitedError } from "~/services/errors";
import { addComment, askQuestion, editPost, postAnswer } from "~/services/posting.server";
import { readThread, getRevisionHistory, listQuestions } from "~/services/question-queries.server";
import * as questionsRoute from "~/routes/questions._index";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser } from "../support/fixtures";
import { callRoute, contextFor, getRequest } from "../support/routes";

const t = useTestDatabase();

describe("asking and answering", () => {
  it("stores the markdown and its safe HTML, and counts answers", async () => {
    const asker = await makeUser(t.db);
    const helper = await makeUser(t.db);
    const question = await askQuestion(t.db, {
      authorId: asker.id,
      title: "Why does <invoice> show &amp; in the PDF?",
      body: "The PDF shows `&amp;` and <b>tags</b>:\n\n```\n<invoice total=\"5\">\n```",
      tags: ["invoices", "pdf"],
    });
    await postAnswer(t.db, { authorId: helper.id, questionId: question.id, body: "Escape it as **&amp;** in the template." });
    const page = await readThread(t.db, question.id, null);
    expect(page.question.title).toBe("Why does <invoice> show &amp; in the PDF?");
    expect(page.question.bodyHtml).toContain("&lt;b&gt;tags&lt;/b&gt;");
    expect(page.question.bodyHtml).toContain('<pre tabindex="0"><code>&lt;invoice total=&quot;5&quot;&gt;');
    expect(page.question.answerCount).toBe(1);
    expect(page.answers[0].bodyHtml).toContain("<strong>&amp;</strong>");
  });

  it("shows the accepted answer first, then by score", async () => {
    const { acceptAnswer, castVote } = await import("~/services/voting.server");
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const authors = await Promise.all([makeUser(t.db), makeUser(t.db), makeUser(t.db)]);
    const [low, high, accepted] = [
      await makeAnswer(t.db, authors[0].id, question.id, "Low scored answer text."),
      await makeAnswer(t.db, authors[1].id, question.id, "High scored answer text."),
      await makeAnswer(t.db, authors[2].id, question.id, "The answer that worked."),
    ];
    const voter = await makeUser(t.db, { reputation: 50 });
    await castVote(t.db, { voterId: voter.id, postId: high.id, direction: "up" });
    await acceptAnswer(t.db, { actorId: asker.id, answerId: accepted.id });
    const page = await readThread(t.db, question.id, voter.id);
    expect(page.answers.map((answer) => answer.id)).toEqual([accepted.id, high.id, low.id]);
    expect(page.answers[0].accepted).toBe(true);
    expect(page.answers[1].viewerVote).toBe(1);
  });

  it("limits new accounts to 3 questions an hour, with a retry time", async () => {
    const newcomer = await makeUser(t.db, { createdAt: new Date() });
    for (let i = 0; i < 3; i++) await makeQuestion(t.db, newcomer.id);
    const fourth = makeQuestion(t.db, newcomer.id);
    await expect(fourth).rejects.toBeInstanceOf(RateLimitedError);
    const error = (await fourth.catch((e) => e)) as RateLimitedError;
    expect(error.retryAfterSeconds).toBeGreaterThan(3000);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(3600);
    // An established member is not limited.
    const regular = await makeUser(t.db);
    for (let i = 0; i < 4; i++) await makeQuestion(t.db, regular.id);
  });

  it("limits new accounts to 10 answers an hour", async () => {
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const newcomer = await makeUser(t.db, { createdAt: new Date() });
    for (let i = 0; i < 10; i++) await makeAnswer(t.db, newcomer.id, question.id, `Answer ${i} from a newcomer.`);
    await expect(makeAnswer(t.db, newcomer.id, question.id)).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("comments", () => {
  it("new members comment on their own threads only; at 50 anywhere", async () => {
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const stranger = await makeUser(t.db, { reputation: 49 });
    const regular = await makeUser(t.db, { reputation: 50 });
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, answerer.id, question.id);

    await addComment(t.db, { authorId: asker.id, postId: answer.id, body: "Which version are you on?" });
    await addComment(t.db, { authorId: answerer.id, postId: answer.id, body: "The latest, 4.2." });
    await expect(addComment(t.db, { authorId: stranger.id, postId: question.id, body: "Me too!" })).rejects.toThrow(
      new ForbiddenError("You need 50 reputation to comment anywhere."),
    );
    await addComment(t.db, { authorId: regular.id, postId: question.id, body: "Same here since Monday." });
    const rows = await t.db.select({ body: comments.body }).from(comments).where(eq(comments.postId, answer.id));
    expect(rows.map((row) => row.body)).toEqual(["Which version are you on?", "The latest, 4.2."]);
  });
});

describe("editing", () => {
  it("keeps every version, the original included, and bumps activity", async () => {
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, author.id, "Bank feed stopped syncing yesterday");
    const later = new Date(Date.now() + 60_000);
    await editPost(
      t.db,
      { editorId: author.id, postId: question.id, title: "Bank feed stopped syncing after the update", body: "Now with the error: `E42`.", tags: ["bank-feeds"], summary: "added error" },
      later,
    );
    const history = await getRevisionHistory(t.db, question.id);
    expect(history.revisions.map((revision) => [revision.revisionNumber, revision.title, revision.summary])).toEqual([
      [2, "Bank feed stopped syncing after the update", "added error"],
      [1, "Bank feed stopped syncing yesterday", null],
    ]);
    expect(history.revisions[1].bodyMarkdown).toBe("I need all of last year's invoices as CSV for my accountant.");
    const [row] = await t.db.select().from(posts).where(eq(posts.id, question.id));
    expect(row.bodyHtml).toContain("<code>E42</code>");
    expect(row.tags).toEqual(["bank-feeds"]);
    expect(row.lastActivityAt.getTime()).toBe(later.getTime());
  });

  it("an unchanged save adds no revision", async () => {
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, author.id);
    const [before] = await t.db.select().from(posts).where(eq(posts.id, question.id));
    const result = await editPost(t.db, { editorId: author.id, postId: question.id, title: before.title!, body: before.bodyMarkdown, tags: before.tags });
    expect(result.changed).toBe(false);
    expect(await t.db.select().from(postRevisions).where(eq(postRevisions.postId, question.id))).toHaveLength(1);
  });

  it("others may edit only with 1000 reputation (or as staff)", async () => {
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, author.id);
    const answer = await makeAnswer(t.db, author.id, question.id);
    const member = await makeUser(t.db, { reputation: 999 });
    const trusted = await makeUser(t.db, { reputation: 1000 });
    await expect(editPost(t.db, { editorId: member.id, postId: answer.id, body: "Vandalised answer text" })).rejects.toBeInstanceOf(ForbiddenError);
    await editPost(t.db, { editorId: trusted.id, postId: answer.id, body: "Improved answer with the exact menu path." });
    const history = await getRevisionHistory(t.db, answer.id);
    expect(history.revisions[0].editor.id).toBe(trusted.id);
  });
});

describe("question list", () => {
  it("pages through every question exactly once with keyset cursors, in every sort", async () => {
    const author = await makeUser(t.db);
    for (let i = 0; i < 7; i++) await makeQuestion(t.db, author.id, `Paging question number ${i} for the list`);
    for (const sort of ["newest", "active", "top", "unanswered"] as const) {
      const all = await listQuestions(t.db, { sort, limit: 1000 });
      const seen: number[] = [];
      let after: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listQuestions>> = await listQuestions(t.db, { sort, after, limit: 3 });
        seen.push(...page.questions.map((question) => question.id));
        after = page.nextCursor;
      } while (after);
      expect(seen).toEqual(all.questions.map((question) => question.id));
    }
  });

  it("does not skip questions whose times differ by microseconds", async () => {
    const author = await makeUser(t.db);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await makeQuestion(t.db, author.id, `Microsecond question number ${i} here`)).id);
    // Written by another tool (or an import), with microsecond times a JavaScript Date cannot hold.
    await t.db.execute(sql`update posts set created_at = timestamptz '2020-01-01 00:00:00.123456' + (id % 5) * interval '1 microsecond' where id in (${sql.join(ids, sql`, `)})`);
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listQuestions>> = await listQuestions(t.db, { sort: "newest", after, limit: 2 });
      seen.push(...page.questions.map((question) => question.id).filter((id) => ids.includes(id)));
      after = page.nextCursor;
    } while (after);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it("filters by tag and by unanswered", async () => {
    const author = await makeUser(t.db);
    const tagged = await askQuestion(t.db, { authorId: author.id, title: "Payroll run failed on Friday", body: "The payroll run failed with no message.", tags: ["payroll-unique-tag"] });
    const tagPage = await listQuestions(t.db, { sort: "newest", tag: "payroll-unique-tag" });
    expect(tagPage.questions.map((question) => question.id)).toEqual([tagged.id]);
    await makeAnswer(t.db, author.id, tagged.id);
    const unanswered = await listQuestions(t.db, { sort: "unanswered", limit: 1000 });
    expect(unanswered.questions.every((question) => question.answerCount === 0)).toBe(true);
    expect(unanswered.questions.some((question) => question.id === tagged.id)).toBe(false);
  });

  it("answers a forged page link on /questions with 400 and a message that says what to do", async () => {
    const forge = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString("base64url");
    const openList = (query: string) =>
      callRoute(() => questionsRoute.loader({ request: getRequest(`/questions${query}`), params: {}, context: contextFor(t.db) }));
    // The link the page itself writes works, so the refusals below are about the forgery alone.
    await makeQuestion(t.db, (await makeUser(t.db)).id);
    await makeQuestion(t.db, (await makeUser(t.db)).id);
    const real = await listQuestions(t.db, { sort: "newest", limit: 1 });
    expect((await openList(`?after=${real.nextCursor}`)).status).toBe(200);

    for (const query of [
      "?after=not-a-cursor",
      `?after=${"A".repeat(300)}`,
      `?after=${forge(["2026-01-01T00:00:00.000Z", -5])}`,
      `?after=${forge(["2026", 1])}`,
      `?after=${forge(["tomorrow", 1])}`,
      `?after=${forge([1.5, 1])}`,
      `?after=${forge({ key: "2026-01-01T00:00:00.000Z", id: 1 })}`,
      `?sort=top&after=${forge(["2026-01-01T00:00:00.000Z", 1])}`,
      `?sort=top&after=${forge([2 ** 40, 1])}`,
    ]) {
      const result = await openList(query);
      expect({ query, status: result.status, data: result.data }).toEqual({
        query,
        status: 400,
        data: { message: "That page link is not valid. Go back to the first page." },
      });
    }
  });
});
