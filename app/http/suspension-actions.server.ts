// The profile page's suspension forms (staff only): suspend for a number of days with a reason
// the member sees, or lift a running suspension early.
import { redirect } from "@remix-run/node";
import { z } from "zod";
import type { Database } from "../../db/client";
import { MODERATION_SETTINGS } from "~/domain/moderation";
import { failureFromServiceError, invalid } from "~/http/responses.server";
import { liftSuspension, suspendUser } from "~/services/suspensions.server";

const SUSPENSION_INTENTS = ["suspend", "liftSuspension"];

const daysField = z.coerce
  .number({ message: `Enter a number of days from 1 to ${MODERATION_SETTINGS.maxSuspensionDays}.` })
  .int(`Enter a whole number of days from 1 to ${MODERATION_SETTINGS.maxSuspensionDays}.`);

export function isSuspensionIntent(form: FormData) {
  return SUSPENSION_INTENTS.includes(String(form.get("intent") ?? ""));
}

export async function handleSuspensionIntent(db: Database, form: FormData, input: { viewerId: number; userId: number; back: string }) {
  const intent = String(form.get("intent"));
  const context = { intent };
  try {
    if (intent === "suspend") {
      const raw = String(form.get("days") ?? "").trim();
      const days = daysField.safeParse(raw === "" ? Number.NaN : raw);
      if (!days.success) return invalid(form, { days: days.error.issues[0]?.message ?? "Enter a number of days." }, context);
      await suspendUser(db, { actorId: input.viewerId, userId: input.userId, days: days.data, reason: String(form.get("reason") ?? "") });
    } else {
      await liftSuspension(db, { actorId: input.viewerId, userId: input.userId, note: String(form.get("note") ?? "") });
    }
  } catch (error) {
    return failureFromServiceError(error, form, context);
  }
  return redirect(`${input.back}#suspend`);
}
