// When an "original question" field names no question yet: the form comes back (400, all that was
// typed kept) with a message and, for words, the matching questions to choose from. This is how
// the picker works without JavaScript; with it, the same list shows while typing.
import type { AppLoadContext } from "@remix-run/node";
import { QUESTION_PICK_MESSAGES, type QuestionPick } from "~/forms/question-pick";
import { failureFromServiceError, invalid, type FormFailure } from "~/http/responses.server";
import { addressKey } from "~/http/visitor.server";
import { findQuestionChoices } from "~/services/question-choices.server";

export async function askToPickQuestion(
  context: AppLoadContext,
  form: FormData,
  pick: Exclude<QuestionPick, { kind: "id" }>,
  options: { excludeId: number | null; extra?: Partial<FormFailure> },
) {
  const extra = options.extra ?? {};
  if (pick.kind === "none") return invalid(form, { duplicateOf: QUESTION_PICK_MESSAGES.none }, extra);
  if (pick.kind === "bad-reference") return invalid(form, { duplicateOf: QUESTION_PICK_MESSAGES.badReference }, extra);
  try {
    const choices = await findQuestionChoices(context.db, pick.words, { excludeId: options.excludeId, addressKey: addressKey(context) });
    const message = choices.length > 0 ? QUESTION_PICK_MESSAGES.choose : QUESTION_PICK_MESSAGES.nothingFound(pick.words);
    return invalid(form, { duplicateOf: message }, { ...extra, choices });
  } catch (error) {
    return failureFromServiceError(error, form, extra);
  }
}
