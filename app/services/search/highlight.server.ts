// Safe highlighted snippets. ts_headline returns the document's own text, so the text is made
// inert in two steps: in SQL, `& < >` become entities before ts_headline sees the text (so its
// parser never meets an HTML tag, which it would silently drop), and the marks are two control
// characters removed from the text first, so they cannot come from a post. In Node the entities
// are turned back into the exact original text, ALL of it is HTML-escaped, and only then do the
// control characters become <mark> and </mark>.
import { sql, type SQL } from "drizzle-orm";

const MARK_START = "\u0001";
const MARK_END = "\u0002";

/** How much of a long body ts_headline reads: the snippet comes from its opening part. */
const HEADLINE_SOURCE_CHARS = 6000;

/** A column's text, ready for ts_headline: marks removed, markdown emphasis dropped, `& < >` as entities. */
export function headlineSource(column: SQL, maxChars = HEADLINE_SOURCE_CHARS): SQL {
  return sql`replace(replace(replace(regexp_replace(translate(left(${column}, ${maxChars}::int), chr(1) || chr(2), ''), '[*\`]+|^#+ |^> ?', '', 'gn'), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
}

/** ts_headline with the two marks. `whole` highlights a short text (a title) entirely. */
export function headline(source: SQL, query: SQL, options: { whole?: boolean } = {}): SQL {
  const shape = options.whole
    ? "HighlightAll=true"
    : "MaxFragments=2, MaxWords=24, MinWords=10, ShortWord=2, FragmentDelimiter=\" … \"";
  return sql`ts_headline('english', ${source}, ${query}, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', ' || ${shape}::text)`;
}

const ENTITY = /&(amp|lt|gt);/g;
const DECODED: Record<string, string> = { amp: "&", lt: "<", gt: ">" };
// Marks are control characters; any other control character has no business in the HTML.
const OTHER_CONTROL = /[\u0000\u0003-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Text from `headline()` as HTML: every character of the post escaped, then the marks added. */
export function highlightedHtml(fromHeadline: string | null | undefined): string {
  if (!fromHeadline) return "";
  const original = fromHeadline.replace(ENTITY, (_, name: string) => DECODED[name]).replace(OTHER_CONTROL, "");
  const escaped = escapeHtml(original);
  const starts = escaped.split(MARK_START).length - 1;
  const ends = escaped.split(MARK_END).length - 1;
  // ts_headline always pairs them; if it ever did not, plain text beats broken markup.
  if (starts !== ends) return escaped.replace(/[\u0001\u0002]/g, "");
  return escaped.replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>");
}
