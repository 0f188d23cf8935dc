// The files crawlers read: sitemaps (sitemaps.org protocol 0.9) and robots.txt.

export interface SitemapEntry {
  /** Absolute. */
  loc: string;
  lastmod?: string | null;
}

/** XML text and attribute escaping: URLs carry `&` in queries, and PUBLIC_URL is the operator's to choose. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[char]!);
}

function entries(tag: "url" | "sitemap", list: SitemapEntry[]): string {
  return list
    .map((entry) => `<${tag}><loc>${escapeXml(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${escapeXml(entry.lastmod)}</lastmod>` : ""}</${tag}>`)
    .join("\n");
}

export function sitemapIndexXml(list: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries("sitemap", list)}\n</sitemapindex>\n`;
}

export function urlsetXml(list: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries("url", list)}\n</urlset>\n`;
}

/** Pages that are private, per person, or endless variations of others: not for indexes. */
export const ROBOTS_DISALLOW = [
  "/settings",
  "/review",
  "/admin",
  "/kb/manage",
  "/search?",
  "/login",
  "/signup",
  "/logout",
  "/notifications",
  "/staff",
  "/unsubscribe",
  "/questions/ask",
  "/markdown-preview",
  "/api/",
  "/posts/*/edit",
  "/posts/*/flag",
];

export function robotsTxt(sitemapUrl: string): string {
  return ["User-agent: *", ...ROBOTS_DISALLOW.map((path) => `Disallow: ${path}`), "Allow: /", "", `Sitemap: ${sitemapUrl}`, ""].join("\n");
}
