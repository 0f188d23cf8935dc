// The ask page suggests what already answers the draft, and records what the customer did with it:
// the figures on /admin/deflection come from these events.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, relatedPosts } from "../../db/schema";
import * as askRoute from "~/routes/questions.ask";
import { loader as openLoader } from "~/routes/questions.ask_.open";
import { loader as suggestionsLoader } from "~/routes/questions.ask_.suggestions";
import { deflectionByDay } from "~/services/deflection.server";
import { changeArticleStatus, promoteAnswer } from "~/services/knowledge-base.server";
import { getQuestionPage } from "~/services/question-page.server";
import { UNSHARED } from "~/services/shared-reads.server";
import { relatedSideLinks } from "~/services/related-posts.server";
import { acceptAnswer } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();
const session = "ask-session-test-0000001";

async function publishedArticle(title: string) {
  const staff = await makeUser(t.db, { role: "staff" });
  const asker = await makeUser(t.db);
  const answerer = await makeUser(t.db);
  const question = await makeQuestion(t.db, asker.id, title);
  const answer = await makeAnswer(t.db, answerer.id, question.id, "Open Reports, choose Invoices, then Export and pick CSV.");
  await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
  const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
  await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "publish" });
  return article;
}

describe("ask-time suggestions", () => {
  it("finds the published article for a draft, then records shown, opened, solved; the report counts a deflection", async () => {
    const article = await publishedArticle("How do I export my invoices to a CSV file?");
    const customer = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, customer.id);
    const before = (await deflectionByDay(t.db, 1))[0]?.solved ?? 0;

    const live = await callRoute(() =>
      suggestionsLoader({ request: getRequest(`/questions/ask/suggestions?session=${session}&title=${encodeURIComponent("export invoices to CSV")}&body=`, cookie), context: contextFor(t.db), params: {} }),
    );
    expect(live.status).toBe(200);
    const found = live.data.suggestions.find((s: { kind: string; id: number }) => s.kind === "article" && s.id === article.id);
    expect(found).toBeTruthy();

    // Without JavaScript, "Check for existing answers" shows the same list.
    const checked = await callRoute(() =>
      askRoute.action({ request: formRequest("/questions/ask", { askSession: session, intent: "check", title: "export invoices to CSV", body: "", tags: "" }, cookie), context: contextFor(t.db), params: {} }),
    );
    expect(checked.data.suggestions.map((s: { id: number; kind: string }) => `${s.kind}:${s.id}`)).toContain(`article:${article.id}`);
    expect(checked.data.values.title).toBe("export invoices to CSV");

    const opened = await callRoute(() => openLoader({ request: getRequest(`/questions/ask/open?session=${session}&kind=article&id=${article.id}`, cookie), context: contextFor(t.db), params: {} }));
    expect(opened.status).toBe(302);
    expect(opened.location).toBe(`/kb/${article.slug}`);

    const solved = await callRoute(() =>
      askRoute.action({ request: formRequest("/questions/ask", { askSession: session, intent: `solved:article:${article.id}`, title: "x", body: "", tags: "" }, cookie), context: contextFor(t.db), params: {} }),
    );
    expect(solved.data.solved).toEqual({ title: "How do I export my invoices to a CSV file?", path: `/kb/${article.slug}` });

    const [today] = await deflectionByDay(t.db, 1);
    expect(today.solved).toBe(before + 1);
  });

  it("records a question posted anyway, and never suggests a draft article", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id, "Why does the payroll draft vanish overnight?");
    const answer = await makeAnswer(t.db, staff.id, question.id, "Drafts older than a day are cleared; save it as a template instead.");
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    const draft = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });

    const customer = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, customer.id);
    const mine = "ask-session-test-0000002";
    const checked = await callRoute(() =>
      askRoute.action({ request: formRequest("/questions/ask", { askSession: mine, intent: "check", title: "payroll draft vanishes overnight", body: "", tags: "" }, cookie), context: contextFor(t.db), params: {} }),
    );
    const kinds = checked.data.suggestions.map((s: { id: number; kind: string }) => `${s.kind}:${s.id}`);
    expect(kinds).toContain(`question:${question.id}`);
    expect(kinds).not.toContain(`article:${draft.id}`);

    const before = (await deflectionByDay(t.db, 1))[0]?.postedAnyway ?? 0;
    const posted = await callRoute(() =>
      askRoute.action({
        request: formRequest("/questions/ask", { askSession: mine, title: "Payroll draft vanishes overnight again", body: "I saved a payroll draft yesterday and it is gone today.", tags: "payroll" }, cookie),
        context: contextFor(t.db),
        params: {},
      }),
    );
    expect(posted.status).toBe(302);
    expect((await deflectionByDay(t.db, 1))[0]?.postedAnyway).toBe(before + 1);
  });

  it("'Read it here' shows the suggestion on the ask page with the draft kept, records it opened, and then 'solved' counts", async () => {
    const article = await publishedArticle("How do I download payslips for the whole team at once?");
    const customer = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, customer.id);
    const mine = "ask-session-test-0000003";
    const draft = { askSession: mine, title: "download payslips for the whole team", body: "Every month I download them one by one.", tags: "payroll" };
    const before = (await deflectionByDay(t.db, 1))[0] ?? { suggestionsOpened: 0, solved: 0 };

    const read = await callRoute(() =>
      askRoute.action({ request: formRequest("/questions/ask", { ...draft, intent: `open:article:${article.id}` }, cookie), context: contextFor(t.db), params: {} }),
    );
    expect(read.status).toBe(200);
    expect(read.data.opened).toMatchObject({ kind: "article", id: article.id, title: "How do I download payslips for the whole team at once?", path: `/kb/${article.slug}`, answerHtml: null });
    expect(read.data.opened.bodyHtml).toContain("Export and pick CSV");
    // The page comes back whole: the list it was opened from, and everything typed.
    expect(read.data.suggestions.map((s: { id: number; kind: string }) => `${s.kind}:${s.id}`)).toContain(`article:${article.id}`);
    expect(read.data.values).toMatchObject({ title: draft.title, body: draft.body, tags: draft.tags, askSession: mine });
    expect((await deflectionByDay(t.db, 1))[0].suggestionsOpened).toBe(before.suggestionsOpened + 1);

    await callRoute(() =>
      askRoute.action({ request: formRequest("/questions/ask", { ...draft, intent: `solved:article:${article.id}` }, cookie), context: contextFor(t.db), params: {} }),
    );
    expect((await deflectionByDay(t.db, 1))[0].solved).toBe(before.solved + 1);
  });

  it("'Read it here' on a question shows its accepted answer, never a deleted one; a gone suggestion is a 404 that keeps the draft", async () => {
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id, "Why is the VAT column empty on my payslip summary?");
    await makeAnswer(t.db, answerer.id, question.id, "Maybe try turning it off and on again.");
    const accepted = await makeAnswer(t.db, answerer.id, question.id, "Turn on VAT in Settings, Tax, then open the summary again.");
    await acceptAnswer(t.db, { actorId: asker.id, answerId: accepted.id });
    const customer = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, customer.id);
    const draft = { askSession: "ask-session-test-0000004", title: "VAT column empty on payslip summary", body: "", tags: "" };

    const read = await callRoute(() =>
      askRoute.action({ request: formRequest("/questions/ask", { ...draft, intent: `open:question:${question.id}` }, cookie), context: contextFor(t.db), params: {} }),
    );
    expect(read.data.opened).toMatchObject({ kind: "question", id: question.id, answerAccepted: true });
    expect(read.data.opened.answerHtml).toContain("Turn on VAT in Settings");

    const missing = await callRoute(() =>
      askRoute.action({ request: formRequest("/questions/ask", { ...draft, intent: "open:article:999999" }, cookie), context: contextFor(t.db), params: {} }),
    );
    expect(missing.status).toBe(404);
    expect(missing.data.values.title).toBe(draft.title);
  });

  it("answers strangers 401, an unknown suggestion 404, and a forged button 400", async () => {
    const anonymous = await callRoute(() => suggestionsLoader({ request: getRequest(`/questions/ask/suggestions?session=${session}&title=invoices`), context: contextFor(t.db), params: {} }));
    expect(anonymous.status).toBe(401);
    const customer = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, customer.id);
    const missing = await callRoute(() => openLoader({ request: getRequest(`/questions/ask/open?session=${session}&kind=article&id=999999`, cookie), context: contextFor(t.db), params: {} }));
    expect(missing.status).toBe(404);
    const forged = await callRoute(() =>
      askRoute.action({ request: formRequest("/questions/ask", { askSession: session, intent: "solved:user:1", title: "x", body: "", tags: "" }, cookie), context: contextFor(t.db), params: {} }),
    );
    expect(forged.status).toBe(400);
    expect(forged.data.values.title).toBe("x");
  });
});

