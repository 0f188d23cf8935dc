// The search box's query language, parsed into parts the search service can turn into SQL.
// Pure and total: any string (or nothing) gives a ParsedQuery, never an exception, because the
// text comes straight from a URL that anyone can type.
//
//   free words            export invoices       every word must match (stemmed: "exports" finds "export")
//   "quoted phrase"       "bank feed"           the words next to each other, in this order
//   -word, -"phrase"      -paypal               results containing it are left out
//   [tag]                 [csv]                 questions (and their answers) with this tag
//   is:question|answer|article                  only this kind (several: any of them)
//   is:solved, is:unanswered                    questions with an accepted answer / with no answer
//   user:ID               user:12               posts written by this member
import { LIMITS, TAG_PATTERN } from "~/forms/limits";

/** Longer queries are cut here (and the page says so): nobody types more, and every word costs. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many words, phrases and exclusions each: the rest are dropped (and flagged). */
export const MAX_QUERY_PARTS = 16;

export const SEARCH_KINDS = ["question", "answer", "article"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface ParsedQuery {
  /** The input as searched: control characters removed, spaces collapsed, cut to MAX_QUERY_LENGTH. */
  text: string;
  /** The input was longer than MAX_QUERY_LENGTH characters, or had more than MAX_QUERY_PARTS parts. */
  truncated: boolean;
  words: string[];
  phrases: string[];
  excludedWords: string[];
  excludedPhrases: string[];
  tags: string[];
  /** Empty: every kind. */
  kinds: SearchKind[];
  solved: boolean;
  unanswered: boolean;
  userId: number | null;
  /** Operators that were not understood (`is:foo`, `user:abc`, `[not a tag]`), kept to explain. */
  ignored: string[];
}

// C0 and C1 controls, and the invisible characters that change text direction or join words.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// A word keeps inner punctuation that carries meaning (node.js, due_date, c#, c++, e-mail) and
// loses the rest at its ends: "(export?)" is "export".
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}#+]+$/gu;

const MAX_USER_ID = 2_147_483_647;

function emptyQuery(text: string, truncated: boolean): ParsedQuery {
  return {
    text,
    truncated,
    words: [],
    phrases: [],
    excludedWords: [],
    excludedPhrases: [],
    tags: [],
    kinds: [],
    solved: false,
    unanswered: false,
    userId: null,
    ignored: [],
  };
}

/** Control characters out, whitespace collapsed, cut at a code point boundary. */
function clean(raw: unknown): { text: string; truncated: boolean } {
  if (typeof raw !== "string") return { text: "", truncated: false };
  const spaced = raw.normalize("NFC").replace(/[\t\n\r\f\v]/g, " ").replace(CONTROL, "").replace(/\s+/g, " ").trim();
  const chars = Array.from(spaced);
  if (chars.length <= MAX_QUERY_LENGTH) return { text: spaced, truncated: false };
  return { text: chars.slice(0, MAX_QUERY_LENGTH).join("").trim(), truncated: true };
}

function cleanWord(word: string): string | null {
  const stripped = word.replace(EDGE_PUNCTUATION, "").toLowerCase();
  return stripped && HAS_LETTER_OR_DIGIT.test(stripped) ? stripped : null;
}

/** Words of a phrase, each cleaned; null when nothing searchable is left. */
function cleanPhrase(phrase: string): string | null {
  const words = phrase
    .split(" ")
    .map(cleanWord)
    .filter((word): word is string => word !== null);
  return words.length > 0 ? words.join(" ") : null;
}

type Token = { kind: "phrase" | "word"; value: string; negated: boolean };

