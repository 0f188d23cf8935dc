import { describe, expect, it } from "vitest";
import { canManageArticles, canPromote, canRead, nextStatus, reviewReasons, uniqueSlug, type FreshnessFacts } from "~/domain/knowledge-base";
import type { Actor } from "~/domain/privileges";

const customer: Actor = { id: 1, role: "customer", reputation: 50_000 };
const staff: Actor = { id: 2, role: "staff", reputation: 1 };
const admin: Actor = { id: 3, role: "admin", reputation: 1 };
const liveAnswer = { type: "answer" as const, deleted: false, existingArticleSlug: null };

describe("who may promote", () => {
  it.each([
    { who: "a signed-out visitor", actor: null, status: 403 },
    { who: "a customer, whatever their reputation", actor: customer, status: 403 },
    { who: "staff", actor: staff, status: null },
    { who: "an admin", actor: admin, status: null },
  ])("$who: $status", ({ actor, status }) => {
    const decision = canPromote(actor, liveAnswer);
    expect(decision.allowed ? null : decision.status).toBe(status);
  });
  it.each([
    { what: "a question", answer: { ...liveAnswer, type: "question" as const }, status: 404 },
    { what: "a deleted answer", answer: { ...liveAnswer, deleted: true }, status: 404 },
    { what: "an answer already promoted", answer: { ...liveAnswer, existingArticleSlug: "reset-2fa" }, status: 409 },
  ])("not $what ($status)", ({ answer, status }) => {
    const decision = canPromote(staff, answer);
    expect(decision.allowed ? null : decision.status).toBe(status);
  });
});

describe("managing and reading", () => {
  it("only staff manage articles", () => {
    expect(canManageArticles(customer).allowed).toBe(false);
    expect(canManageArticles(null).allowed).toBe(false);
    expect(canManageArticles(staff).allowed).toBe(true);
  });
  it.each([
    { status: "published", deleted: false, actor: null, visible: true },
    { status: "draft", deleted: false, actor: null, visible: false },
    { status: "draft", deleted: false, actor: customer, visible: false },
    { status: "archived", deleted: false, actor: customer, visible: false },
    { status: "draft", deleted: false, actor: staff, visible: true },
    { status: "published", deleted: true, actor: staff, visible: false },
  ] as const)("$status (deleted $deleted) visible to $actor.role: $visible", ({ status, deleted, actor, visible }) => {
    expect(canRead(actor, { status, deleted })).toBe(visible);
  });
});

describe("status changes", () => {
  it.each([
    ["draft", "publish", "published"],
    ["published", "unpublish", "draft"],
    ["published", "archive", "archived"],
    ["draft", "archive", "archived"],
    ["archived", "restore", "draft"],
    ["published", "publish", null],
    ["archived", "publish", null],
    ["draft", "unpublish", null],
  ] as const)("%s + %s -> %s", (from, change, to) => {
    expect(nextStatus(from, change)).toBe(to);
  });
});

describe("needs review", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  const fresh: FreshnessFacts = {
    status: "published",
    publishedAt: new Date("2026-11-01T00:00:00Z"),
    lastVerifiedAt: new Date("2026-11-01T00:00:00Z"),
    sourceRevisionNumber: 1,
    currentSourceRevisionNumber: 1,
  };
  it("a freshly verified, unchanged article needs nothing", () => {
    expect(reviewReasons(fresh, now, 30)).toEqual([]);
  });
  it("an edited source answer needs review", () => {
    expect(reviewReasons({ ...fresh, currentSourceRevisionNumber: 2 }, now, 30)).toEqual(["source_changed"]);
  });
  it("an article not verified within the configured days needs review", () => {
    expect(reviewReasons({ ...fresh, lastVerifiedAt: new Date("2026-10-01T00:00:00Z") }, now, 30)).toEqual(["not_verified_recently"]);
    expect(reviewReasons({ ...fresh, lastVerifiedAt: new Date("2026-10-01T00:00:00Z") }, now, 60)).toEqual([]);
  });
  it("drafts are not listed for review", () => {
    expect(reviewReasons({ ...fresh, status: "draft", currentSourceRevisionNumber: 5 }, now, 30)).toEqual([]);
  });
});

describe("slugs", () => {
  it("adds a number when a slug is taken", () => {
    const taken = new Set(["reset-2fa", "reset-2fa-2"]);
    expect(uniqueSlug("reset-2fa", (slug) => taken.has(slug))).toBe("reset-2fa-3");
    expect(uniqueSlug("export-csv", (slug) => taken.has(slug))).toBe("export-csv");
  });
});
