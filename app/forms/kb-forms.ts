import { z } from "zod";
import { LIMITS, text } from "./fields";
import { baseRevision } from "./post-forms";

export const articleForm = z.object({
  title: text("Title", LIMITS.title),
  body: text("Body", LIMITS.body, { trim: false }),
  categoryId: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const id = Number(value);
      if (Number.isInteger(id) && id > 0 && id < 2_147_483_647) return id;
      ctx.addIssue({ code: "custom", message: "Choose one of the listed categories." });
      return z.NEVER;
    }),
  note: z
    .string()
    .max(200, { error: "Edit note must be at most 200 characters." })
    .optional()
    .transform((value) => value?.trim() || null),
  baseRevision,
});

export const articlePageIntent = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("feedback"),
    helpful: z.enum(["yes", "no"], { error: "Choose Yes or No." }),
    comment: z
      .string()
      .max(LIMITS.comment.max, { error: `Feedback must be at most ${LIMITS.comment.max} characters.` })
      .optional()
      .transform((value) => value?.trim() || null)
      .refine((value) => value === null || !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value), { error: "Feedback contains characters that are not allowed." }),
  }),
  z.object({ intent: z.literal("status"), change: z.enum(["publish", "unpublish", "archive", "restore"]) }),
  z.object({ intent: z.literal("verify") }),
  z.object({ intent: z.literal("delete") }),
]);
