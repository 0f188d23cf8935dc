import { useSyncExternalStore } from "react";
import { formatShortDate } from "~/lib/format";

// The browser's clock, one for every date on the page, moved on twice a minute. A page can be
// served from the page cache up to a minute after it was rendered, and stay open for hours: so
// once the page runs, "3 min ago" is worked out from the reader's own clock. Until then (and
// without JavaScript) the page's render time is used, which keeps hydration's first render equal
// to the HTML.
let browserNow: Date | null = null;
const listeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!ticker) {
    browserNow = new Date();
    ticker = setInterval(() => {
      browserNow = new Date();
      for (const notify of listeners) notify();
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

/** "3 hours ago", with the exact time for those who hover or read the markup. `now`: when the page was rendered. */
export function TimeAgo({ date, now }: { date: Date | string; now?: Date | string }) {
  const browser = useSyncExternalStore(
    subscribe,
    () => browserNow,
    () => null,
  );
  const at = new Date(date);
  const reference = browser ?? (now ? new Date(now) : new Date());
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
