import { describe, expect, it } from "vitest";
import { missingPageMeta, pageMeta } from "~/lib/page-meta";
import { serializeJsonLd } from "~/lib/structured-data";

const seo = { title: "How do I export invoices?", description: "I need last year's invoices as CSV.", url: "https://help.example.com/questions/12/how-do-i-export-invoices" };

const find = (meta: ReturnType<typeof pageMeta>, key: string, value: string) => meta.find((entry) => (entry as Record<string, unknown>)[key] === value) as Record<string, string> | undefined;

describe("page meta", () => {
  it("gives the title, description, canonical link, Open Graph and a summary Twitter card", () => {
    const meta = pageMeta({ ...seo, type: "article" });
    expect(meta[0]).toEqual({ title: "How do I export invoices? - Peerdesk" });
    expect(find(meta, "name", "description")?.content).toBe(seo.description);
    expect(find(meta, "rel", "canonical")).toEqual({ tagName: "link", rel: "canonical", href: seo.url });
    expect(find(meta, "property", "og:title")?.content).toBe(seo.title);
    expect(find(meta, "property", "og:description")?.content).toBe(seo.description);
    expect(find(meta, "property", "og:url")?.content).toBe(seo.url);
    expect(find(meta, "property", "og:type")?.content).toBe("article");
    expect(find(meta, "property", "og:site_name")?.content).toBe("Peerdesk");
    expect(find(meta, "name", "twitter:card")?.content).toBe("summary");
    expect(find(meta, "name", "robots")).toBeUndefined();
  });

  it("defaults to og:type website, names a section in the tab title only, and can ask not to be indexed", () => {
    const meta = pageMeta({ ...seo, noindex: true }, "Knowledge base");
    expect(meta[0]).toEqual({ title: "How do I export invoices? - Knowledge base - Peerdesk" });
    expect(find(meta, "property", "og:title")?.content).toBe(seo.title);
    expect(find(meta, "property", "og:type")?.content).toBe("website");
    expect(find(meta, "name", "robots")?.content).toBe("noindex");
  });

  it("does not repeat the site name when it is the page's title", () => {
    expect(pageMeta({ ...seo, title: "Peerdesk" })[0]).toEqual({ title: "Peerdesk" });
  });

  it("keeps a failed page out of indexes", () => {
    expect(missingPageMeta("Question not found")).toEqual([{ title: "Question not found - Peerdesk" }, { name: "robots", content: "noindex" }]);
  });
});

describe("JSON-LD serialization", () => {
  it("escapes what could end the script element or confuse an HTML parser, and stays the same JSON", () => {
    const data = { text: "</script><script>alert(1)</script> & <!-- \u2028 \u2029" };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(json)).toEqual(data);
  });
});
