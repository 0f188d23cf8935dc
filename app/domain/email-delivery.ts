// How a member takes one kind of notification by email. Its own module: the schema imports it.
export const EMAIL_DELIVERIES = ["instant", "daily", "off"] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];
