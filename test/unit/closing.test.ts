import { describe, expect, it } from "vitest";
import {
  checkSuspensionDays,
  closeVoteExpiresAt,
  countingVotes,
  currentSuspension,
  isCloseVoteExpired,
  isSuspensionActive,
  parseQuestionReference,
  suspensionEndsAt,
  tallyCloseVotes,
  type CloseVoteFacts,
} from "~/domain/closing";
import { MODERATION_SETTINGS } from "~/domain/moderation";
import { moderationActionLabel } from "~/domain/moderation-log";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-12-02T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

function vote(voterId: number, overrides: Partial<CloseVoteFacts> = {}): CloseVoteFacts {
  return { voterId, kind: "close", status: "open", reason: "off_topic", duplicateOfId: null, createdAt: ago(1), ...overrides };
}

describe("close-vote expiry", () => {
  const lifetime = MODERATION_SETTINGS.closeVoteLifetimeDays;
  it.each([
    { age: 0, expired: false },
    { age: lifetime - 0.01, expired: false },
    { age: lifetime, expired: true },
    { age: lifetime + 3, expired: true },
  ])("a vote $age days old: expired=$expired", ({ age, expired }) => {
    expect(isCloseVoteExpired({ createdAt: ago(age) }, NOW)).toBe(expired);
  });

  it("expires exactly the lifetime after it was cast", () => {
    expect(closeVoteExpiresAt(ago(0)).getTime() - NOW.getTime()).toBe(lifetime * DAY);
  });
});

describe("counting close votes", () => {
  const old = MODERATION_SETTINGS.closeVoteLifetimeDays + 1;
  it.each([
    { name: "three open fresh votes count", votes: [vote(1), vote(2), vote(3)], kind: "close" as const, counted: 3 },
    { name: "an expired vote does not count", votes: [vote(1), vote(2), vote(3, { createdAt: ago(old) })], kind: "close" as const, counted: 2 },
    { name: "applied and expired statuses do not count", votes: [vote(1, { status: "applied" }), vote(2, { status: "expired" }), vote(3)], kind: "close" as const, counted: 1 },
    { name: "reopen votes are counted apart from close votes", votes: [vote(1, { kind: "reopen" }), vote(2), vote(3, { kind: "reopen" })], kind: "reopen" as const, counted: 2 },
    { name: "one voter counts once", votes: [vote(1), vote(1, { createdAt: ago(2) }), vote(2)], kind: "close" as const, counted: 2 },
  ])("$name", ({ votes, kind, counted }) => {
    expect(countingVotes(votes, kind, NOW)).toHaveLength(counted);
  });
});

describe("tallying close votes", () => {
  it.each([
    { name: "two of three: nothing yet", votes: [vote(1), vote(2)], expected: { apply: false, count: 2 } },
    { name: "three: closes with the common reason", votes: [vote(1), vote(2, { reason: "needs_details" }), vote(3)], expected: { apply: true, reason: "off_topic" } },
    {
      name: "a tie goes to the reason voted first",
      votes: [vote(1, { reason: "needs_details", createdAt: ago(3) }), vote(2, { reason: "off_topic", createdAt: ago(2) }), vote(3, { reason: "resolved_elsewhere", createdAt: ago(1) })],
      expected: { apply: true, reason: "needs_details" },
    },
    {
      name: "duplicate: the original most voters named",
      votes: [vote(1, { reason: "duplicate", duplicateOfId: 7 }), vote(2, { reason: "duplicate", duplicateOfId: 9 }), vote(3, { reason: "duplicate", duplicateOfId: 9 })],
      expected: { apply: true, reason: "duplicate", duplicateOfId: 9 },
    },
    {
      name: "two fresh and one expired: nothing yet",
      votes: [vote(1), vote(2), vote(3, { createdAt: ago(MODERATION_SETTINGS.closeVoteLifetimeDays + 0.5) })],
      expected: { apply: false, count: 2 },
    },
  ])("$name", ({ votes, expected }) => {
    expect(tallyCloseVotes(votes, "close", NOW)).toMatchObject({ needed: MODERATION_SETTINGS.closeVotesNeeded, ...expected });
  });

  it("reopen votes reopen at the same threshold, with no reason", () => {
    const votes = [1, 2, 3].map((id) => vote(id, { kind: "reopen", reason: null }));
    expect(tallyCloseVotes(votes, "reopen", NOW)).toEqual({ apply: true, count: 3, needed: 3, reason: null, duplicateOfId: null });
  });
});

describe("naming the original question", () => {
  it.each([
    { input: "42", id: 42 },
    { input: " #42 ", id: 42 },
    { input: "/questions/42", id: 42 },
    { input: "/questions/42/how-do-i-export", id: 42 },
    { input: "https://forum.example.com/questions/42/slug#answer-7", id: 42 },
    { input: "http://localhost:3000/questions/42?x=1", id: 42 },
    { input: "", id: null },
    { input: "0", id: null },
    { input: "-3", id: null },
    { input: "forty-two", id: null },
    { input: "/users/42", id: null },
    { input: "99999999999", id: null },
    { input: "javascript:alert(1)", id: null },
  ])("$input -> $id", ({ input, id }) => {
    expect(parseQuestionReference(input)).toBe(id);
  });
});

describe("suspension length", () => {
  const max = MODERATION_SETTINGS.maxSuspensionDays;
  it.each([
    { days: 1, ok: true },
    { days: 7, ok: true },
    { days: max, ok: true },
    { days: 0, ok: false },
    { days: -1, ok: false },
    { days: max + 1, ok: false },
    { days: 2.5, ok: false },
    { days: Number.NaN, ok: false },
  ])("$days days: ok=$ok", ({ days, ok }) => {
    expect(checkSuspensionDays(days).ok).toBe(ok);
  });

  it("ends that many whole days after it starts, and by itself", () => {
    const ends = suspensionEndsAt(NOW, 7);
    expect(ends.getTime() - NOW.getTime()).toBe(7 * DAY);
    expect(isSuspensionActive({ endsAt: ends, liftedAt: null }, new Date(ends.getTime() - 1))).toBe(true);
    expect(isSuspensionActive({ endsAt: ends, liftedAt: null }, ends)).toBe(false);
    expect(isSuspensionActive({ endsAt: ends, liftedAt: NOW }, NOW)).toBe(false);
  });

  it("the current suspension is the active one that ends last", () => {
    const list = [
      { id: 1, endsAt: new Date(NOW.getTime() + DAY), liftedAt: null },
      { id: 2, endsAt: new Date(NOW.getTime() + 5 * DAY), liftedAt: NOW },
      { id: 3, endsAt: new Date(NOW.getTime() + 3 * DAY), liftedAt: null },
      { id: 4, endsAt: ago(1), liftedAt: null },
    ];
    expect(currentSuspension(list, NOW)?.id).toBe(3);
    expect(currentSuspension([list[3]], NOW)).toBeNull();
  });
});

describe("log wording", () => {
  it.each([
    { action: "question_duplicate", words: "Closed as duplicate" },
    { action: "user_suspended", words: "Member suspended" },
    { action: "some_future_action", words: "Some future action" },
  ])("$action reads '$words'", ({ action, words }) => {
    expect(moderationActionLabel(action)).toBe(words);
  });
});
