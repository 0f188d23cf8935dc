// Which query texts are prepared: the ones that repeat, never more than a bounded number, so a
// stream of one-off search texts cannot grow every connection's statement cache for ever.
import { describe, expect, it } from "vitest";
import { PreparePolicy } from "../../db/prepared-statements";

describe("prepare policy", () => {
  it("prepares a text from its second run on", () => {
    const policy = new PreparePolicy();
    expect(policy.shouldPrepare("select 1")).toBe(false);
    expect(policy.shouldPrepare("select 1")).toBe(true);
    expect(policy.shouldPrepare("select 1")).toBe(true);
  });

  it("never prepares a text seen once, however many there are", () => {
    const policy = new PreparePolicy();
    for (let i = 0; i < 20_000; i++) expect(policy.shouldPrepare(`select '${i}'::tsquery`)).toBe(false);
  });

  it("stops preparing new texts at its limit, and keeps using those it prepared", () => {
    const policy = new PreparePolicy();
    let prepared = 0;
    for (let i = 0; i < 1_000; i++) {
      policy.shouldPrepare(`q${i}`);
      if (policy.shouldPrepare(`q${i}`)) prepared++;
    }
    expect(prepared).toBe(400);
    expect(policy.shouldPrepare("q0")).toBe(true);
    expect(policy.shouldPrepare("q999")).toBe(false);
  });
});
