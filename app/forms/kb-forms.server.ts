import { z } from "zod";
import { optionalText, text } from "./fields.server";
import { LIMITS } from "./limits";
import { baseRevision } from "./post-forms.server";

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
  note: optionalText("Edit note", LIMITS.editNote.max),
  baseRevision,
});

/** The editor's form: its two buttons say whether to publish as well as save. */
export const articleEditForm = articleForm.extend({ intent: z.enum(["save", "publish"]).default("save") });

export const articlePageIntent = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("feedback"),
    helpful: z.enum(["yes", "no"], { error: "Choose Yes or No." }),
    comment: optionalText("Feedback", LIMITS.feedback.max),
  }),
  z.object({ intent: z.literal("status"), change: z.enum(["publish", "unpublish", "archive", "restore"]) }),
  z.object({ intent: z.literal("verify") }),
  z.object({ intent: z.literal("delete") }),
]);
