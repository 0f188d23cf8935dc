// One way to describe a page to browsers, search engines and link previews: the <title>, the
// meta description, the canonical link, Open Graph and a Twitter card, all from one object the
// loader builds (it knows the public address; this module runs in the browser too).
import type { MetaDescriptor } from "@remix-run/node";

export const SITE_NAME = "Peerdesk";
/** Search engines show about this much of a description. */
export const DESCRIPTION_CHARS = 155;

export interface PageSeo {
  /** The page's own title, without the site name. */
  title: string;
  /** Plain text; cut to DESCRIPTION_CHARS by whoever builds it. */
  description: string;
  /** Absolute: the one address this page is indexed and shared under. */
  url: string;
  /** Open Graph type: a post or article is "article", lists and profiles "website". */
  type?: "website" | "article" | "profile";
  /** Pages that should not be indexed (search results). */
  noindex?: boolean;
}

/**
 * The Remix `meta` array for a page; `section` goes in the tab title only ("How to export -
 * Knowledge base - Peerdesk"). Structured data goes in the head as JSON-LD: Remix's <Meta> writes
 * it with `<`, `>` and `&` escaped (\u003c…), so "</script>" in a post cannot end the element. It
 * is a data block, never run, so the CSP's script nonce does not apply to it.
 */
export function pageMeta(seo: PageSeo, options: { section?: string; structuredData?: object | null; feed?: FeedLink } = {}): MetaDescriptor[] {
  const { section, structuredData, feed } = options;
  const title = [seo.title, section, SITE_NAME].filter((part, index) => part && !(index === 0 && part === SITE_NAME)).join(" - ");
  return [
    { title },
    { name: "description", content: seo.description },
    { tagName: "link", rel: "canonical", href: seo.url },
    ...(seo.noindex ? [{ name: "robots", content: "noindex" }] : []),
    { property: "og:title", content: seo.title },
    { property: "og:description", content: seo.description },
    { property: "og:url", content: seo.url },
    { property: "og:type", content: seo.type ?? "website" },
    { property: "og:site_name", content: SITE_NAME },
    { name: "twitter:card", content: "summary" },
    { name: "twitter:title", content: seo.title },
    { name: "twitter:description", content: seo.description },
    ...(structuredData ? [{ "script:ld+json": structuredData }] : []),
    ...(feed ? [feedLink(feed)] : []),
  ];
}

/** A page's Atom feed, for feed readers to find from the page (autodiscovery). */
export interface FeedLink {
  title: string;
  href: string;
}

export function feedLink(feed: FeedLink): MetaDescriptor {
  return { tagName: "link", rel: "alternate", type: "application/atom+xml", title: feed.title, href: feed.href };
}

/** What a page whose loader failed (404 and the like) still says: a title, and not to index it. */
export function missingPageMeta(title: string): MetaDescriptor[] {
  return [{ title: `${title} - ${SITE_NAME}` }, { name: "robots", content: "noindex" }];
}
