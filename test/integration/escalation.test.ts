// The escalation ladder with the clock moved forward: an unanswered question climbs from the
// community to experts to the staff queue, an answer stops it, staff answering takes it off the
// queue, the asker can ask for staff at once, and the private note reaches the asker and staff only.
import { describe, expect, it } from "vitest";
import { escalationSettings } from "../../db/schema";
import * as questionRoute from "~/routes/questions.$id.($slug)";
import * as queueRoute from "~/routes/staff.queue";
import { climbLadder, questionLadder, requestStaffHelp, staffQueue } from "~/services/escalation.server";
import { ForbiddenError } from "~/services/errors";
import { notificationPage } from "~/services/notifications.server";
import { formatDateTime } from "~/lib/format";
import { findActor } from "~/services/actors.server";
import { askQuestion } from "~/services/posting.server";
import { parseSearchQuery } from "~/domain/search-query";
import { searchEverything } from "~/services/search/search.server";
import { useTestDatabase } from "../support/databases";
import { emailsTo, makeAnswer, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest, questionUrl } from "../support/routes";

const t = useTestDatabase();
const HOUR = 3_600_000;
const later = (start: Date, hours: number) => new Date(start.getTime() + hours * HOUR);

/** A question asked at `at` (the ladder counts from when it was asked). */
async function askAt(at: Date, title = `Why is my invoice stuck in draft ${Math.random().toString(36).slice(2, 8)}?`) {
  const asker = await makeUser(t.db);
  const question = await askQuestion(t.db, { authorId: asker.id, title, body: "It will not send, whatever I press.", tags: ["invoices"] }, at);
  return { asker, question: { ...question, title } };
}

async function queuedIds(staffId: number) {
  return (await staffQueue(t.db, staffId)).map((item) => item.questionId);
}

/** The ladder box's data on the question page, as a member sees it. */
async function ladderOf(questionId: number, viewerId: number) {
  const cookie = await sessionCookieFor(t.db, viewerId);
  const page = await callRoute(async () => questionRoute.loader({ request: getRequest(await questionUrl(t.db, questionId), cookie), params: { id: String(questionId) }, context: contextFor(t.db) }));
  return page.data.ladder;
}

