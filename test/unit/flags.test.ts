import { describe, expect, it } from "vitest";
import { DECISION_RULES, countLinks, decisionsFor, flagNeeds, flagsHidePost, holdsForReview, postStateOf, type OpenFlag } from "~/domain/flags";
import { MODERATION_SETTINGS } from "~/domain/moderation";

const flag = (flaggerId: number, kind: OpenFlag["kind"], byStaff = false): OpenFlag => ({ flaggerId, kind, byStaff });

describe("when flags hide a post", () => {
  it.each([
    { case: "no flags", flags: [], hides: false },
    { case: "two spam flags", flags: [flag(1, "spam"), flag(2, "spam")], hides: false },
    { case: "three spam flags from distinct members", flags: [flag(1, "spam"), flag(2, "spam"), flag(3, "spam")], hides: true },
    { case: "spam and abusive mixed, three members", flags: [flag(1, "spam"), flag(2, "abusive"), flag(3, "spam")], hides: true },
    { case: "three flags, two from one member", flags: [flag(1, "spam"), flag(1, "abusive"), flag(2, "spam")], hides: false },
    { case: "three off-topic flags", flags: [flag(1, "off_topic"), flag(2, "off_topic"), flag(3, "off_topic")], hides: false },
    { case: "two spam and one needs-staff", flags: [flag(1, "spam"), flag(2, "spam"), flag(3, "needs_staff")], hides: false },
    { case: "one staff spam flag", flags: [flag(9, "spam", true)], hides: true },
    { case: "one staff needs-staff flag", flags: [flag(9, "needs_staff", true)], hides: false },
  ])("$case: $hides", ({ flags, hides }) => {
    expect(flagsHidePost(flags)).toBe(hides);
  });

  it("follows the settings table", () => {
    expect(flagsHidePost([flag(1, "spam")], { ...MODERATION_SETTINGS, flagsToHide: 1 })).toBe(true);
    expect(flagsHidePost([flag(9, "spam", true)], { ...MODERATION_SETTINGS, staffFlagsToHide: 2 })).toBe(false);
  });
});

describe("links and new members' posts", () => {
  it.each([
    { text: "No links here.", links: 0 },
    { text: "See https://example.com and http://example.org/a?b=c.", links: 2 },
    { text: "[one](https://a.example) [two](https://b.example) <https://c.example> www.d.example", links: 4 },
  ])("$text has $links links", ({ text, links }) => {
    expect(countLinks(text)).toBe(links);
  });

  const now = new Date("2026-12-02T12:00:00Z");
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
  const many = "https://a.example https://b.example https://c.example";
  it.each([
    { case: "new customer, three links", role: "customer", joined: hoursAgo(2), text: many, held: true },
    { case: "new customer, two links", role: "customer", joined: hoursAgo(2), text: "https://a.example https://b.example", held: false },
    { case: "customer of 24 hours, three links", role: "customer", joined: hoursAgo(24), text: many, held: false },
    { case: "customer of 23 hours, three links", role: "customer", joined: hoursAgo(23), text: many, held: true },
    { case: "new staff member, three links", role: "staff", joined: hoursAgo(1), text: many, held: false },
  ])("$case: held $held", ({ role, joined, text, held }) => {
    expect(holdsForReview({ markdown: text, authorRole: role, authorCreatedAt: joined }, now)).toBe(held);
  });
});

describe("what a flag needs", () => {
  it.each([
    { kind: "spam", needs: { reason: false, duplicateOf: false } },
    { kind: "other", needs: { reason: true, duplicateOf: false } },
    { kind: "duplicate", needs: { reason: false, duplicateOf: true } },
  ] as const)("$kind", ({ kind, needs }) => {
    expect(flagNeeds(kind)).toEqual(needs);
  });
});

describe("review decisions", () => {
  it.each([
    { state: "live", staff: true, decisions: ["dismiss", "delete", "hide", "confirm_spam", "confirm_abusive"] },
    { state: "live", staff: false, decisions: ["dismiss"] },
    { state: "hidden", staff: true, decisions: ["delete", "restore", "confirm_spam", "confirm_abusive"] },
    { state: "hidden", staff: false, decisions: [] },
    { state: "held", staff: true, decisions: ["delete", "confirm_spam", "confirm_abusive", "approve"] },
    { state: "deleted", staff: true, decisions: ["dismiss", "restore"] },
  ] as const)("a $state post, staff $staff: $decisions", ({ state, staff, decisions }) => {
    expect(decisionsFor({ state, isComment: false }, staff)).toEqual(decisions);
  });

  it.each([
    { state: "live", decisions: ["dismiss", "delete"] },
    { state: "hidden", decisions: ["delete", "restore"] },
  ] as const)("a $state comment: $decisions", ({ state, decisions }) => {
    expect(decisionsFor({ state, isComment: true }, true)).toEqual(decisions);
  });

  it.each([
    { decision: "dismiss", flags: "declined", penalty: false, destructive: false, needsReason: false },
    { decision: "delete", flags: "helpful", penalty: false, destructive: true, needsReason: true },
    { decision: "hide", flags: "helpful", penalty: false, destructive: true, needsReason: true },
    { decision: "restore", flags: "declined", penalty: false, destructive: true, needsReason: false },
    { decision: "confirm_spam", flags: "helpful", penalty: true, destructive: true, needsReason: false },
    { decision: "confirm_abusive", flags: "helpful", penalty: true, destructive: true, needsReason: false },
    { decision: "approve", flags: "declined", penalty: false, destructive: true, needsReason: false },
  ] as const)("$decision: flags $flags, penalty $penalty, staff only $destructive", ({ decision, flags, penalty, destructive, needsReason }) => {
    const rule = DECISION_RULES[decision];
    expect(rule.flagsBecome).toBe(flags);
    expect(rule.penalty).toBe(penalty);
    expect(rule.destructive).toBe(destructive);
    expect(rule.needsReason).toBe(needsReason);
  });

  it.each([
    { post: { deletedAt: null, deletionReason: null }, state: "live" },
    { post: { deletedAt: new Date(), deletionReason: "hidden_by_flags" }, state: "hidden" },
    { post: { deletedAt: new Date(), deletionReason: "held_for_review" }, state: "held" },
    { post: { deletedAt: new Date(), deletionReason: "spam" }, state: "deleted" },
    { post: { deletedAt: new Date(), deletionReason: null }, state: "deleted" },
  ])("post state $state", ({ post, state }) => {
    expect(postStateOf(post)).toBe(state);
  });
});
