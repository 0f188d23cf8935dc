// Zod field rules for the server's form schemas (authoritative validation). A .server module,
// so zod stays out of the browser bundle; the limits the browser needs are in limits.ts.
import { z } from "zod";
import { LIMITS, MAX_ID, TAG_PATTERN, parseTags, visibleText, type FieldErrors } from "./limits";

// PostgreSQL text cannot hold NUL, and other control characters are never intended.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

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

/** A positive database id in a form (limits.ts readId reads the same without zod). */
export const idSchema = z.coerce.number().int().positive().max(MAX_ID);

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
