// Deflection figures come from recorded facts: each counted once per ask session, and an ask
// counts as abandoned only once its window has passed without a question or a "solved".
import { describe, expect, it } from "vitest";
import { ABANDON_WINDOW_MINUTES } from "~/domain/deflection";
import { deflectionByDay, recordDeflectionEvent, recordSearchMiss, topSearchMisses } from "~/services/deflection.server";
import { useTestDatabase } from "../support/databases";
import { makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, getRequest } from "../support/routes";
import { loader as deflectionPage } from "~/routes/admin.deflection";

const t = useTestDatabase();
const article: { kind: "article" | "question"; id: number } = { kind: "article", id: 7 };
const minutes = (n: number) => n * 60 * 1000;

describe("deflection report", () => {
  it("counts each ask session once per fact and derives abandoned asks from the window", async () => {
    const user = await makeUser(t.db);
    const start = new Date("2026-11-30T10:00:00Z");
    const at = (offset: number) => new Date(start.getTime() + minutes(offset));
    const record = (askSession: string, kind: Parameters<typeof recordDeflectionEvent>[1]["kind"], offset: number, target = article) =>
      recordDeflectionEvent(t.db, { askSession, kind, userId: user.id, target: kind === "suggestions_shown" ? null : target }, at(offset));

    // Solved: shown twice (a reload), opened, marked solved.
    await record("session-solved-000001", "suggestions_shown", 0);
    await record("session-solved-000001", "suggestions_shown", 1);
    await record("session-solved-000001", "suggestion_opened", 2);
    await record("session-solved-000001", "solved", 3);
    // Abandoned: opened, then nothing.
    await record("session-abandon-00001", "suggestions_shown", 0);
    await record("session-abandon-00001", "suggestion_opened", 1);
    // Posted anyway after opening.
    await record("session-posted-000001", "suggestions_shown", 0);
    await record("session-posted-000001", "suggestion_opened", 1);
    await record("session-posted-000001", "question_posted", 5, { kind: "question", id: 99 });
    // Still inside the window: not yet abandoned.
    await record("session-recent-000001", "suggestions_shown", 40);
    await record("session-recent-000001", "suggestion_opened", 41);

    const now = at(41 + ABANDON_WINDOW_MINUTES - 1);
    expect(await deflectionByDay(t.db, 30, now)).toEqual([
      { day: "2026-11-30", sessionsWithSuggestions: 4, suggestionsOpened: 4, solved: 1, abandonedAfterOpening: 1, postedAnyway: 1 },
    ]);
    const later = at(41 + ABANDON_WINDOW_MINUTES + 1);
    expect((await deflectionByDay(t.db, 30, later))[0]?.abandonedAfterOpening).toBe(2);
  });

  it("ignores a forged ask session id", async () => {
    const user = await makeUser(t.db);
    const before = await deflectionByDay(t.db, 30);
    await recordDeflectionEvent(t.db, { askSession: "x'; drop table users; --", kind: "suggestions_shown", userId: user.id });
    expect(await deflectionByDay(t.db, 30)).toEqual(before);
  });
});

describe("searches that found nothing", () => {
  it("are counted under their normalised text, most frequent first", async () => {
    await recordSearchMiss(t.db, "  Export   TO Sage ");
    await recordSearchMiss(t.db, "export to sage");
    await recordSearchMiss(t.db, "payroll in Kenya");
    await recordSearchMiss(t.db, "x");
    const misses = await topSearchMisses(t.db);
    expect(misses.map((miss) => [miss.query, miss.count])).toEqual([
      ["export to sage", 2],
      ["payroll in kenya", 1],
    ]);
  });
});

describe("the staff deflection page", () => {
  it("shows staff the totals and the searches that found nothing, and refuses customers", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const customer = await makeUser(t.db);
    const staffCookie = await sessionCookieFor(t.db, staff.id);
    await recordDeflectionEvent(t.db, { askSession: "page-test-session-01", kind: "suggestions_shown", userId: customer.id });
    await recordDeflectionEvent(t.db, { askSession: "page-test-session-01", kind: "solved", userId: customer.id, target: article });
    await recordSearchMiss(t.db, "vat on crypto invoices");

    const page = await callRoute(() => deflectionPage({ request: getRequest("/admin/deflection?days=7", staffCookie), context: contextFor(t.db), params: {} }));
    expect(page.status).toBe(200);
    expect(page.data.days).toBe(7);
    expect(page.data.totals.solved).toBeGreaterThanOrEqual(1);
    expect(page.data.misses.map((miss: { query: string }) => miss.query)).toContain("vat on crypto invoices");

    const odd = await callRoute(() => deflectionPage({ request: getRequest("/admin/deflection?days=abc", staffCookie), context: contextFor(t.db), params: {} }));
    expect(odd.status).toBe(200);
    expect(odd.data.days).toBe(30);

    const refused = await callRoute(async () =>
      deflectionPage({ request: getRequest("/admin/deflection", await sessionCookieFor(t.db, customer.id)), context: contextFor(t.db), params: {} }),
    );
    expect(refused.status).toBe(403);
  });
});
