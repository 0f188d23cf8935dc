// Account rules with no database or clock: how long emailed links work, what a deleted member is
// called, what a session's browser reads as.

/** A password reset link: short, since whoever holds it can take the account. */
export const PASSWORD_RESET_LINK_MINUTES = 60;
/** Said by the reset page's form when its link died while it was open (the page compares it, so it lives here). */
export const RESET_LINK_NO_LONGER_WORKS = "This password reset link has expired or has already been used. Ask for a new one.";
/** A change-of-email link, sent to the new address. */
export const EMAIL_CHANGE_LINK_HOURS = 24;
/** last_seen_at is written at most this often per session, so browsing is not a write per request. */
export const SESSION_SEEN_EVERY_MS = 5 * 60 * 1000;
/** What a member types to confirm deleting their account. */
export const DELETE_ACCOUNT_CONFIRMATION = "delete my account";

const FORMER_MEMBER_PREFIX = "Former member";

/** The name a deleted member's posts keep: unique (the id), and saying nothing about who they were. */
export function formerMemberName(userId: number): string {
  return `${FORMER_MEMBER_PREFIX} ${userId}`;
}

/** Sign-up refuses names that would pass for a deleted member's placeholder. */
export function looksLikeFormerMemberName(name: string): boolean {
  return name.trim().toLowerCase().startsWith(FORMER_MEMBER_PREFIX.toLowerCase());
}

/** Where a deleted member's email went: unique per account, and undeliverable (RFC 2606's .invalid). */
export function scrubbedEmail(userId: number): string {
  return `deleted-${userId}@invalid`;
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/Chrom(e|ium)\/|\bCriOS\//, "Chrome"],
  [/\bSafari\//, "Safari"],
  [/\bcurl\//, "curl"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\biPhone\b|\biPad\b|\biPod\b/, "iOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

/** "Chrome on Linux" from a User-Agent header: enough to recognise one's own devices, no more. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent || !userAgent.trim()) return "Unknown browser";
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  if (system) return `A browser on ${system}`;
  return "Unknown browser";
}