describe(`the escalation ladder on ${t.plan.label}`, () => {
  it("an unanswered question goes to experts after the community window, then to the staff queue after the expert window, once each", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const start = later(new Date(), 1);
    const { asker, question } = await askAt(start);
    const actor = await findActor(t.db, asker.id);
    const facts = { id: question.id, authorId: asker.id, createdAt: start, answerCount: 0, solved: false, closed: false, deleted: false };

    expect((await questionLadder(t.db, facts, actor, start))?.position).toEqual({ stage: "community", expertsAt: later(start, 4), staffBy: later(start, 4 + 12 + 24) });
    expect(await climbLadder(t.db, later(start, 3.9))).toMatchObject({ toExperts: 0 });
    // Two processes run the job at the same moment: the question moves once.
    const runs = await Promise.all([climbLadder(t.db, later(start, 4)), climbLadder(t.db, later(start, 4))]);
    expect(runs.map((run) => run.toExperts).sort()).toEqual([0, 1]);
    expect((await questionLadder(t.db, facts, actor, later(start, 5)))?.position).toEqual({ stage: "experts", staffQueueAt: later(start, 16), staffBy: later(start, 40) });
    expect(await queuedIds(staff.id)).not.toContain(question.id);

    await climbLadder(t.db, later(start, 15.9));
    expect(await queuedIds(staff.id)).not.toContain(question.id);
    const both = await Promise.all([climbLadder(t.db, later(start, 16)), climbLadder(t.db, later(start, 16))]);
    expect(both.map((run) => run.toStaff).sort()).toEqual([0, 1]);
    expect(await queuedIds(staff.id)).toContain(question.id);
    // The asker heard once, in the inbox and by email, when staff will look.
    const told = (await notificationPage(t.db, asker.id)).notifications.filter((item) => item.kind === "escalated");
    expect(told.map((item) => item.message)).toEqual([
      `Nobody has answered your question “${question.title}” yet, so it is with staff now. They will look at it by ${formatDateTime(later(start, 40))}.`,
    ]);
    expect((await emailsTo(t.db, asker.email)).filter((email) => email.subject.startsWith("Nobody has answered"))).toHaveLength(1);
    expect((await questionLadder(t.db, facts, actor, later(start, 17)))?.position).toEqual({ stage: "staff", requested: false, staffBy: later(start, 40), overdue: false });
    expect((await questionLadder(t.db, facts, actor, later(start, 41)))?.position).toMatchObject({ stage: "staff", overdue: true });

    // A community answer does not take it off the staff queue; a staff answer does.
    const helper = await makeUser(t.db);
    await makeAnswer(t.db, helper.id, question.id);
    await climbLadder(t.db, later(start, 17));
    expect(await queuedIds(staff.id)).toContain(question.id);
    await makeAnswer(t.db, staff.id, question.id, "Staff here: a stuck draft means the customer's email bounced; fix it under Contacts.");
    expect(await queuedIds(staff.id)).not.toContain(question.id);
    expect(await climbLadder(t.db, later(start, 18))).toMatchObject({ resolved: 1 });
  });

  it("an answer in time stops the climb; questions asked before the ladder began never climb", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const start = later(new Date(), 2);
    const { question: answered } = await askAt(start);
    const helper = await makeUser(t.db);
    await makeAnswer(t.db, helper.id, answered.id);
    const { question: early } = await askAt(later(start, 1));
    await climbLadder(t.db, later(start, 5.5));
    // Answered while with the experts: it goes no further.
    await makeAnswer(t.db, helper.id, early.id);
    await climbLadder(t.db, later(start, 40));
    const { question: old } = await askAt(new Date(Date.now() - 1000 * HOUR));
    await climbLadder(t.db, later(start, 41));
    const queued = await queuedIds(staff.id);
    expect(queued).not.toContain(answered.id);
    expect(queued).not.toContain(early.id);
    expect(queued).not.toContain(old.id);
  });

  it("the clock is one settings row: shorter windows move questions sooner", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const [before] = await t.db.select().from(escalationSettings);
    await t.db.update(escalationSettings).set({ communityMinutes: 30, expertMinutes: 60 });
    try {
      const start = later(new Date(), 3);
      const { question } = await askAt(start);
      await climbLadder(t.db, later(start, 0.5));
      await climbLadder(t.db, later(start, 1.5));
      expect(await queuedIds(staff.id)).toContain(question.id);
    } finally {
      await t.db.update(escalationSettings).set({ communityMinutes: before.communityMinutes, expertMinutes: before.expertMinutes });
    }
  });

  it("the asker's request puts the question in the staff queue at once, with a private note only the asker and staff see", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const member = await makeUser(t.db, { reputation: 5000 });
    const title = "My card was charged twice for the March invoice";
    const { asker, question } = await askAt(new Date(), title);
    const askerCookie = await sessionCookieFor(t.db, asker.id);
    const url = await questionUrl(t.db, question.id);

    // Someone else cannot ask for staff on it.
    await expect(requestStaffHelp(t.db, { askerId: member.id, questionId: question.id, privateNote: null })).rejects.toBeInstanceOf(ForbiddenError);
    const tooLong = await callRoute(() =>
      questionRoute.action({ request: formRequest(url, { intent: "requestStaffHelp", privateNote: "x".repeat(2001) }, askerCookie), params: { id: String(question.id) }, context: contextFor(t.db) }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.errors.privateNote).toBe("Private note must be at most 2,000 characters.");
    expect(tooLong.data.values.privateNote).toHaveLength(2001);

    const note = "Order PD-44871, charged on 3 March at 09:14 twice.";
    const asked = await callRoute(() =>
      questionRoute.action({ request: formRequest(url, { intent: "requestStaffHelp", privateNote: note }, askerCookie), params: { id: String(question.id) }, context: contextFor(t.db) }),
    );
    expect(asked.status).toBe(302);
    const [item] = (await staffQueue(t.db, staff.id)).filter((queued) => queued.questionId === question.id);
    expect(item).toMatchObject({ reason: "requested", hasPrivateNote: true });

    expect(await ladderOf(question.id, asker.id)).toMatchObject({ privateNote: note, forAsker: true, canRequestStaff: false, position: { stage: "staff", requested: true } });
    expect(await ladderOf(question.id, staff.id)).toMatchObject({ privateNote: note, forAsker: false });
    // Another member, and a visitor, see no ladder and no note anywhere on the page.
    expect(await ladderOf(question.id, member.id)).toBeNull();
    const anonymous = await callRoute(() => questionRoute.loader({ request: getRequest(url), params: { id: String(question.id) }, context: contextFor(t.db) }));
    expect(anonymous.data.ladder).toBeNull();
    expect(JSON.stringify(anonymous.data)).not.toContain("PD-44871");
    // Not in search, not in any email.
    expect((await searchEverything(t.db, parseSearchQuery("PD-44871"))).results.map((result) => result.title)).not.toContain(title);
    for (const person of [asker, staff, member]) expect(JSON.stringify(await emailsTo(t.db, person.email))).not.toContain("PD-44871");
  });

  it("the staff queue is for staff: a customer gets 403, a visitor is sent to log in", async () => {
    const customer = await makeUser(t.db, { reputation: 20_000 });
    const refused = await callRoute(async () => queueRoute.loader({ request: getRequest("/staff/queue", await sessionCookieFor(t.db, customer.id)), params: {}, context: contextFor(t.db) }));
    expect(refused.status).toBe(403);
    const visitor = await callRoute(() => queueRoute.loader({ request: getRequest("/staff/queue"), params: {}, context: contextFor(t.db) }));
    expect(visitor.status).toBe(302);
    const staff = await makeUser(t.db, { role: "staff" });
    const page = await callRoute(async () => queueRoute.loader({ request: getRequest("/staff/queue", await sessionCookieFor(t.db, staff.id)), params: {}, context: contextFor(t.db) }));
    expect(page.status).toBe(200);
  });
});
