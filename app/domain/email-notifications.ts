// Which notifications go out by email, when, and in which words. Pure: the service reads a
// member's choices and the notice, and these decide the email.
import { truncateText } from "~/lib/excerpt";
import { EMAIL_DELIVERIES, type EmailDelivery } from "./email-delivery";
import type { NotificationKind } from "./notifications";

export { EMAIL_DELIVERIES, type EmailDelivery };

export const EMAIL_DELIVERY_LABELS: Record<EmailDelivery, string> = {
  instant: "Right away",
  daily: "In a daily digest",
  off: "Never",
};

/**
 * Each kind as the settings page and the unsubscribe page name it, and its default. What needs
 * the member's action (an answer to their question, a comment) comes at once; what is news
 * rather than a call (a badge, a question in a followed tag, an edit) waits for the digest.
 */
export const EMAIL_KINDS: Record<NotificationKind, { label: string; defaultDelivery: EmailDelivery }> = {
  answer: { label: "Answers to your questions and to questions you follow", defaultDelivery: "instant" },
  comment: { label: "Comments on your posts", defaultDelivery: "instant" },
  accepted: { label: "Your answer accepted", defaultDelivery: "instant" },
  answer_promoted: { label: "Your answer turned into a knowledge-base article", defaultDelivery: "instant" },
  edited: { label: "Edits to your posts by someone else", defaultDelivery: "daily" },
  new_question: { label: "New questions in tags you follow", defaultDelivery: "daily" },
  badge_earned: { label: "Badges you earn", defaultDelivery: "daily" },
  moderated: { label: "A reviewer's decision on your post", defaultDelivery: "instant" },
  mention: { label: "Mentions of you (@name)", defaultDelivery: "instant" },
  escalated: { label: "Your unanswered question handed to staff", defaultDelivery: "instant" },
};

export const EMAIL_KIND_ORDER = Object.keys(EMAIL_KINDS) as NotificationKind[];

/** The settings form's field for a kind's choice. */
export const emailDeliveryField = (kind: NotificationKind) => `email_${kind}` as const;

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(EMAIL_KINDS, value);
}

/** A member's choice for each kind: what they chose, else the kind's default. */
export function effectiveDeliveries(chosen: { kind: string; delivery: EmailDelivery }[]): Record<NotificationKind, EmailDelivery> {
  const deliveries = Object.fromEntries(EMAIL_KIND_ORDER.map((kind) => [kind, EMAIL_KINDS[kind].defaultDelivery])) as Record<NotificationKind, EmailDelivery>;
  for (const row of chosen) if (isNotificationKind(row.kind)) deliveries[row.kind] = row.delivery;
  return deliveries;
}

/**
 * What one unsubscribe link stops: one kind (an instant email's link), or everything that comes
 * in the digest (the digest's link).
 */
export type UnsubscribeScope = NotificationKind | "digest";

export function isUnsubscribeScope(value: string): value is UnsubscribeScope {
  return value === "digest" || isNotificationKind(value);
}

export function describeScope(scope: UnsubscribeScope): string {
  return scope === "digest" ? "the daily digest" : EMAIL_KINDS[scope].label.toLowerCase();
}

/** How long an emailed unsubscribe link works: mail is read late, but not for ever. */
export const UNSUBSCRIBE_LINK_DAYS = 90;

/** The deliveries after following an unsubscribe link: its kind off, or every daily kind off. */
export function afterUnsubscribe(current: Record<NotificationKind, EmailDelivery>, scope: UnsubscribeScope): Record<NotificationKind, EmailDelivery> {
  const next = { ...current };
  for (const kind of EMAIL_KIND_ORDER) {
    if (scope === "digest" ? current[kind] === "daily" : kind === scope) next[kind] = "off";
  }
  return next;
}

/** Longer subjects are cut at a word, with an ellipsis: a desktop inbox shows about this much. */
export const SUBJECT_CHARS = 100;

export const emailSubject = (text: string) => truncateText(text, SUBJECT_CHARS);

export interface NoticeForEmail {
  kind: NotificationKind;
  message: string;
  actorName: string | null;
  /** Absolute address of what the notice is about. */
  url: string;
}

/** The notice's line as the inbox shows it: the actor's name before the message when there is one. */
export function noticeSentence(notice: Pick<NoticeForEmail, "message" | "actorName">): string {
  return notice.actorName ? `${notice.actorName} ${notice.message}` : notice.message;
}

/** A notice as a sentence: a full stop added unless it already ends with one (a badge's description does). */
const asSentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Where to change the choices and how to stop this kind: written at the foot of every email. */
function footer(links: { settingsUrl: string; unsubscribeUrl: string }, scope: UnsubscribeScope) {
  return `--\nYou get this email because of your Peerdesk notification settings: ${links.settingsUrl}\nStop emails about ${describeScope(scope)}: ${links.unsubscribeUrl}\n`;
}

export function instantEmail(input: { recipientName: string; notice: NoticeForEmail; settingsUrl: string; unsubscribeUrl: string }) {
  const sentence = noticeSentence(input.notice);
  return {
    subject: emailSubject(sentence),
    text: `Hi ${input.recipientName},\n\n${asSentence(sentence)}\n\n${input.notice.url}\n\n${footer(input, input.notice.kind)}`,
  };
}

export function digestEmail(input: { recipientName: string; notices: NoticeForEmail[]; settingsUrl: string; unsubscribeUrl: string; inboxUrl: string }) {
  const count = input.notices.length;
  const lines = input.notices.map((notice) => `- ${asSentence(noticeSentence(notice))}\n  ${notice.url}`).join("\n");
  return {
    subject: emailSubject(count === 1 ? `Your Peerdesk digest: ${noticeSentence(input.notices[0])}` : `Your Peerdesk digest: ${count} new notifications`),
    text: `Hi ${input.recipientName},\n\nHere is what happened since your last digest.\n\n${lines}\n\nAll your notifications: ${input.inboxUrl}\n\n${footer(input, "digest")}`,
  };
}
