import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/lib/markdown.server";

describe("markdown rendering", () => {
  it("never passes raw HTML through", () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
  it("marks user links nofollow ugc noopener", () => {
    expect(renderMarkdown("see https://example.com/help")).toContain('rel="nofollow ugc noopener"');
    expect(renderMarkdown("[docs](https://example.com)")).toContain('<a href="https://example.com" rel="nofollow ugc noopener">docs</a>');
  });
  it("refuses script and data links", () => {
    expect(renderMarkdown("[x](javascript:alert(1))")).not.toContain("href");
    expect(renderMarkdown("![x](data:image/svg+xml;base64,AAAA)")).not.toContain("<img");
  });
  it("renders fenced code in a focusable pre, escaped", () => {
    const html = renderMarkdown("```json\n{\"a\": \"<b>\"}\n```");
    expect(html).toMatch(/^<pre tabindex="0"><code class="language-json">/);
    expect(html).toContain("&lt;b&gt;");
  });
});
