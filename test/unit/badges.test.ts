// Badge rules as data: which events check which rules, which counts earn which badges, and the
// words a screen reader hears beside a name. The SQL counts and the awarding are in
// test/integration/badges.test.ts.
import { describe, expect, it } from "vitest";
import {
  BADGE_RULES,
  BADGE_TRIGGERS,
  describeBadgeCounts,
  earnedBadges,
  earnsBadges,
  rulesFor,
  statsNeeded,
  type BadgeStats,
} from "~/domain/badges";
import { BADGE_TIERS } from "~/domain/moderation";

const none: BadgeStats = { acceptedAnswers: 0, bestAnswerScore: 0, editsOfOthersPosts: 0, promotedAnswers: 0, helpfulFlags: 0 };
const slugs = (stats: Partial<BadgeStats>) => earnedBadges(BADGE_RULES, { ...none, ...stats }).map((rule) => rule.slug).sort();

describe("badge rules", () => {
  it("are well formed: unique slugs and names, a known tier, a description, a positive threshold, at least one trigger", () => {
    expect(new Set(BADGE_RULES.map((rule) => rule.slug)).size).toBe(BADGE_RULES.length);
    expect(new Set(BADGE_RULES.map((rule) => rule.name)).size).toBe(BADGE_RULES.length);
    for (const rule of BADGE_RULES) {
      expect(BADGE_TIERS).toContain(rule.tier);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.condition.atLeast).toBeGreaterThan(0);
      expect(rule.triggers.length).toBeGreaterThan(0);
      expect(rule.slug).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it("include the ladder the issue asks for, tiers rising with the threshold", () => {
    const ladder = (stat: keyof BadgeStats) =>
      BADGE_RULES.filter((rule) => rule.condition.stat === stat).map((rule) => [rule.condition.atLeast, rule.tier]);
    expect(ladder("bestAnswerScore")).toEqual([[10, "bronze"], [25, "silver"], [100, "gold"]]);
    expect(ladder("acceptedAnswers").map(([n]) => n)).toEqual([1, 10, 50, 150]);
    expect(ladder("acceptedAnswers").at(-1)![1]).toBe("gold");
    expect(ladder("editsOfOthersPosts")).toEqual([[1, "bronze"]]);
    expect(ladder("promotedAnswers")).toHaveLength(1);
    expect(ladder("helpfulFlags")).toEqual([[1, "bronze"]]);
  });

  it("never include the Staff marker, which is a role and not earned", () => {
    expect(BADGE_RULES.some((rule) => /staff/i.test(rule.slug) || /^staff$/i.test(rule.name))).toBe(false);
  });

  it.each<[string, Partial<BadgeStats>, string[]]>([
    ["nothing done", {}, []],
    ["one accepted answer", { acceptedAnswers: 1 }, ["first-accepted-answer"]],
    ["nine accepted answers", { acceptedAnswers: 9 }, ["first-accepted-answer"]],
    ["ten accepted answers", { acceptedAnswers: 10 }, ["accepted-answers-10", "first-accepted-answer"]],
    ["forty-nine accepted answers", { acceptedAnswers: 49 }, ["accepted-answers-10", "first-accepted-answer"]],
    ["fifty accepted answers", { acceptedAnswers: 50 }, ["accepted-answers-10", "accepted-answers-50", "first-accepted-answer"]],
    ["150 accepted answers", { acceptedAnswers: 150 }, ["accepted-answers-10", "accepted-answers-150", "accepted-answers-50", "first-accepted-answer"]],
    ["an answer at 9", { bestAnswerScore: 9 }, []],
    ["an answer at 10", { bestAnswerScore: 10 }, ["answer-score-10"]],
    ["an answer at 24", { bestAnswerScore: 24 }, ["answer-score-10"]],
    ["an answer at 25", { bestAnswerScore: 25 }, ["answer-score-10", "answer-score-25"]],
    ["an answer at 100", { bestAnswerScore: 100 }, ["answer-score-10", "answer-score-100", "answer-score-25"]],
    ["a negative best answer", { bestAnswerScore: -3 }, []],
    ["one edit of someone else's post", { editsOfOthersPosts: 1 }, ["first-edit"]],
    ["a promoted answer", { promotedAnswers: 1 }, ["knowledge-base-answer"]],
    ["a helpful flag", { helpfulFlags: 1 }, ["first-helpful-flag"]],
  ])("%s earns %j", (_, stats, expected) => {
    expect(slugs(stats)).toEqual(expected);
  });

  it.each<[(typeof BADGE_TRIGGERS)[number], string[]]>([
    ["answer_accepted", ["accepted-answers-10", "accepted-answers-150", "accepted-answers-50", "first-accepted-answer"]],
    ["answer_voted", ["answer-score-10", "answer-score-100", "answer-score-25"]],
    ["post_edited", ["first-edit"]],
    ["answer_promoted", ["knowledge-base-answer"]],
    ["flag_helpful", ["first-helpful-flag"]],
  ])("the %s event checks only its rules", (trigger, expected) => {
    expect(rulesFor(trigger).map((rule) => rule.slug).sort()).toEqual(expected);
  });

  it("a backfill checks every rule, and asks SQL for each stat once", () => {
    expect(rulesFor("backfill")).toHaveLength(BADGE_RULES.length);
    expect(statsNeeded(rulesFor("backfill")).sort()).toEqual(Object.keys(none).sort());
    expect(statsNeeded(rulesFor("answer_voted"))).toEqual(["bestAnswerScore"]);
  });

  it.each([
    ["customer", true],
    ["staff", false],
    ["admin", false],
  ])("a %s earns badges: %s", (role, expected) => {
    expect(earnsBadges(role)).toBe(expected);
  });

  it.each<[{ gold: number; silver: number; bronze: number }, string]>([
    [{ gold: 0, silver: 0, bronze: 0 }, ""],
    [{ gold: 0, silver: 0, bronze: 1 }, "1 bronze badge"],
    [{ gold: 3, silver: 0, bronze: 2 }, "3 gold badges, 2 bronze badges"],
    [{ gold: 1, silver: 1, bronze: 1 }, "1 gold badge, 1 silver badge, 1 bronze badge"],
  ])("counts %j read as %j", (counts, expected) => {
    expect(describeBadgeCounts(counts)).toBe(expected);
  });
});
