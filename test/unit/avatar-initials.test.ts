// The generated avatar's letters: what people recognise a member by at a glance.
import { describe, expect, it } from "vitest";
import { initialsOf } from "~/components/avatar";

describe("initialsOf", () => {
  it("takes the first and last word's first letters", () => {
    expect(initialsOf("Sunita Rao")).toBe("SR");
    expect(initialsOf("Maria de la Cruz")).toBe("MC");
    expect(initialsOf("sam")).toBe("S");
  });

  it("skips words that start with punctuation, such as a company in brackets", () => {
    expect(initialsOf("Priya Nair (Ledgerly)")).toBe("PN");
    expect(initialsOf("— Dev —")).toBe("D");
  });

  it("keeps whole characters and never comes out empty", () => {
    expect(initialsOf("Émile Zola")).toBe("ÉZ");
    expect(initialsOf("(((")).toBe("(");
    expect(initialsOf("   ")).toBe("?");
  });
});
