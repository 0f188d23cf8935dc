import { describe, expect, it } from "vitest";
import { can, explainRefusal, isNewAccount, type Actor, type Decision, type PostFacts } from "~/domain/privileges";
import { requireAllowed } from "~/services/actors.server";
import { ConflictError, ForbiddenError, NotFoundError } from "~/services/errors";

const customer = (reputation: number, id = 1): Actor => ({ id, role: "customer", reputation });
const staff: Actor = { id: 9, role: "staff", reputation: 1 };
const admin: Actor = { id: 10, role: "admin", reputation: 1 };
const othersAnswer: PostFacts = { authorId: 5, type: "answer", deleted: false, questionDeleted: false, questionAuthorId: 6 };
const othersQuestion: PostFacts = { authorId: 5, type: "question", deleted: false, questionDeleted: false, questionAuthorId: 5 };

describe("reputation thresholds", () => {
  it.each([
    { action: "upvote", rep: 14, allowed: false },
    { action: "upvote", rep: 15, allowed: true },
    { action: "downvote", rep: 124, allowed: false },
    { action: "downvote", rep: 125, allowed: true },
  ] as const)("$action at $rep: $allowed", ({ action, rep, allowed }) => {
    expect(can(customer(rep), { type: action, post: othersAnswer }).allowed).toBe(allowed);
  });

  it("tells the user what they need", () => {
    const decision = can(customer(3), { type: "upvote", post: othersAnswer });
    expect(decision).toEqual({ allowed: false, reason: "needs_reputation", required: 15, privilege: "upvote" });
    expect(explainRefusal(decision)).toBe("You need 15 reputation to upvote.");
  });

  it.each([
    { who: "own post", actor: customer(1, 5), post: othersQuestion, allowed: true },
    { who: "answer to own question", actor: customer(1, 6), post: othersAnswer, allowed: true },
    { who: "someone else's post at 49", actor: customer(49), post: othersAnswer, allowed: false },
    { who: "someone else's post at 50", actor: customer(50), post: othersAnswer, allowed: true },
    { who: "staff anywhere", actor: staff, post: othersAnswer, allowed: true },
  ])("comment on $who: $allowed", ({ actor, post, allowed }) => {
    expect(can(actor, { type: "comment", post }).allowed).toBe(allowed);
  });

  it.each([
    { who: "author", actor: customer(1, 5), allowed: true },
    { who: "customer at 999", actor: customer(999), allowed: false },
    { who: "customer at 1000", actor: customer(1000), allowed: true },
    { who: "staff", actor: staff, allowed: true },
  ])("edit someone's answer as $who: $allowed", ({ actor, allowed }) => {
    expect(can(actor, { type: "edit", post: othersAnswer }).allowed).toBe(allowed);
  });
});

describe("voting rules", () => {
  it("no voting on your own post, whatever your reputation", () => {
    expect(can(customer(5000, 5), { type: "upvote", post: othersAnswer })).toEqual({ allowed: false, reason: "own_post" });
  });
  it("no voting on deleted posts", () => {
    expect(can(customer(500), { type: "upvote", post: { ...othersAnswer, deleted: true } }).allowed).toBe(false);
  });
  it("staff may vote with any reputation", () => {
    expect(can(staff, { type: "downvote", post: othersAnswer }).allowed).toBe(true);
  });
  it("signed-out visitors may do nothing", () => {
    expect(can(null, { type: "ask" })).toEqual({ allowed: false, reason: "not_signed_in" });
  });
});

describe("accept rules", () => {
  it.each([
    { who: "the asker", actor: customer(1, 6), allowed: true },
    { who: "the answerer", actor: customer(5000, 5), allowed: false },
    { who: "another customer", actor: customer(5000, 7), allowed: false },
    { who: "staff, for the asker", actor: staff, allowed: true },
  ])("$who may accept: $allowed", ({ actor, allowed }) => {
    expect(can(actor, { type: "accept", answer: othersAnswer }).allowed).toBe(allowed);
  });
  it("a deleted answer cannot be accepted", () => {
    expect(can(customer(1, 6), { type: "accept", answer: { ...othersAnswer, deleted: true } }).allowed).toBe(false);
  });
  it("a question cannot be accepted", () => {
    expect(can(customer(1, 5), { type: "accept", answer: othersQuestion }).allowed).toBe(false);
  });
});

describe("roles", () => {
  it("only admins change roles, and not their own", () => {
    expect(can(admin, { type: "changeRole", target: { id: 3 } }).allowed).toBe(true);
    expect(can(admin, { type: "changeRole", target: { id: admin.id } }).allowed).toBe(false);
    expect(can(staff, { type: "changeRole", target: { id: 3 } }).allowed).toBe(false);
    expect(can(customer(100000), { type: "changeRole", target: { id: 3 } }).allowed).toBe(false);
  });
});

describe("new accounts", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  it.each([
    { age: "1 hour", createdAt: new Date("2026-11-23T11:00:00Z"), isNew: true },
    { age: "23h59m", createdAt: new Date("2026-11-22T12:01:00Z"), isNew: true },
    { age: "24 hours", createdAt: new Date("2026-11-22T12:00:00Z"), isNew: false },
  ])("an account $age old is new: $isNew", ({ createdAt, isNew }) => {
    expect(isNewAccount(createdAt, now)).toBe(isNew);
  });
});

