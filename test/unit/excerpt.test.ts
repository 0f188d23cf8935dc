import { describe, expect, it } from "vitest";
import { excerpt, plainText, truncateText } from "~/lib/excerpt";

describe("plain text from a post's markdown", () => {
  it.each([
    ["emphasis and strong", "Some *em*, _em_, **strong** and __strong__ words.", "Some em, em, strong and strong words."],
    ["underscores inside words", "Set snake_case_words and __init__ in my_config_file.", "Set snake_case_words and init in my_config_file."],
    ["inline code keeps its text", "Call `get_invoice(*args)` first.", "Call get_invoice(*args) first."],
    ["links keep their words, not their URLs", "Read [the export guide](https://example.com/guide_a) now.", "Read the export guide now."],
    ["bare links stay readable", "See https://example.com/a_b_c for it.", "See https://example.com/a_b_c for it."],
    ["images give their alt text", "Look: ![the settings screen](https://example.com/s.png) there.", "Look: the settings screen there."],
    ["headings without hashes", "# Export fails\n\n## Steps\n\nClick export.", "Export fails Steps Click export."],
    ["setext headings", "Title here\n==========\n\nBody.", "Title here Body."],
    ["code fences without their language name", "Before\n\n```javascript\nconst total = sum(lines);\n```\n\nAfter", "Before const total = sum(lines); After"],
    ["tildes fences and indented code", "~~~sql\nselect 1;\n~~~\n\n    indented_code()\n\nEnd", "select 1; indented_code() End"],
    ["tables as words, without pipes or dashes", "| Plan | Price |\n|------|------:|\n| Pro | $10 |", "Plan Price Pro $10"],
    ["HTML in markdown is text, as on the page", "Use <b>bold</b> or <script>alert(1)</script>", "Use <b>bold</b> or <script>alert(1)</script>"],
    ["entities decoded exactly once", "Tom &amp; Jerry &amp;lt;tag&amp;gt; &copy; &#36;5", "Tom & Jerry &lt;tag&gt; © $5"],
    ["backslash escapes", "Not \\*emphasis\\* and 5 \\> 3", "Not *emphasis* and 5 > 3"],
    ["blockquotes and lists", "> quoted line\n\n- first\n- second\n\n1. one\n2. two", "quoted line first second one two"],
    ["line breaks and runs of whitespace", "one\ntwo  \nthree\t\t four\n\n\n\nfive", "one two three four five"],
    ["horizontal rules vanish", "above\n\n---\n\nbelow", "above below"],
    ["an empty body", "", ""],
  ])("%s", (_name, markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });

  it("can leave headings out", () => {
    expect(plainText("## The question\n\nHow do I export?\n\n## The answer\n\nUse the menu.", { headings: false })).toBe("How do I export? Use the menu.");
  });
});

describe("cutting at a word boundary", () => {
  it("leaves short text alone", () => {
    expect(truncateText("Short text.", 50)).toBe("Short text.");
    expect(truncateText("x".repeat(50), 50)).toBe("x".repeat(50));
  });

  it("cuts between words and ends with one ellipsis character, within the length", () => {
    const result = truncateText("The quick brown fox jumps over the lazy dog", 20);
    expect(result).toBe("The quick brown fox…");
    expect(result.length).toBeLessThanOrEqual(20);
  });

  it("drops punctuation left dangling before the ellipsis", () => {
    expect(truncateText("Export invoices, then archive them all", 18)).toBe("Export invoices…");
  });

  it("cuts one very long word rather than returning nothing", () => {
    const result = truncateText(`https://example.com/${"a".repeat(200)}`, 40);
    expect(result.length).toBe(40);
    expect(result.endsWith("…")).toBe(true);
  });

  it("never splits an emoji in half", () => {
    const result = truncateText(`${"a".repeat(8)}😀😀😀😀`, 11);
    expect(result).toBe(`${"a".repeat(8)}😀…`);
    expect(() => encodeURIComponent(result)).not.toThrow();
  });

  it("excerpts the rendered text, not the markdown", () => {
    const result = excerpt("# Heading\n\n```bash\nnpm run export_all -- --format=csv\n```\n\nThen **open** the [file](https://x.example).", 60);
    expect(result).toBe("Heading npm run export_all -- --format=csv Then open the…");
    expect(result).not.toMatch(/[#*`\[\]]|bash/);
  });
});
