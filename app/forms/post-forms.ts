import { z } from "zod";
import { LIMITS, tagsField, text } from "./fields";

export const questionForm = z.object({
  title: text("Title", LIMITS.title),
  body: text("Body", LIMITS.body, { trim: false }),
  tags: tagsField,
});

export const answerForm = z.object({
  body: text("Body", LIMITS.body, { trim: false }),
});

export const commentForm = z.object({
  body: text("Comment", LIMITS.comment),
});

export const editSummary = z
  .string()
  .max(200, { error: "Edit summary must be at most 200 characters." })
  .optional()
  .transform((value) => value?.trim() || null);
