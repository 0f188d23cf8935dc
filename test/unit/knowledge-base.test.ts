import { describe, expect, it } from "vitest";
import { nextStatus, reviewReasons, uniqueSlug, type FreshnessFacts } from "~/domain/knowledge-base";
import { can, type Actor, type PostFacts } from "~/domain/privileges";

const customer: Actor = { id: 1, role: "customer", reputation: 50_000 };
const staff: Actor = { id: 2, role: "staff", reputation: 1 };
const admin: Actor = { id: 3, role: "admin", reputation: 1 };
const liveAnswer: PostFacts = { authorId: 7, type: "answer", deleted: false, questionDeleted: false, questionAuthorId: 8 };
const reason = (decision: ReturnType<typeof can>) => (decision.allowed ? null : decision.reason);

describe("who may promote", () => {
  it.each([
    { who: "a signed-out visitor", actor: null, refusal: "not_signed_in" },
    { who: "a customer, whatever their reputation", actor: customer, refusal: "not_staff" },
    { who: "staff", actor: staff, refusal: null },
    { who: "an admin", actor: admin, refusal: null },
  ])("$who: $refusal", ({ actor, refusal }) => {
    expect(reason(can(actor, { type: "promote", answer: liveAnswer, alreadyPromoted: false }))).toBe(refusal);
  });
  it.each([
    { what: "a question", answer: { ...liveAnswer, type: "question" as const }, promoted: false, refusal: "not_an_answer" },
    { what: "a deleted answer", answer: { ...liveAnswer, deleted: true }, promoted: false, refusal: "deleted" },
    { what: "an answer in a deleted thread", answer: { ...liveAnswer, questionDeleted: true }, promoted: false, refusal: "deleted" },
    { what: "an answer already promoted", answer: liveAnswer, promoted: true, refusal: "already_promoted" },
  ])("not $what ($refusal)", ({ answer, promoted, refusal }) => {
    expect(reason(can(staff, { type: "promote", answer, alreadyPromoted: promoted }))).toBe(refusal);
  });
});

describe("managing and reading", () => {
  it("only staff manage articles, and not deleted ones", () => {
    expect(reason(can(customer, { type: "manageArticles" }))).toBe("not_staff");
    expect(reason(can(null, { type: "manageArticles" }))).toBe("not_signed_in");
    expect(reason(can(staff, { type: "manageArticles" }))).toBeNull();
    expect(reason(can(staff, { type: "manageArticles", article: { status: "draft", deleted: true } }))).toBe("deleted");
    // A customer learns nothing about which articles exist: refused as not staff first.
    expect(reason(can(customer, { type: "manageArticles", article: { status: "draft", deleted: true } }))).toBe("not_staff");
  });
  it.each([
    { status: "published", deleted: false, actor: null, refusal: null },
    { status: "draft", deleted: false, actor: null, refusal: "not_published" },
    { status: "draft", deleted: false, actor: customer, refusal: "not_published" },
    { status: "archived", deleted: false, actor: customer, refusal: "not_published" },
    { status: "draft", deleted: false, actor: staff, refusal: null },
    { status: "published", deleted: true, actor: staff, refusal: "deleted" },
  ] as const)("read a $status article (deleted $deleted) as $actor.role: $refusal", ({ status, deleted, actor, refusal }) => {
    expect(reason(can(actor, { type: "readArticle", article: { status, deleted } }))).toBe(refusal);
  });
  it.each([
    { status: "published", deleted: false, refusal: null },
    { status: "draft", deleted: false, refusal: "not_published" },
    { status: "published", deleted: true, refusal: "deleted" },
  ] as const)("rate a $status article (deleted $deleted), even signed out: $refusal", ({ status, deleted, refusal }) => {
    expect(reason(can(null, { type: "rateArticle", article: { status, deleted } }))).toBe(refusal);
    expect(reason(can(staff, { type: "rateArticle", article: { status, deleted } }))).toBe(refusal);
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
