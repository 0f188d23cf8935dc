// The flag form and the review decision form (server validation; the lengths are in limits.ts).
import { z } from "zod";
import { REVIEW_DECISIONS } from "~/domain/flags";
import { FLAG_KINDS } from "~/domain/moderation";
import { idSchema, optionalText } from "./fields.server";
import { FLAG_LIMITS } from "./limits";
import { readQuestionPick, type QuestionPick } from "./question-pick";

export const flagForm = z
  .object({
    kind: z.enum(FLAG_KINDS, { error: "Choose what is wrong." }),
    reason: optionalText("The reason", FLAG_LIMITS.reason.max),
    duplicateOf: z.string().max(500, { error: "That is too long: use a few words from the title, or its link." }).optional(),
    /** A question picked from the list the field offers (a radio button). */
    duplicateOfId: z.string().max(20).optional(),
    commentId: z.union([z.literal(""), idSchema]).optional(),
  })
  .transform((value, ctx) => {
    const commentId = typeof value.commentId === "number" ? value.commentId : null;
    if (value.kind === "other" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say what is wrong, so staff know what to look for." });
    }
    // Only a duplicate names an original; words there become a list to pick from (the route's job).
    const duplicateOf: QuestionPick | null = value.kind === "duplicate" ? readQuestionPick(value.duplicateOf, value.duplicateOfId) : null;
    return { kind: value.kind, reason: value.reason, duplicateOf, commentId };
  });

export const reviewDecisionForm = z.object({
  itemId: idSchema,
  decision: z.enum(REVIEW_DECISIONS, { error: "That decision is not one of the queue's." }),
  note: optionalText("The reason", FLAG_LIMITS.note.max),
});
