// Staff verified: only staff mark an answer (the route refuses everyone else with 403 and changes
// nothing), the mark is logged, shown on the question page, and counts as solved in lists and search.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { moderationLog, posts, users } from "../../db/schema";
import { parseSearchQuery } from "~/domain/search-query";
import * as verifyRoute from "~/routes/posts.$id.verify";
import * as questionRoute from "~/routes/questions.$id.($slug)";
import { listQuestions } from "~/services/question-queries.server";
import { searchEverything } from "~/services/search/search.server";
import { setStaffVerified } from "~/services/staff-verification.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest, questionUrl } from "../support/routes";

const t = useTestDatabase();
type User = Awaited<ReturnType<typeof makeUser>>;
let asker: User;
let answerer: User;
let staff: User;

beforeAll(async () => {
  asker = await makeUser(t.db);
  answerer = await makeUser(t.db);
  staff = await makeUser(t.db, { role: "staff" });
});

async function verification(answerId: number) {
  const [row] = await t.db.select({ at: posts.staffVerifiedAt, by: posts.staffVerifiedBy }).from(posts).where(eq(posts.id, answerId));
  return row;
}
async function logFor(answerId: number) {
  return t.db.select({ action: moderationLog.action, actorId: moderationLog.actorId, targetUserId: moderationLog.targetUserId }).from(moderationLog).where(eq(moderationLog.postId, answerId));
}
function post(answerId: number, intent: string, cookie?: string) {
  return callRoute(async () =>
    verifyRoute.action({ request: formRequest(`/posts/${answerId}/verify`, { intent }, cookie), params: { id: String(answerId) }, context: contextFor(t.db) }),
  );
}

describe(`staff verified on ${t.plan.label}`, () => {
  it("is refused with 403 and no change for an anonymous visitor, a high-reputation customer and a suspended customer", async () => {
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, answerer.id, question.id);
    const veteran = await makeUser(t.db, { reputation: 50_000 });
    const suspended = await makeUser(t.db, { reputation: 50_000 });
    await t.db
      .update(users)
      .set({ suspendedUntil: new Date(Date.now() + 7 * 86_400_000), suspensionReason: "Spamming links" })
      .where(eq(users.id, suspended.id));

    const anonymous = await post(answer.id, "verify");
    expect(anonymous.status).toBe(403);
    expect(anonymous.data.message).toBe("Log in to do that.");
    const customer = await post(answer.id, "verify", await sessionCookieFor(t.db, veteran.id));
    expect(customer.status).toBe(403);
    expect(customer.data.message).toBe("Only staff can do that.");
    const barred = await post(answer.id, "verify", await sessionCookieFor(t.db, suspended.id));
    expect(barred.status).toBe(403);
    expect(barred.data.message).toBe("Only staff can do that.");

    expect(await verification(answer.id)).toEqual({ at: null, by: null });
    expect(await logFor(answer.id)).toEqual([]);
    // The service refuses the same way, whoever calls it.
    await expect(setStaffVerified(t.db, { actorId: null, answerId: answer.id })).rejects.toMatchObject({ status: 403 });
    await expect(setStaffVerified(t.db, { actorId: veteran.id, answerId: answer.id })).rejects.toMatchObject({ status: 403 });
  });

  it("staff mark and unmark an answer; each change is logged once; marking twice changes nothing", async () => {
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, answerer.id, question.id);
    const cookie = await sessionCookieFor(t.db, staff.id);
    const marked = await post(answer.id, "verify", cookie);
    expect(marked.status).toBe(302);
    expect(marked.location).toBe(`${await questionUrl(t.db, question.id)}#answer-${answer.id}`);
    expect(await verification(answer.id)).toEqual({ at: expect.any(Date), by: staff.id });
    await post(answer.id, "verify", cookie);
    expect(await logFor(answer.id)).toEqual([{ action: "answer_verified", actorId: staff.id, targetUserId: answerer.id }]);

    // The page shows the mark to everyone, and the staff member the button to remove it.
    const page = await callRoute(async () => questionRoute.loader({ request: getRequest(await questionUrl(t.db, question.id)), params: { id: String(question.id) }, context: contextFor(t.db) }));
    const shown = page.data.answers.find((a: { id: number }) => a.id === answer.id);
    expect(shown.staffVerifiedAt).not.toBeNull();
    expect(shown.canVerify).toBe(false);
    const staffPage = await callRoute(async () => questionRoute.loader({ request: getRequest(await questionUrl(t.db, question.id), cookie), params: { id: String(question.id) }, context: contextFor(t.db) }));
    expect(staffPage.data.answers.find((a: { id: number }) => a.id === answer.id).canVerify).toBe(true);

    await post(answer.id, "unverify", cookie);
    expect(await verification(answer.id)).toEqual({ at: null, by: null });
    expect((await logFor(answer.id)).map((entry) => entry.action)).toEqual(["answer_verified", "answer_unverified"]);
  });

  it("questions are refused as targets (404), an unknown intent is 400, a missing answer 404", async () => {
    const question = await makeQuestion(t.db, asker.id);
    const cookie = await sessionCookieFor(t.db, staff.id);
    expect((await post(question.id, "verify", cookie)).status).toBe(404);
    expect((await post(question.id, "bless", cookie)).status).toBe(400);
    expect((await post(2_000_000_000, "verify", cookie)).status).toBe(404);
  });

  it("a staff-verified answer makes its question solved in the question list and in search", async () => {
    const word = `quokkaverify${Date.now().toString(36)}`;
    const question = await makeQuestion(t.db, asker.id, `Why does ${word} sync stall?`);
    const answer = await makeAnswer(t.db, answerer.id, question.id, `Restart the ${word} connector from Settings.`);
    const solvedInList = async () => (await listQuestions(t.db, { sort: "newest", limit: 50 })).questions.find((q) => q.id === question.id)!;
    const search = (q: string) => searchEverything(t.db, parseSearchQuery(q));
    expect(await solvedInList()).toMatchObject({ hasAcceptedAnswer: false, solved: false });
    expect((await search(`${word} is:solved`)).results).toEqual([]);

    await setStaffVerified(t.db, { actorId: staff.id, answerId: answer.id });
    expect(await solvedInList()).toMatchObject({ hasAcceptedAnswer: false, solved: true });
    const found = await search(`${word} is:solved`);
    expect(found.results.map((r) => `${r.kind}:${r.id}:${r.solved}`).sort()).toEqual([`answer:${answer.id}:true`, `question:${question.id}:true`]);
  });
});
