// Rendered pages for anonymous readers, kept in this process's memory and pre-compressed once, so
// the pages most people read cost a lookup instead of a render. Never stale: the database sends a
// notification at the commit of any write a cached page could show (db/migrations/0011 and 0015), every
// process empties its cache on it, and a render that began before the latest write is not kept.
// Entries also expire after a minute, so "3 min ago" on a kept page is never far off.
// Signed-in readers never touch it: they always get their own fresh page.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, gzip } from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import type { PageCacheSlot } from "~/http/page-cache.server";
import { themeFromCookieHeader } from "~/http/theme.server";
import { SESSION_COOKIE, cookieFromHeader } from "~/http/viewer.server";
import { BROTLI_PAGE_PARAMS } from "./compression";
import { hashedScriptsPolicy } from "./security";

export const PAGES_CHANGED_CHANNEL = "peerdesk_pages_changed";

const compressGzip = promisify(gzip);
const compressBrotli = promisify(brotliCompress);
// Headers that belong to one response, not to the page.
const UNKEPT_HEADERS = new Set(["content-length", "content-security-policy", "date", "set-cookie", "etag", "vary"]);

interface CachedPage {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  headers: [string, string][];
  etag: string;
  policy: string;
  storedAt: number;
  bytes: number;
}

export interface PageCacheOptions {
  maxBytes: number;
  maxAgeMs: number;
  production: boolean;
  now?: () => number;
}

export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;
  /** Bumped by every change notification: a render that started under an older one is not kept. */
  private generation = 0;
  private readonly now: () => number;
  /** Pages being compressed in the background right now. */
  private readonly keeping = new Set<Promise<void>>();

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Something a page could show has changed (or may have, while we were not listening). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** The cache key for a request the cache may answer, or null: only anonymous GETs of documents. */
  keyFor(req: Request): string | null {
    if (this.options.maxBytes === 0 || (req.method !== "GET" && req.method !== "HEAD")) return null;
    if (req.path.endsWith(".data") || cookieFromHeader(req.headers.cookie, SESSION_COOKIE) !== null) return null;
    return `${themeFromCookieHeader(req.headers.cookie)} ${req.originalUrl}`;
  }

  /** Resolves once every page handed to a slot so far is kept (or dropped): what a test waits for instead of a guess at the time it takes. */
  async settled(): Promise<void> {
    await Promise.all(this.keeping);
  }

  lookup(key: string): CachedPage | null {
    const page = this.entries.get(key);
    if (!page) return null;
    this.entries.delete(key);
    if (this.now() - page.storedAt > this.options.maxAgeMs) {
      this.bytes -= page.bytes;
      return null;
    }
    this.entries.set(key, page); // most recently used last
    return page;
  }

  slot(key: string): PageCacheSlot {
    const generation = this.generation;
    return {
      store: (html, headers) => {
        const etag = `W/"${createHash("sha1").update(html).digest("base64url")}"`;
        const kept = [...headers].filter(([name]) => !UNKEPT_HEADERS.has(name.toLowerCase()));
        const keeping = this.keep(key, generation, { html, headers: kept, etag }).catch((error) => console.error("page cache:", error));
        this.keeping.add(keeping);
        void keeping.finally(() => this.keeping.delete(keeping));
        return etag;
      },
    };
  }

  private async keep(key: string, generation: number, page: { html: Buffer; headers: [string, string][]; etag: string }) {
    // Compressed off the event loop, after the reader who caused the render has their page. Brotli
    // 5 is within 2% of 9's size on our pages at a tenth of its time (1.5 ms against 16 for 40 KB).
    const [gzipped, brotli] = await Promise.all([
      compressGzip(page.html, { level: 6 }),
      compressBrotli(page.html, { params: BROTLI_PAGE_PARAMS(page.html.length) }),
    ]);
    if (generation !== this.generation) return; // the data changed while this page was rendered
    const bytes = page.html.length + gzipped.length + brotli.length + key.length;
    const policy = hashedScriptsPolicy(this.options.production, page.html.toString("utf8"));
    this.remove(key);
    this.entries.set(key, { identity: page.html, gzip: gzipped, br: brotli, headers: page.headers, etag: page.etag, policy, storedAt: this.now(), bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  private remove(key: string) {
    const existing = this.entries.get(key);
    if (!existing) return;
    this.entries.delete(key);
    this.bytes -= existing.bytes;
  }
}

/**
 * Answers anonymous readers from the cache; on a miss, hands the render a slot to keep its page in.
 * A reader who already has the page gets 304 Not Modified.
 */
export function servePageCache(cache: PageCache) {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = cache.keyFor(req);
    if (key === null) return next();
    const page = cache.lookup(key);
    if (!page) {
      if (req.method === "GET") res.locals.pageCacheSlot = cache.slot(key);
      return next();
    }
    for (const [name, value] of page.headers) res.setHeader(name, value);
    res.setHeader("Content-Security-Policy", page.policy);
    res.setHeader("ETag", page.etag);
    res.setHeader("Vary", "Cookie, Accept-Encoding");
    if (req.headers["if-none-match"]?.split(",").some((tag) => tag.trim() === page.etag)) {
      res.status(304).end();
      return;
    }
    const encoding = req.acceptsEncodings("br", "gzip", "identity");
    const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity;
    if (encoding === "br" || encoding === "gzip") res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body.length);
    res.status(200).end(req.method === "HEAD" ? undefined : body);
  };
}