describe("related questions and articles on a question page", () => {
  it("lists similar answered questions and published articles, never the question itself or a draft", async () => {
    const article = await publishedArticle("How can I export all invoices as CSV for my accountant?");
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const similar = await makeQuestion(t.db, asker.id, "Export invoices to CSV for the accountant");
    await makeAnswer(t.db, answerer.id, similar.id, "Reports, then Export, then CSV.");
    const viewed = await makeQuestion(t.db, asker.id, "Can I export my invoices as a CSV file?");

    const page = await getQuestionPage(t.db, viewed.id, null, UNSHARED);
    const related = page.related.map((item) => `${item.kind}:${item.id}`);
    expect(related).toContain(`article:${article.id}`);
    expect(related).toContain(`question:${similar.id}`);
    expect(related).not.toContain(`question:${viewed.id}`);
    expect(page.related.length).toBeLessThanOrEqual(5);
  });

  it("keeps the ranking but shows each related question as it is now: a new title at once, a deleted one gone", async () => {
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const similar = await makeQuestion(t.db, asker.id, "Printing a packing slip for an order");
    await makeAnswer(t.db, answerer.id, similar.id, "Orders, then Print, then Packing slip.");
    const other = await makeQuestion(t.db, asker.id, "Packing slip printing cuts off the address");
    await makeAnswer(t.db, answerer.id, other.id, "Set the paper size to A4.");
    const viewed = await makeQuestion(t.db, asker.id, "How do I print a packing slip?");
    const first = await getQuestionPage(t.db, viewed.id, null, UNSHARED);
    expect(first.related.map((item) => item.id)).toEqual(expect.arrayContaining([similar.id, other.id]));

    await t.db.update(posts).set({ title: "Printing packing slips for orders in bulk" }).where(eq(posts.id, similar.id));
    await t.db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, other.id));
    const kept = await t.db.select().from(relatedPosts).where(eq(relatedPosts.questionId, viewed.id));
    const second = await getQuestionPage(t.db, viewed.id, null, UNSHARED);
    expect(second.related.find((item) => item.id === similar.id)?.title).toBe("Printing packing slips for orders in bulk");
    expect(second.related.map((item) => item.id)).not.toContain(other.id);
    // Read from what was kept, not ranked again.
    expect((await t.db.select().from(relatedPosts).where(eq(relatedPosts.questionId, viewed.id)))[0].computedAt).toEqual(kept[0].computedAt);
  });

  it("ranks again when the question's title changes, and when the kept ranking is a day old", async () => {
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const gift = await makeQuestion(t.db, asker.id, "Gift card balance not showing at checkout");
    await makeAnswer(t.db, answerer.id, gift.id, "Refresh the cart.");
    const refund = await makeQuestion(t.db, asker.id, "Refund to the original card takes how long?");
    await makeAnswer(t.db, answerer.id, refund.id, "Five working days.");
    const viewed = await makeQuestion(t.db, asker.id, "Gift card balance missing");
    const ids = async (now?: Date) => (await relatedSideLinks(t.db, (await t.db.select().from(posts).where(eq(posts.id, viewed.id)))[0] as never, now)).map((item) => item.id);
    const kept = async () => (await t.db.select().from(relatedPosts).where(eq(relatedPosts.questionId, viewed.id)))[0];
    expect(await ids()).toContain(gift.id);
    const before = await kept();
    await t.db.update(posts).set({ title: "Refund to my card: how long does it take?" }).where(eq(posts.id, viewed.id));
    expect(await ids()).toContain(refund.id);
    expect((await kept()).sourceKey).toContain("Refund to my card");
    expect((await kept()).computedAt.getTime()).toBeGreaterThanOrEqual(before.computedAt.getTime());

    // A question published since is found once the kept ranking is a day old.
    const later = await makeQuestion(t.db, asker.id, "How long does a card refund take to arrive?");
    await makeAnswer(t.db, answerer.id, later.id, "Up to a week.");
    expect(await ids()).not.toContain(later.id);
    expect(await ids(new Date(Date.now() + 25 * 60 * 60 * 1000))).toContain(later.id);
  });
});
