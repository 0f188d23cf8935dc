// What the reputation rules do, not what the numbers are: the daily cap, the floor, and that a
// reversal puts a user back where they were. The ledger itself is tested in voting.test.ts.
import { describe, expect, it } from "vitest";
import {
  DAILY_VOTE_CAP,
  REPUTATION_FLOOR,
  REPUTATION_RULES,
  STARTING_REPUTATION,
  acceptEvents,
  appliedDelta,
  earnsReputation,
  voteEvents,
  type ReputationChange,
} from "~/domain/reputation";

type Reason = ReputationChange["reason"];
const REASONS = Object.keys(REPUTATION_RULES) as Reason[];

/**
 * One user's day, folded through appliedDelta as the ledger is: each event stores what was
 * applied, and a reversal applies minus that (uncapped, but still above the floor).
 */
function day(start = STARTING_REPUTATION, cappedGainToday = 0) {
  const state = { current: start, cappedGainToday };
  const events: { delta: number; capped: boolean }[] = [];
  return {
    state,
    apply(reason: Reason) {
      const rule = REPUTATION_RULES[reason];
      const delta = appliedDelta(rule.points, rule.capped, state);
      state.current += delta;
      if (rule.capped) state.cappedGainToday += delta;
      events.push({ delta, capped: rule.capped });
      return events.length - 1;
    },
    reverse(index: number) {
      const event = events[index];
      const delta = appliedDelta(-event.delta, false, state);
      state.current += delta;
      if (event.capped) state.cappedGainToday += delta;
      return delta;
    },
  };
}

describe("the daily cap on reputation from votes", () => {
  it("however many upvotes arrive in one day, they add exactly the cap", () => {
    const user = day();
    for (let i = 0; i < 100; i++) user.apply("post_upvoted");
    expect(user.state.current).toBe(STARTING_REPUTATION + DAILY_VOTE_CAP);
  });

  it("the upvote that reaches the cap pays only what is left under it", () => {
    const points = REPUTATION_RULES.post_upvoted.points;
    expect(appliedDelta(points, true, { current: 500, cappedGainToday: DAILY_VOTE_CAP - 3 })).toBe(3);
    expect(appliedDelta(points, true, { current: 500, cappedGainToday: DAILY_VOTE_CAP })).toBe(0);
  });

  it("at the cap, an accepted answer and a promotion still pay in full", () => {
    const user = day(500, DAILY_VOTE_CAP);
    user.apply("post_upvoted");
    expect(user.state.current).toBe(500);
    user.apply("answer_accepted");
    user.apply("answer_promoted");
    expect(user.state.current).toBe(500 + REPUTATION_RULES.answer_accepted.points + REPUTATION_RULES.answer_promoted.points);
  });

  it("at the cap, losses still cost", () => {
    const user = day(500, DAILY_VOTE_CAP);
    user.apply("post_downvoted");
    expect(user.state.current).toBe(500 + REPUTATION_RULES.post_downvoted.points);
  });
});

describe("the floor", () => {
  it("no run of losses takes anyone below the floor, from any starting point", () => {
    const losses = REASONS.filter((reason) => REPUTATION_RULES[reason].points < 0);
    expect(losses.length).toBeGreaterThan(0);
    for (let start = REPUTATION_FLOOR; start <= 250; start += 7) {
      for (const loss of losses) {
        const user = day(start);
        let lowest = start;
        for (let i = 0; i < 300; i++) {
          user.apply(loss);
          lowest = Math.min(lowest, user.state.current);
        }
        // Enough losses end exactly at the floor, and nothing on the way went below it.
        expect({ start, loss, lowest, end: user.state.current }).toEqual({ start, loss, lowest: REPUTATION_FLOOR, end: REPUTATION_FLOOR });
      }
    }
  });

  it("a loss larger than what is above the floor takes only that much", () => {
    expect(appliedDelta(-100, false, { current: REPUTATION_FLOOR + 29, cappedGainToday: 0 })).toBe(-29);
    expect(appliedDelta(-2, true, { current: REPUTATION_FLOOR, cappedGainToday: 0 })).toBe(0);
  });
});

describe("reversal", () => {
  it("reversing any event restores the value before it, even when the cap or the floor trimmed it", () => {
    for (const reason of REASONS) {
      for (const start of [REPUTATION_FLOOR, REPUTATION_FLOOR + 1, 3, 60, 101, 5000]) {
        for (const gained of [0, DAILY_VOTE_CAP - 3, DAILY_VOTE_CAP]) {
          const user = day(start, gained);
          user.reverse(user.apply(reason));
          expect({ reason, start, gained, after: user.state }).toEqual({ reason, start, gained, after: { current: start, cappedGainToday: gained } });
        }
      }
    }
  });

  it("reversing one event leaves the others in place", () => {
    const user = day(50);
    const upvote = user.apply("post_upvoted");
    user.apply("answer_accepted");
    user.reverse(upvote);
    expect(user.state.current).toBe(50 + REPUTATION_RULES.answer_accepted.points);
  });

  it("a reversed same-day upvote gives its room under the cap back", () => {
    const user = day(500, DAILY_VOTE_CAP - REPUTATION_RULES.post_upvoted.points);
    const last = user.apply("post_upvoted");
    expect(user.state.cappedGainToday).toBe(DAILY_VOTE_CAP);
    user.reverse(last);
    user.apply("post_upvoted");
    expect(user.state.current).toBe(500 + REPUTATION_RULES.post_upvoted.points);
  });

  it("reversing a gain after later losses never takes anyone below the floor", () => {
    const user = day();
    const upvote = user.apply("post_upvoted");
    user.apply("post_removed_as_spam");
    expect(user.state.current).toBe(REPUTATION_FLOOR);
    user.reverse(upvote);
    expect(user.state.current).toBe(REPUTATION_FLOOR);
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
