// Earned badges, as data: each rule names its tier, what it says, the events that may earn it and
// the condition, a threshold on one of a member's counts. Pure: the counts come from SQL
// (app/services/badges.server.ts), the decision is made here. The Staff marker is not a badge:
// it is a role, shown by the user-name component, and never awarded or counted here.
import type { BadgeTier } from "./moderation";

export type { BadgeTier };

/** What happened that may earn a badge. `backfill` re-checks everything (the CLI and the seed). */
export const BADGE_TRIGGERS = ["answer_accepted", "answer_voted", "post_edited", "answer_promoted", "flag_helpful", "backfill"] as const;
export type BadgeTrigger = (typeof BADGE_TRIGGERS)[number];

/** The counts a condition can test, per member (SQL computes them). */
export interface BadgeStats {
  /** Live answers accepted by someone else on a live question. */
  acceptedAnswers: number;
  /** The highest score among the member's live answers (0 with none). */
  bestAnswerScore: number;
  /** Edits saved on live posts written by someone else. */
  editsOfOthersPosts: number;
  /** The member's answers with a live knowledge-base article. */
  promotedAnswers: number;
  /** Flags staff found helpful. */
  helpfulFlags: number;
}

export type BadgeStat = keyof BadgeStats;

export interface BadgeRule {
  slug: string;
  name: string;
  tier: BadgeTier;
  description: string;
  /** The events after which the rule is checked (plus `backfill`, always). */
  triggers: readonly Exclude<BadgeTrigger, "backfill">[];
  condition: { stat: BadgeStat; atLeast: number };
}

export const BADGE_RULES: readonly BadgeRule[] = [
  {
    slug: "first-accepted-answer",
    name: "Helper",
    tier: "bronze",
    description: "Wrote an answer that the asker accepted.",
    triggers: ["answer_accepted"],
    condition: { stat: "acceptedAnswers", atLeast: 1 },
  },
  {
    slug: "accepted-answers-10",
    name: "Problem solver",
    tier: "bronze",
    description: "Wrote 10 accepted answers.",
    triggers: ["answer_accepted"],
    condition: { stat: "acceptedAnswers", atLeast: 10 },
  },
  {
    slug: "accepted-answers-50",
    name: "Go-to person",
    tier: "silver",
    description: "Wrote 50 accepted answers.",
    triggers: ["answer_accepted"],
    condition: { stat: "acceptedAnswers", atLeast: 50 },
  },
  {
    slug: "accepted-answers-150",
    name: "Community pillar",
    tier: "gold",
    description: "Wrote 150 accepted answers.",
    triggers: ["answer_accepted"],
    condition: { stat: "acceptedAnswers", atLeast: 150 },
  },
  {
    slug: "answer-score-10",
    name: "Good answer",
    tier: "bronze",
    description: "Wrote an answer with a score of 10 or more.",
    triggers: ["answer_voted"],
    condition: { stat: "bestAnswerScore", atLeast: 10 },
  },
  {
    slug: "answer-score-25",
    name: "Great answer",
    tier: "silver",
    description: "Wrote an answer with a score of 25 or more.",
    triggers: ["answer_voted"],
    condition: { stat: "bestAnswerScore", atLeast: 25 },
  },
  {
    slug: "answer-score-100",
    name: "Legendary answer",
    tier: "gold",
    description: "Wrote an answer with a score of 100 or more.",
    triggers: ["answer_voted"],
    condition: { stat: "bestAnswerScore", atLeast: 100 },
  },
  {
    slug: "first-edit",
    name: "Editor",
    tier: "bronze",
    description: "Improved someone else's question or answer with an edit.",
    triggers: ["post_edited"],
    condition: { stat: "editsOfOthersPosts", atLeast: 1 },
  },
  {
    slug: "knowledge-base-answer",
    name: "Knowledge sharer",
    tier: "silver",
    description: "Wrote an answer that staff promoted to the knowledge base.",
    triggers: ["answer_promoted"],
    condition: { stat: "promotedAnswers", atLeast: 1 },
  },
  {
    slug: "first-helpful-flag",
    name: "Watchful",
    tier: "bronze",
    description: "Raised a flag that staff found helpful.",
    triggers: ["flag_helpful"],
    condition: { stat: "helpfulFlags", atLeast: 1 },
  },
];

export const TIER_ORDER: Record<BadgeTier, number> = { gold: 0, silver: 1, bronze: 2 };

export function badgeRule(slug: string): BadgeRule | undefined {
  return BADGE_RULES.find((rule) => rule.slug === slug);
}

/** The rules an event can earn: those listing it (every rule for a backfill). */
export function rulesFor(trigger: BadgeTrigger, rules: readonly BadgeRule[] = BADGE_RULES): BadgeRule[] {
  return rules.filter((rule) => trigger === "backfill" || rule.triggers.includes(trigger));
}

/** Which stats a set of rules needs, so SQL computes only those. */
export function statsNeeded(rules: readonly BadgeRule[]): BadgeStat[] {
  return [...new Set(rules.map((rule) => rule.condition.stat))];
}

export function qualifies(rule: BadgeRule, stats: Partial<BadgeStats>): boolean {
  return (stats[rule.condition.stat] ?? 0) >= rule.condition.atLeast;
}

/** The badges among `rules` that these counts earn. */
export function earnedBadges(rules: readonly BadgeRule[], stats: Partial<BadgeStats>): BadgeRule[] {
  return rules.filter((rule) => qualifies(rule, stats));
}

/** Badges are earned by community members; staff are paid to help (as with reputation). */
export function earnsBadges(role: string): boolean {
  return role === "customer";
}

export type BadgeCounts = Record<BadgeTier, number>;

export function emptyBadgeCounts(): BadgeCounts {
  return { gold: 0, silver: 0, bronze: 0 };
}

/** "2 gold badges, 1 bronze badge": what a screen reader hears beside a name. */
export function describeBadgeCounts(counts: BadgeCounts): string {
  return (["gold", "silver", "bronze"] as const)
    .filter((tier) => counts[tier] > 0)
    .map((tier) => `${counts[tier]} ${tier} ${counts[tier] === 1 ? "badge" : "badges"}`)
    .join(", ");
}
