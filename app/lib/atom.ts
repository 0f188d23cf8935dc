// Atom 1.0 (RFC 4287) feeds, written out by hand: four elements do not need a library. Every
// piece of text is escaped; entry content is our own rendered, sanitised HTML, escaped again as
// Atom's type="html" asks.
export interface AtomEntry {
  /** Absolute URL of the thing; it is also the entry's permanent id. */
  url: string;
  title: string;
  author: string;
  published: Date;
  updated: Date;
  html: string;
}

export interface AtomFeed {
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself (rel="self"). */
  selfUrl: string;
  /** Absolute URL of the page the feed follows (rel="alternate"). */
  pageUrl: string;
  entries: AtomEntry[];
  /** When nothing is in it yet. */
  emptyUpdated: Date;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// Characters XML 1.0 cannot carry at all (C0 controls other than tab and newlines).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);
}

export function atomXml(feed: AtomFeed): string {
  const updated = feed.entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), feed.entries[0]?.updated ?? feed.emptyUpdated);
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${escapeXml(entry.url)}</id>
    <title>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <author><name>${escapeXml(entry.author)}</name></author>
    <published>${entry.published.toISOString()}</published>
    <updated>${entry.updated.toISOString()}</updated>
    <content type="html">${escapeXml(entry.html)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(feed.selfUrl)}</id>
  <title>${escapeXml(feed.title)}</title>
${feed.subtitle ? `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>\n` : ""}  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>
  <updated>${updated.toISOString()}</updated>
${entries.join("\n")}
</feed>
`;
}
