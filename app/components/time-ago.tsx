import { formatShortDate } from "~/lib/format";

/** "3 hours ago", with the exact time for those who hover or read the markup. */
export function TimeAgo({ date, now }: { date: Date | string; now?: Date | string }) {
  const at = new Date(date);
  const reference = now ? new Date(now) : new Date();
  return (
    <time dateTime={at.toISOString()} title={at.toUTCString()}>
      {describeAge(at, reference)}
    </time>
  );
}

export function describeAge(at: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days} day${days === 1 ? "" : "s"} ago`;
  return formatShortDate(at);
}
