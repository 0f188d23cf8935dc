import { z } from "zod";
import { optionalText, tagsField, text } from "./fields.server";
import { LIMITS } from "./limits";

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

export const editSummary = optionalText("Edit summary", LIMITS.editNote.max);

/** The revision an edit form was loaded with, so a save can tell whether someone else saved since. */
export const baseRevision = z.coerce
  .number({ error: "This form is out of date. Reload the page and make your edit again." })
  .int({ error: "This form is out of date. Reload the page and make your edit again." })
  .min(1, { error: "This form is out of date. Reload the page and make your edit again." })
  .max(2_147_483_647, { error: "This form is out of date. Reload the page and make your edit again." });

export const postEditForms = {
  question: questionForm.extend({ summary: editSummary, baseRevision }),
  answer: answerForm.extend({ summary: editSummary, baseRevision }),
};
