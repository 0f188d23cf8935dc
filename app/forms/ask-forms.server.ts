// The ask page's extra fields: its ask session, and which button was pressed.
import { z } from "zod";
import { ASK_SESSION_PATTERN } from "~/domain/deflection";
import { idSchema } from "./fields.server";

/** The ask session a form or link carries; anything malformed is simply no session. */
export const askSessionField = z.string().regex(ASK_SESSION_PATTERN).optional().catch(undefined);

export const suggestionTarget = z.object({ kind: z.enum(["article", "question"]), id: idSchema });

/** `?session=…&title=…&body=…` for the live suggestion list. */
export const suggestionLookup = z.object({
  session: askSessionField,
  title: z.string().max(2_000).catch(""),
  body: z.string().max(40_000).catch(""),
});

/** `?session=…&kind=article&id=5` for opening a suggestion. */
export const suggestionOpening = suggestionTarget.extend({ session: askSessionField });

/**
 * Which of the ask form's buttons was pressed: Post (no intent), Preview, "Check for existing
 * answers", or on a suggestion "Read it here" (`open:article:5`) or "This solved my problem"
 * (`solved:article:5`), so the one form needs no nested forms and works without JavaScript.
 */
export function askIntent(raw: FormDataEntryValue | null):
  | { intent: "post" }
  | { intent: "preview" }
  | { intent: "check" }
  | { intent: "open" | "solved"; target: z.infer<typeof suggestionTarget> }
  | null {
  if (raw === null || raw === "" || raw === "post") return { intent: "post" };
  if (raw === "preview" || raw === "check") return { intent: raw };
  const onSuggestion = typeof raw === "string" ? /^(open|solved):(article|question):(\d{1,10})$/.exec(raw) : null;
  if (!onSuggestion) return null;
  const target = suggestionTarget.safeParse({ kind: onSuggestion[2], id: onSuggestion[3] });
  return target.success ? { intent: onSuggestion[1] as "open" | "solved", target: target.data } : null;
}
