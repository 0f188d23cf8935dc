// The question page's moderation buttons (the "Moderate" section): vote to close or reopen,
// close as a duplicate, lock and unlock. The page's action hands its form here first; anything
// not a moderation intent comes back as null for the page's own intents.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { CLOSE_REASONS } from "~/domain/moderation";
import { readQuestionPick } from "~/forms/question-pick";
import { askToPickQuestion } from "~/http/question-pick.server";
import { failureFromServiceError, invalid } from "~/http/responses.server";
import { castCloseVote, setThreadLock } from "~/services/closing.server";

export const MODERATION_INTENTS = ["close", "reopen", "lock", "unlock"] as const;

const moderationForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("close"),
    reason: z.enum(CLOSE_REASONS, { message: "Choose why this question should be closed." }),
    duplicateOf: z.string().max(500).optional(),
    duplicateOfId: z.string().max(20).optional(),
  }),
  z.object({ intent: z.literal("reopen") }),
  z.object({ intent: z.literal("lock"), note: z.string().max(500).optional() }),
  z.object({ intent: z.literal("unlock"), note: z.string().max(500).optional() }),
]);

export function isModerationIntent(form: FormData) {
  return (MODERATION_INTENTS as readonly string[]).includes(String(form.get("intent") ?? ""));
}

export async function handleModerationIntent(context: AppLoadContext, form: FormData, input: { viewerId: number; questionId: number; back: string }) {
  const db = context.db;
  const failureContext = { intent: String(form.get("intent")), postId: input.questionId };
  const raw = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));
  const parsed = moderationForm.safeParse(raw);
  if (!parsed.success) {
    const reasonIssue = parsed.error.issues.find((issue) => issue.path[0] === "reason");
    return invalid(form, reasonIssue ? { reason: reasonIssue.message } : { form: "That action is not recognised. Reload the page and try again." }, failureContext);
  }
  const data = parsed.data;
  const reload = { headers: { "X-Remix-Revalidate": "yes" } };
  try {
    switch (data.intent) {
      case "close": {
        const original = data.reason === "duplicate" ? readQuestionPick(data.duplicateOf, data.duplicateOfId) : null;
        if (original && original.kind !== "id") return askToPickQuestion(context, form, original, { excludeId: input.questionId, extra: failureContext });
        await castCloseVote(db, { actorId: input.viewerId, questionId: input.questionId, kind: "close", reason: data.reason, duplicateOfId: original?.id ?? null });
        break;
      }
      case "reopen":
        await castCloseVote(db, { actorId: input.viewerId, questionId: input.questionId, kind: "reopen" });
        break;
      case "lock":
      case "unlock":
        await setThreadLock(db, { actorId: input.viewerId, questionId: input.questionId, locked: data.intent === "lock", reason: data.note ?? null });
        break;
    }
  } catch (error) {
    return failureFromServiceError(error, form, failureContext);
  }
  return redirect(`${input.back}#moderate`, reload);
}
