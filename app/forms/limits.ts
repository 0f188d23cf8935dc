// Field limits and plain text rules the browser needs too (character counters, maxlength,
// the search box). No zod here: this module reaches client bundles, and the schemas built from
// it live in fields.server.ts, which the compiler leaves out of the browser build.

export const LIMITS = {
  title: { min: 15, max: 150 },
  body: { min: 20, max: 30_000 },
  comment: { min: 5, max: 600 },
  tags: { min: 1, max: 5, maxLength: 35 },
  displayName: { min: 2, max: 40 },
  password: { min: 8, max: 256 },
  email: { max: 254 },
  /** An edit summary on a post, an edit note on an article. */
  editNote: { max: 200 },
  /** A comment with "Was this helpful?" on an article. */
  feedback: { max: 600 },
  /** What belongs under a tag, shown on /tags and the tag's page. */
  tagDescription: { max: 300 },
  /** The asker's private note for staff (order numbers, account ids). */
  privateNote: { max: 2_000 },
} as const;

// Characters that draw nothing: zero-width spaces and joiners, direction controls, variation
// selectors, Hangul fillers, tag characters (Unicode's Default_Ignorable_Code_Point, the set the
// database's peerdesk_name_key() removes too). A title of only these looks blank to a reader.
export const INVISIBLE_CHARACTERS = /\p{Default_Ignorable_Code_Point}/gu;

/** What a reader actually sees of a text: invisible characters removed, outer spaces trimmed. */
export function visibleText(value: string): string {
  return value.replace(INVISIBLE_CHARACTERS, "").trim();
}

export const TAG_PATTERN = /^[a-z0-9][a-z0-9.+#-]*$/;

/** "Billing, vat  exports" -> ["billing", "vat", "exports"] (lower-cased, de-duplicated). */
export function parseTags(raw: string): string[] {
  const tags = raw
    .toLowerCase()
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

export const MAX_ID = 2_147_483_647;

/**
 * A positive database id (PostgreSQL integer) read the way fields.server.ts's idSchema reads one
 * (z.coerce.number().int().positive().max(MAX_ID)), without zod; null for anything else.
 */
export function readId(value: unknown): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 && id <= MAX_ID ? id : null;
}

/** A positive database id from a URL or a form: anything else is "not found", not an error. */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return null;
  return readId(value);
}

export type FieldErrors = Record<string, string>;

/** The flag form's and the review queue's note lengths. */
export const FLAG_LIMITS = { reason: { max: 500 }, note: { max: 500 } } as const;
