// Dates and counts as pages print them: in UTC, so a server and a browser anywhere agree.
import { describe, expect, it } from "vitest";
import { describeAge } from "~/components/time-ago";
import { formatCount, formatDay, formatShortDate } from "~/lib/format";

describe("formatting for people", () => {
  it("writes a moment late in a UTC day as that day, not the next", () => {
    expect(formatShortDate(new Date("2026-03-04T23:30:00Z"))).toBe("Mar 4, 2026");
  });

  it("writes calendar days with and without their weekday", () => {
    expect(formatDay("2026-03-04")).toBe("4 Mar 2026");
    expect(formatDay("2026-03-04", { weekday: true })).toBe("Wed, 4 Mar 2026");
  });

  it("groups thousands", () => {
    expect(formatCount(12_345)).toBe("12,345");
    expect(formatCount(7)).toBe("7");
  });

  it("says ages relatively for a month, then as a date", () => {
    const now = new Date("2026-03-04T12:00:00Z");
    expect(describeAge(new Date("2026-03-04T11:57:00Z"), now)).toBe("3 min ago");
    expect(describeAge(new Date("2026-03-01T12:00:00Z"), now)).toBe("3 days ago");
    expect(describeAge(new Date("2025-12-25T08:00:00Z"), now)).toBe("Dec 25, 2025");
  });
});