/** Splits on spaces, keeping "quoted phrases" whole; an unclosed quote runs to the end. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === " ") {
      i++;
      continue;
    }
    const negated = text[i] === "-" && i + 1 < text.length && text[i + 1] !== " ";
    const start = negated ? i + 1 : i;
    if (text[start] === '"') {
      const close = text.indexOf('"', start + 1);
      const end = close === -1 ? text.length : close;
      tokens.push({ kind: "phrase", value: text.slice(start + 1, end), negated });
      i = end + 1;
      continue;
    }
    let end = text.indexOf(" ", start);
    if (end === -1) end = text.length;
    tokens.push({ kind: "word", value: text.slice(start, end), negated });
    i = end;
  }
  return tokens;
}

function pushLimited(list: string[], value: string, query: ParsedQuery) {
  if (list.includes(value)) return;
  if (list.length >= MAX_QUERY_PARTS) {
    query.truncated = true;
    return;
  }
  list.push(value);
}

/** Applies an operator (`is:`, `user:`, `[tag]`); false when the token is not one. */
function applyOperator(token: string, query: ParsedQuery): boolean {
  const lower = token.toLowerCase();
  if (lower.startsWith("[") && lower.endsWith("]") && lower.length >= 2) {
    const tag = lower.slice(1, -1);
    if (TAG_PATTERN.test(tag) && tag.length <= LIMITS.tags.maxLength) pushLimited(query.tags, tag, query);
    else query.ignored.push(token);
    return true;
  }
  const colon = lower.indexOf(":");
  if (colon <= 0) return false;
  const name = lower.slice(0, colon);
  const value = lower.slice(colon + 1);
  if (name === "is") {
    if ((SEARCH_KINDS as readonly string[]).includes(value)) {
      if (!query.kinds.includes(value as SearchKind)) query.kinds.push(value as SearchKind);
    } else if (value === "solved" || value === "accepted") query.solved = true;
    else if (value === "unanswered") query.unanswered = true;
    else query.ignored.push(token);
    return true;
  }
  if (name === "user") {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(id) && id >= 1 && id <= MAX_USER_ID) query.userId = id;
    else query.ignored.push(token);
    return true;
  }
  return false;
}

export function parseSearchQuery(raw: unknown): ParsedQuery {
  const { text, truncated } = clean(raw);
  const query = emptyQuery(text, truncated);
  for (const token of tokenize(text)) {
    if (token.kind === "phrase") {
      const phrase = cleanPhrase(token.value);
      if (!phrase) continue;
      // A quoted single word is just that word.
      const target = phrase.includes(" ")
        ? token.negated
          ? query.excludedPhrases
          : query.phrases
        : token.negated
          ? query.excludedWords
          : query.words;
      pushLimited(target, phrase, query);
      continue;
    }
    if (!token.negated && applyOperator(token.value, query)) continue;
    const word = cleanWord(token.value);
    if (!word) continue;
    pushLimited(token.negated ? query.excludedWords : query.words, word, query);
  }
  return query;
}

/** Something to match: a word or phrase with at least two letters or digits between them. */
export function hasSearchText(query: ParsedQuery): boolean {
  const letters = [...query.words, ...query.phrases].join("").match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return letters >= 2;
}

/** A filter narrows the results even without words: `[csv] is:unanswered` lists those questions. */
export function hasFilters(query: ParsedQuery): boolean {
  return query.tags.length > 0 || query.kinds.length > 0 || query.solved || query.unanswered || query.userId !== null;
}

/** Whether the query can be run at all; otherwise the search page shows its tips. */
export function isSearchable(query: ParsedQuery): boolean {
  return hasSearchText(query) || hasFilters(query);
}

/**
 * The query written back in canonical form (lower case, operators last, duplicates gone): the
 * key under which the same search typed two ways counts once, and the text of pager links.
 */
export function formatSearchQuery(query: ParsedQuery): string {
  const parts = [
    ...query.words,
    ...query.phrases.map((phrase) => `"${phrase}"`),
    ...query.excludedWords.map((word) => `-${word}`),
    ...query.excludedPhrases.map((phrase) => `-"${phrase}"`),
    ...query.tags.map((tag) => `[${tag}]`),
    ...query.kinds.map((kind) => `is:${kind}`),
    ...(query.solved ? ["is:solved"] : []),
    ...(query.unanswered ? ["is:unanswered"] : []),
    ...(query.userId !== null ? [`user:${query.userId}`] : []),
  ];
  return parts.join(" ");
}
