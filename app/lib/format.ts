// Dates and counts as people read them, from formatters made once: building an Intl formatter
// (what toLocaleDateString and toLocaleString do on every call) cost about 0.2 ms a date, on pages
// that show dozens. Dates always in UTC, so the server and the browser write the same text.
const count = new Intl.NumberFormat("en");
const shortDate = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const weekdayDate = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "Mar 4, 2026". */
export function formatShortDate(at: Date): string {
  return shortDate.format(at);
}

/** A calendar day ("2026-03-04") as "4 Mar 2026", or with its weekday: "Wed, 4 Mar 2026". */
export function formatDay(day: string, { weekday = false } = {}): string {
  return (weekday ? weekdayDate : dayMonthYear).format(new Date(`${day}T00:00:00Z`));
}

/** 12,345. */
export function formatCount(n: number): string {
  return count.format(n);
}

const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/** "2 Dec 2026, 14:05 UTC": a moment people plan around (when staff will look at a question). */
export function formatDateTime(at: Date): string {
  return `${dateTime.format(at)} UTC`;
}

/** A stretch of time in its two largest units: "2 days 3 h", "3 h 20 min", "12 min", "under a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return "under a minute";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} ${days === 1 ? "day" : "days"}${hours > 0 ? ` ${hours} h` : ""}`;
  if (hours > 0) return `${hours} h${rest > 0 ? ` ${rest} min` : ""}`;
  return `${rest} min`;
}
