// Which pages may be served to anonymous readers from the page cache (app/server/page-cache.ts),
// and what a render hands the cache. A page qualifies when the same address shows every anonymous
// reader the same thing and reading it writes nothing: an article counts its views and search
// records what found nothing, so those are rendered every time.
import type { EntryContext } from "@remix-run/node";

const CACHEABLE_PAGES = new Set([
  "routes/_index",
  "routes/questions._index",
  "routes/questions.$id.($slug)",
  "routes/tags._index",
  "routes/tags.$tag",
  "routes/users._index",
  "routes/users.$id.($slug)",
  "routes/badges",
]);

/** Handed to a render through the load context when the request could be answered from the cache. */
export interface PageCacheSlot {
  /** Keeps the rendered page, unless something changed since the request arrived. Returns its ETag. */
  store(html: Buffer, headers: Headers): string;
}

/** Whether this finished render may be kept for other anonymous readers. */
export function isCacheableRender(remixContext: EntryContext, status: number, headers: Headers): boolean {
  if (status !== 200 || headers.has("Set-Cookie")) return false;
  const leaf = remixContext.staticHandlerContext.matches.at(-1)?.route.id;
  return leaf !== undefined && CACHEABLE_PAGES.has(leaf);
}
