// Field rules shared by the server (authoritative) and the browser (early feedback).
// Ordinary modules, not *.server.ts: the classic compiler empties those in the browser bundle.
import { z } from "zod";

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
} as const;

// PostgreSQL text cannot hold NUL, and other control characters are never intended.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Characters that draw nothing: zero-width spaces and joiners, direction controls, variation
// selectors, Hangul fillers, tag characters (Unicode's Default_Ignorable_Code_Point, the set the
// database's peerdesk_name_key() removes too). A title of only these looks blank to a reader.
export const INVISIBLE_CHARACTERS = /\p{Default_Ignorable_Code_Point}/gu;

/** What a reader actually sees of a text: invisible characters removed, outer spaces trimmed. */
export function visibleText(value: string): string {
  return value.replace(INVISIBLE_CHARACTERS, "").trim();
}

/** A required text field with a clear message for empty, short, long and binary input. */
export function text(label: string, limits: { min: number; max: number }, options: { trim?: boolean } = {}) {
  // Markdown bodies keep their leading indentation (code blocks); lengths ignore outer spaces.
  const keepSpaces = options.trim === false;
  return z
    .string({ error: `${label} is required.` })
    .transform((value) => (keepSpaces ? value.replace(/\r\n/g, "\n").replace(/\s+$/, "") : value.replace(/\r\n/g, "\n").trim()))
    .pipe(
      z
        .string()
        // Invisible characters are kept (joiners belong in emoji and some scripts) but count for nothing.
        .refine((value) => visibleText(value).length > 0, { error: `${label} is required.`, abort: true })
        .refine((value) => visibleText(value).length >= limits.min, { error: `${label} must be at least ${limits.min} characters.`, abort: true })
        .refine((value) => value.length <= limits.max, {
          error: `${label} must be at most ${limits.max.toLocaleString("en")} characters.`,
          abort: true,
        })
        .refine((value) => !CONTROL_CHARACTERS.test(value), { error: `${label} contains characters that are not allowed.` }),
    );
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

export const tagsField = z
  .string({ error: "Add at least one tag." })
  .transform(parseTags)
  .pipe(
    z
      .array(
        z
          .string()
          .max(LIMITS.tags.maxLength, { error: `Each tag must be at most ${LIMITS.tags.maxLength} characters.` })
          .regex(TAG_PATTERN, { error: "Tags may use only letters, digits and . + # - (and start with a letter or digit)." }),
      )
      .min(LIMITS.tags.min, { error: "Add at least one tag." })
      .max(LIMITS.tags.max, { error: `Use at most ${LIMITS.tags.max} tags.` }),
  );

/** A positive database id from a URL or a form: anything else is "not found", not an error. */
export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return null;
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export type FieldErrors = Record<string, string>;

/** The first message for each field, keyed by field name, for display next to the field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

/** An optional one-line text (an edit summary, a feedback comment): trimmed, empty means none. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .max(max, { error: `${label} must be at most ${max.toLocaleString("en")} characters.` })
    .optional()
    .transform((value) => value?.trim() || null)
    .refine((value) => value === null || !CONTROL_CHARACTERS.test(value), { error: `${label} contains characters that are not allowed.` });
}
