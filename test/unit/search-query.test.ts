import { describe, expect, it } from "vitest";
import {
  MAX_QUERY_LENGTH,
  MAX_QUERY_PARTS,
  formatSearchQuery,
  hasSearchText,
  isSearchable,
  parseSearchQuery,
} from "~/domain/search-query";

describe("free words, phrases and exclusions", () => {
  it("splits words, lower-cases them and drops punctuation at their ends", () => {
    const query = parseSearchQuery("  Export   (Invoices?) to CSV!  ");
    expect(query.words).toEqual(["export", "invoices", "to", "csv"]);
    expect(query.text).toBe("Export (Invoices?) to CSV!");
    expect(query.truncated).toBe(false);
  });

  it("keeps inner punctuation that means something", () => {
    expect(parseSearchQuery("node.js due_date c# c++ e-mail").words).toEqual(["node.js", "due_date", "c#", "c++", "e-mail"]);
  });

  it("keeps quoted phrases whole", () => {
    const query = parseSearchQuery('invoice "bank feed" stopped');
    expect(query.phrases).toEqual(["bank feed"]);
    expect(query.words).toEqual(["invoice", "stopped"]);
  });

  it("treats a quoted single word as a word", () => {
    expect(parseSearchQuery('"csv"')).toMatchObject({ words: ["csv"], phrases: [] });
  });

  it("runs an unclosed quote to the end", () => {
    expect(parseSearchQuery('export "bank feed')).toMatchObject({ words: ["export"], phrases: ["bank feed"] });
  });

  it("excludes -words and -\"phrases\"", () => {
    const query = parseSearchQuery('invoice -paypal -"credit note"');
    expect(query).toMatchObject({ words: ["invoice"], excludedWords: ["paypal"], excludedPhrases: ["credit note"] });
  });

  it("ignores a lone or trailing dash and keeps hyphenated words", () => {
    expect(parseSearchQuery("invoice - -")).toMatchObject({ words: ["invoice"], excludedWords: [] });
    expect(parseSearchQuery("pro-rata")).toMatchObject({ words: ["pro-rata"], excludedWords: [] });
  });

  it("drops duplicates", () => {
    expect(parseSearchQuery("csv CSV csv").words).toEqual(["csv"]);
  });
});

describe("operators", () => {
  it("reads [tag], is: and user:", () => {
    const query = parseSearchQuery("[CSV] [exports] is:Question is:answer is:solved is:unanswered user:12 refund");
    expect(query).toMatchObject({
      words: ["refund"],
      tags: ["csv", "exports"],
      kinds: ["question", "answer"],
      solved: true,
      unanswered: true,
      userId: 12,
      ignored: [],
    });
  });

  it("reads is:article", () => {
    expect(parseSearchQuery("is:article").kinds).toEqual(["article"]);
  });

  it.each(["is:nonsense", "user:abc", "user:0", "user:99999999999", "[not/a/tag]", "[]"])("sets %s aside as not understood", (operator) => {
    const query = parseSearchQuery(`refund ${operator}`);
    expect(query.words).toEqual(["refund"]);
    expect(query.ignored).toEqual([operator]);
    expect(query.userId).toBeNull();
    expect(query.tags).toEqual([]);
  });

  it("treats other words with a colon as words", () => {
    expect(parseSearchQuery("error: javascript:alert(1)").words).toEqual(["error", "javascript:alert(1"]);
  });
});

describe("odd input never throws", () => {
  it.each([
    ["nothing", undefined],
    ["null", null],
    ["a number", 42],
    ["an empty string", ""],
    ["spaces", "   "],
    ["punctuation", "?!... ---"],
    ["emoji", "🧾💸"],
    ["unbalanced quotes", '"""'],
    ["a lone dash", "-"],
    ["a lone bracket", "["],
  ])("%s", (_, input) => {
    const query = parseSearchQuery(input);
    expect(query.words).toEqual([]);
    expect(isSearchable(query)).toBe(false);
  });

  it("removes NUL and other control characters", () => {
    const query = parseSearchQuery("inv\u0000oice\u0007 \u202Eexport\u200B");
    expect(query.text).toBe("invoice export");
    expect(query.words).toEqual(["invoice", "export"]);
  });

  it("cuts a very long query and says so, without splitting an emoji", () => {
    const query = parseSearchQuery("invoice ".repeat(2000));
    expect(query.truncated).toBe(true);
    expect(Array.from(query.text).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    const emoji = parseSearchQuery("🧾".repeat(MAX_QUERY_LENGTH + 5));
    expect(Array.from(emoji.text)).toHaveLength(MAX_QUERY_LENGTH);
    expect(emoji.text.endsWith("🧾")).toBe(true);
  });

  it("keeps at most MAX_QUERY_PARTS words and flags the rest", () => {
    const words = Array.from({ length: MAX_QUERY_PARTS + 4 }, (_, i) => `w${i}`);
    const query = parseSearchQuery(words.join(" "));
    expect(query.words).toHaveLength(MAX_QUERY_PARTS);
    expect(query.truncated).toBe(true);
  });

  it("keeps HTML as inert text to search for", () => {
    const query = parseSearchQuery('<script>alert(1)</script> "><img onerror=x>');
    // The stray quote opens a phrase that runs to the end.
    expect(query).toMatchObject({ words: ["script>alert(1)</script"], phrases: ["img onerror=x"] });
  });
});

describe("what can be searched", () => {
  it.each([
    ["a", false],
    ["é", false],
    ["ab", true],
    ["[csv]", true],
    ["is:unanswered", true],
    ["user:3", true],
    ["-paypal", false],
    ["is:nonsense", false],
  ])("%s: %s", (input, searchable) => {
    expect(isSearchable(parseSearchQuery(input))).toBe(searchable);
  });

  it("needs two letters or digits for text", () => {
    expect(hasSearchText(parseSearchQuery("a b"))).toBe(true);
    expect(hasSearchText(parseSearchQuery("?"))).toBe(false);
  });
});

describe("canonical form", () => {
  it("writes the same query typed two ways the same way", () => {
    const a = formatSearchQuery(parseSearchQuery('is:solved  Export [CSV] "bank  feed" -PayPal'));
    const b = formatSearchQuery(parseSearchQuery('export "bank feed" -paypal [csv] IS:SOLVED'));
    expect(a).toBe('export "bank feed" -paypal [csv] is:solved');
    expect(b).toBe(a);
  });

  it("reads back what it wrote", () => {
    const query = parseSearchQuery('refund "credit note" -paypal -"bank feed" [vat] is:answer is:unanswered user:7');
    expect(parseSearchQuery(formatSearchQuery(query))).toEqual({ ...query, text: formatSearchQuery(query) });
  });
});
