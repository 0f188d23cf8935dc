import { describe, expect, it } from "vitest";
import { escapeXml, robotsTxt, sitemapIndexXml, urlsetXml } from "~/lib/crawler-files";

describe("sitemap XML", () => {
  it("escapes every character XML reserves", () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
  });

  it("writes a urlset with escaped locations and optional lastmod", () => {
    const xml = urlsetXml([{ loc: "https://help.example.com/search?q=a&b=<c>", lastmod: "2026-01-02T03:04:05.000Z" }, { loc: "https://help.example.com/kb" }]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        "<url><loc>https://help.example.com/search?q=a&amp;b=&lt;c&gt;</loc><lastmod>2026-01-02T03:04:05.000Z</lastmod></url>\n" +
        "<url><loc>https://help.example.com/kb</loc></url>\n</urlset>\n",
    );
  });

  it("writes a sitemap index", () => {
    expect(sitemapIndexXml([{ loc: "https://x.example/sitemaps/questions-1.xml" }])).toContain("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<sitemap><loc>https://x.example/sitemaps/questions-1.xml</loc></sitemap>\n</sitemapindex>");
  });

  it("robots.txt allows the site and ends with the sitemap line", () => {
    const text = robotsTxt("https://x.example/sitemap.xml");
    expect(text.startsWith("User-agent: *\n")).toBe(true);
    expect(text).toContain("\nAllow: /\n");
    expect(text.trimEnd().split("\n").at(-1)).toBe("Sitemap: https://x.example/sitemap.xml");
  });
});
