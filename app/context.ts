// What the HTTP server hands every loader and action.
import type { Database } from "../db/client";
import type { PageCacheSlot } from "./http/page-cache.server";
import type { SharedReads } from "./services/shared-reads.server";

export interface PeerdeskContext {
  db: Database;
  /** The client's address as seen by the server (behind a proxy: the proxy's X-Forwarded-For). */
  clientIp: string;
  /** Per-response nonce for the Content-Security-Policy's script-src. */
  cspNonce: string;
  secureCookies: boolean;
  /** Set when an anonymous reader asked for a page the cache could keep (app/server/page-cache.ts). */
  pageCache: PageCacheSlot | null;
  /** Reads shared by every viewer, kept until the database announces a change (app/services/shared-reads.server.ts). */
  sharedReads: SharedReads;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PeerdeskContext {}
  interface Future {
    v3_singleFetch: true;
  }
}
