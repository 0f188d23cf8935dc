// The inbox's two buttons (mark one notification read, or all of them), and the email choices on the settings page.
import { z } from "zod";
import { EMAIL_DELIVERIES, EMAIL_KIND_ORDER, emailDeliveryField, type EmailDelivery } from "~/domain/email-notifications";
import type { NotificationKind } from "~/domain/notifications";
import { idSchema } from "./fields.server";

export const notificationsIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: idSchema }),
  z.object({ intent: z.literal("read-all") }),
]);

/** The settings page's email choices: one of "instant", "daily", "off" for every kind (a select each). */
export const emailDeliveriesFields = Object.fromEntries(
  EMAIL_KIND_ORDER.map((kind) => [emailDeliveryField(kind), z.enum(EMAIL_DELIVERIES, { error: "Choose right away, daily digest or never." })]),
) as Record<`email_${NotificationKind}`, z.ZodEnum<{ instant: "instant"; daily: "daily"; off: "off" }>>;

/** The kinds' choices out of a parsed form, keyed by kind. */
export function deliveriesFromForm(values: Record<string, unknown>): Record<NotificationKind, EmailDelivery> {
  return Object.fromEntries(EMAIL_KIND_ORDER.map((kind) => [kind, values[emailDeliveryField(kind)]])) as Record<NotificationKind, EmailDelivery>;
}