describe("deleting and restoring", () => {
  const ownAnswer: PostFacts = { authorId: 1, type: "answer", deleted: false, questionDeleted: false, questionAuthorId: 6 };
  const ownQuestion: PostFacts = { authorId: 1, type: "question", deleted: false, questionDeleted: false, questionAuthorId: 1 };
  it.each([
    { what: "own answer", actor: customer(1), post: { ...ownAnswer, accepted: false, answerCount: 0 }, allowed: true },
    { what: "own accepted answer", actor: customer(1), post: { ...ownAnswer, accepted: true, answerCount: 0 }, allowed: false },
    { what: "own question without answers", actor: customer(1), post: { ...ownQuestion, accepted: false, answerCount: 0 }, allowed: true },
    { what: "own question with answers", actor: customer(1), post: { ...ownQuestion, accepted: false, answerCount: 2 }, allowed: false },
    { what: "someone else's answer at 50,000", actor: customer(50_000, 2), post: { ...ownAnswer, accepted: false, answerCount: 0 }, allowed: false },
    { what: "anything, as staff", actor: staff, post: { ...ownQuestion, accepted: false, answerCount: 9 }, allowed: true },
    { what: "an already deleted post", actor: staff, post: { ...ownAnswer, deleted: true, accepted: false, answerCount: 0 }, allowed: false },
  ])("delete $what: $allowed", ({ actor, post, allowed }) => {
    expect(can(actor, { type: "delete", post }).allowed).toBe(allowed);
  });
  it("only staff restore, and only what is deleted", () => {
    expect(can(staff, { type: "restore", post: { ...ownAnswer, deleted: true } }).allowed).toBe(true);
    expect(can(staff, { type: "restore", post: ownAnswer }).allowed).toBe(false);
    expect(can(customer(1), { type: "restore", post: { ...ownAnswer, deleted: true } }).allowed).toBe(false);
  });
});

describe("one place turns a refusal into a status", () => {
  it.each([
    { reason: "deleted", error: NotFoundError, status: 404 },
    { reason: "not_an_answer", error: NotFoundError, status: 404 },
    { reason: "not_published", error: NotFoundError, status: 404 },
    { reason: "already_promoted", error: ConflictError, status: 409 },
    { reason: "not_staff", error: ForbiddenError, status: 403 },
    { reason: "not_signed_in", error: ForbiddenError, status: 403 },
  ] as const)("$reason -> $status", ({ reason, error, status }) => {
    const decision = { allowed: false, reason } as Decision;
    expect(() => requireAllowed(decision, "That article")).toThrow(error);
    try {
      requireAllowed(decision, "That article");
    } catch (thrown) {
      expect((thrown as { status: number }).status).toBe(status);
      if (status === 404) expect((thrown as Error).message).toBe("That article does not exist.");
      else expect((thrown as Error).message).toBe(explainRefusal(decision));
    }
  });
  it("an allowed decision passes", () => {
    expect(() => requireAllowed({ allowed: true })).not.toThrow();
  });
});

describe("suspensions and thread states", () => {
  const suspended: Actor = { ...customer(5000, 1), suspension: { until: new Date("2026-12-09T14:05:00Z"), reason: "Posting the same link everywhere" } };
  const lockedQuestion: PostFacts = { ...othersQuestion, locked: true };
  const closedQuestion: PostFacts = { ...othersQuestion, closed: true };

  it.each([
    { type: "ask" },
    { type: "answer", question: othersQuestion },
    { type: "comment", post: othersAnswer },
    { type: "upvote", post: othersAnswer },
    { type: "downvote", post: othersAnswer },
    { type: "edit", post: othersAnswer },
    { type: "flag", post: othersAnswer },
    { type: "voteToClose", question: othersQuestion },
    { type: "review", destructive: false },
  ] as const)("a suspended member may not $type, and is told why and until when", (action) => {
    const decision = can(suspended, action);
    expect(decision).toMatchObject({ allowed: false, reason: "suspended" });
    expect(explainRefusal(decision)).toBe("Your account is suspended until 9 Dec 2026, 14:05 UTC: Posting the same link everywhere");
  });

  it("a suspended member still reads and rates articles", () => {
    expect(can(suspended, { type: "readArticle", article: { status: "published", deleted: false } }).allowed).toBe(true);
  });

  it.each([
    { action: { type: "answer", question: lockedQuestion }, actor: customer(5000), reason: "locked" },
    { action: { type: "comment", post: lockedQuestion }, actor: customer(5000), reason: "locked" },
    { action: { type: "upvote", post: lockedQuestion }, actor: customer(5000), reason: "locked" },
    { action: { type: "edit", post: lockedQuestion }, actor: customer(5000), reason: "locked" },
    { action: { type: "answer", question: closedQuestion }, actor: customer(5000), reason: "closed" },
    { action: { type: "answer", question: closedQuestion }, actor: staff, reason: "closed" },
  ] as const)("$reason: $action.type by $actor.role is refused", ({ action, actor, reason }) => {
    expect(can(actor, action)).toEqual({ allowed: false, reason });
  });

  it("staff still comment on a locked thread; anyone still comments on a closed one", () => {
    expect(can(staff, { type: "comment", post: lockedQuestion }).allowed).toBe(true);
    expect(can(customer(50), { type: "comment", post: closedQuestion }).allowed).toBe(true);
  });

  it.each([
    { who: "customer", actor: customer(5000), target: { id: 2, role: "customer" }, reason: "not_staff" },
    { who: "staff on self", actor: staff, target: { id: 9, role: "staff" }, reason: "self" },
    { who: "staff on staff", actor: staff, target: { id: 3, role: "staff" }, reason: "target_staff" },
  ] as const)("suspend refused: $who", ({ actor, target, reason }) => {
    expect(can(actor, { type: "suspend", target })).toEqual({ allowed: false, reason });
  });

  it("staff suspend a customer", () => {
    expect(can(staff, { type: "suspend", target: { id: 2, role: "customer" } }).allowed).toBe(true);
  });
});
