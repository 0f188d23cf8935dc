// Serial-voting detection: which of one voter's votes on one author's posts form the pattern.
import { describe, expect, it } from "vitest";
import { serialVotes, describeSerialVoting } from "~/domain/serial-voting";
import { MODERATION_SETTINGS } from "~/domain/moderation";

const start = Date.UTC(2026, 11, 1, 9, 0, 0);
const HOUR = 60 * 60 * 1000;
/** Votes at these offsets in hours, one post each. */
const at = (...hours: number[]) => hours.map((h, i) => ({ postId: 100 + i, value: 1 as const, createdAt: new Date(start + h * HOUR) }));
const rule = { threshold: 3, windowHours: 24 };

describe("serial voting", () => {
  it.each<[string, number[], typeof rule, number[]]>([
    ["no votes", [], rule, []],
    ["two votes, one under the threshold", [0, 1], rule, []],
    ["exactly the threshold within the window", [0, 1, 2], rule, [0, 1, 2]],
    ["the threshold spread over more than the window", [0, 13, 26], rule, []],
    ["the last vote exactly at the window's end does not count (the end is exclusive)", [0, 12, 24], rule, []],
    ["just inside the window", [0, 12, 23.99], rule, [0, 12, 23.99]],
    ["a burst among ordinary votes: only the burst", [0, 100, 101, 102, 300], rule, [100, 101, 102]],
    ["two bursts", [0, 1, 2, 100, 101, 102], rule, [0, 1, 2, 100, 101, 102]],
    ["a long run in which every vote is in some full window", [0, 10, 20, 30, 40], rule, [0, 10, 20, 30, 40]],
    ["unsorted input comes back oldest first", [5, 1, 3], rule, [1, 3, 5]],
    ["the default setting: 9 votes in a day are tolerated", [0, 1, 2, 3, 4, 5, 6, 7, 8], { threshold: MODERATION_SETTINGS.serialVotesThreshold, windowHours: MODERATION_SETTINGS.serialVotesWindowHours }, []],
    ["the default setting: 10 votes in a day are serial", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { threshold: MODERATION_SETTINGS.serialVotesThreshold, windowHours: MODERATION_SETTINGS.serialVotesWindowHours }, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ])("%s", (_, hours, r, expected) => {
    const found = serialVotes(at(...hours), r);
    expect(found.map((vote) => (vote.createdAt.getTime() - start) / HOUR)).toEqual(expected);
  });

  it("the log explains the pattern: who, on whose posts, how many, which way, within what window", () => {
    const text = describeSerialVoting({ voterName: "Sam", authorName: "Ana", count: 12, up: 11, down: 1 }, { threshold: 10, windowHours: 24 });
    expect(text).toContain("Sam cast 12 votes (11 up, 1 down) on posts by Ana within 24 hours");
  });
});
