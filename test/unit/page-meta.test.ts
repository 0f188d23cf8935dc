import { describe, expect, it } from "vitest";
import { missingPageMeta, pageMeta } from "~/lib/page-meta";

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
    const meta = pageMeta({ ...seo, noindex: true }, { section: "Knowledge base" });
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

describe("structured data in the head", () => {
  it("adds one JSON-LD entry when there is structured data, none otherwise", () => {
    const structuredData = { "@context": "https://schema.org", "@type": "QAPage" };
    expect(pageMeta(seo, { structuredData }).filter((entry) => "script:ld+json" in entry)).toEqual([{ "script:ld+json": structuredData }]);
    expect(pageMeta(seo, { structuredData: null }).some((entry) => "script:ld+json" in entry)).toBe(false);
    expect(pageMeta(seo).some((entry) => "script:ld+json" in entry)).toBe(false);
  });
});
