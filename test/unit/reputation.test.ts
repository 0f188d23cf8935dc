import { describe, expect, it } from "vitest";
import { DAILY_VOTE_CAP, REPUTATION_RULES, acceptEvents, appliedDelta, earnsReputation, voteEvents } from "~/domain/reputation";

describe("reputation points (PRODUCT.md table)", () => {
  it.each([
    ["post_upvoted", 10],
    ["post_downvoted", -2],
    ["answer_downvote_cast", -1],
    ["answer_accepted", 15],
    ["accepted_an_answer", 2],
    ["answer_promoted", 25],
    ["post_removed_as_spam", -100],
  ] as const)("%s is worth %i", (reason, points) => {
    expect(REPUTATION_RULES[reason].points).toBe(points);
  });

  it("caps only vote reputation", () => {
    expect(Object.entries(REPUTATION_RULES).filter(([, rule]) => rule.capped).map(([reason]) => reason).sort()).toEqual([
      "post_downvoted",
      "post_upvoted",
    ]);
  });
});

describe("appliedDelta: daily cap and floor", () => {
  it.each([
    // nominal, capped, current, gained today from votes, applied
    { nominal: 10, capped: true, current: 1, today: 0, applied: 10 },
    { nominal: 10, capped: true, current: 500, today: 195, applied: 5 },
    { nominal: 10, capped: true, current: 500, today: DAILY_VOTE_CAP, applied: 0 },
    { nominal: 10, capped: true, current: 500, today: 250, applied: 0 },
    { nominal: 15, capped: false, current: 500, today: DAILY_VOTE_CAP, applied: 15 },
    { nominal: -2, capped: true, current: 50, today: DAILY_VOTE_CAP, applied: -2 },
    { nominal: -2, capped: true, current: 2, today: 0, applied: -1 },
    { nominal: -2, capped: true, current: 1, today: 0, applied: 0 },
    { nominal: -100, capped: false, current: 30, today: 0, applied: -29 },
    { nominal: -1, capped: false, current: 1, today: 0, applied: 0 },
  ])("$nominal at $current (today $today, capped $capped) applies $applied", ({ nominal, capped, current, today, applied }) => {
    expect(appliedDelta(nominal, capped, { current, cappedGainToday: today })).toBe(applied);
  });
});

describe("events produced", () => {
  it("an upvote pays the author", () => {
    expect(voteEvents({ value: 1, postType: "answer", authorId: 1, voterId: 2 })).toEqual([{ userId: 1, reason: "post_upvoted" }]);
  });
  it("a question downvote costs only the author", () => {
    expect(voteEvents({ value: -1, postType: "question", authorId: 1, voterId: 2 })).toEqual([{ userId: 1, reason: "post_downvoted" }]);
  });
  it("an answer downvote also costs the voter", () => {
    expect(voteEvents({ value: -1, postType: "answer", authorId: 1, voterId: 2 })).toEqual([
      { userId: 1, reason: "post_downvoted" },
      { userId: 2, reason: "answer_downvote_cast" },
    ]);
  });
  it("an accept pays answerer and asker", () => {
    expect(acceptEvents({ answerAuthorId: 1, askerId: 2 })).toEqual([
      { userId: 1, reason: "answer_accepted" },
      { userId: 2, reason: "accepted_an_answer" },
    ]);
  });
  it("accepting your own answer pays nothing", () => {
    expect(acceptEvents({ answerAuthorId: 3, askerId: 3 })).toEqual([]);
  });
  it.each([
    ["customer", true],
    ["staff", false],
    ["admin", false],
  ])("%s earns reputation: %s", (role, earns) => {
    expect(earnsReputation(role)).toBe(earns);
  });
});
