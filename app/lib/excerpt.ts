// Plain-text excerpts for lists, cards and meta descriptions, taken from what the post renders to
// (markdown-it's own token stream), so they show what a reader sees: no markdown symbols, no
// code-fence language names, entities decoded by the parser exactly once. Server-only: it uses the
// renderer's parser, so compute excerpts in services and loaders, never in components.
import { markdownTokens } from "./markdown.server";

/** How much of a body a list reads to make its excerpt: enough that markup cut short rarely shows, little enough to stay cheap. */
export const EXCERPT_SOURCE_CHARS = 1_500;

type Token = ReturnType<typeof markdownTokens>[number];

export interface PlainTextOptions {
  /** false: leave headings out (articles open with "The question", which says nothing). */
  headings?: boolean;
}

function inlineText(children: Token[]): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text" || child.type === "code_inline" || child.type === "text_special") text += child.content;
    // An image's alt text is its words; its URL is not.
    else if (child.type === "image") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return text;
}

/** The post's visible text on one line. */
export function plainText(markdown: string, options: PlainTextOptions = {}): string {
  const parts: string[] = [];
  let inHeading = false;
  for (const token of markdownTokens(markdown)) {
    if (token.type === "heading_open") inHeading = true;
    else if (token.type === "heading_close") inHeading = false;
    if (token.type === "inline") {
      if (!(inHeading && options.headings === false)) parts.push(inlineText(token.children ?? []));
    } else if (token.type === "fence" || token.type === "code_block") {
      parts.push(token.content);
    }
    // Every block boundary (paragraph, list item, table cell) separates words.
    if (token.block && token.type !== "inline") parts.push(" ");
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** Cut at a word boundary so the result, ellipsis included, is at most `max` characters. */
export function truncateText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  let cut = clean.slice(0, Math.max(1, max - 1));
  const nextIsSpace = clean[cut.length] === " ";
  if (!nextIsSpace) {
    const lastSpace = cut.lastIndexOf(" ");
    // One very long word (a URL, a stack trace) is cut mid-word rather than left empty.
    if (lastSpace >= max * 0.5) cut = cut.slice(0, lastSpace);
  }
  // Never leave half of a surrogate pair (an emoji) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:.\-–—(]+$/u, "")}…`;
}

/** A post's opening words as plain text, at most `max` characters. */
export function excerpt(markdown: string, max: number, options: PlainTextOptions = {}): string {
  return truncateText(plainText(markdown, options), max);
}
