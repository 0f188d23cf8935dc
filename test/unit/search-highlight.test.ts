import { describe, expect, it } from "vitest";
import { escapeHtml, highlightedHtml } from "~/services/search/highlight.server";

const S = "\u0001";
const E = "\u0002";

describe("highlighted snippets are HTML-escaped before marks are added", () => {
  it("turns the marks into <mark> and escapes everything else", () => {
    expect(highlightedHtml(`a &lt;script&gt; ${S}invoice${E} "x" 'y' &amp; z`)).toBe(
      "a &lt;script&gt; <mark>invoice</mark> &quot;x&quot; &#39;y&#39; &amp; z",
    );
  });

  it("restores text that looked like an entity, then escapes it again", () => {
    // The post said "&lt;": SQL wrote "&amp;lt;"; the reader must see "&lt;", not "<".
    expect(highlightedHtml("&amp;lt;b&amp;gt;")).toBe("&amp;lt;b&amp;gt;");
  });

  it("never lets raw markup through, even if ts_headline returned some", () => {
    expect(highlightedHtml(`<img src=x onerror=alert(1)> ${S}hit${E}`)).toBe("&lt;img src=x onerror=alert(1)&gt; <mark>hit</mark>");
  });

  it("drops unpaired marks and other control characters", () => {
    expect(highlightedHtml(`${S}open only`)).toBe("open only");
    expect(highlightedHtml(`bell\u0007 ${S}x${E}`)).toBe("bell <mark>x</mark>");
    expect(highlightedHtml(null)).toBe("");
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});
