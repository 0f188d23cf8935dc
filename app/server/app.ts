// The Express app every server process runs: security headers, static files, the anonymous page
// cache, then Remix. Built here, apart from start-up, so a test can serve it as the server does.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { Database } from "../../db/client";
import { FORM_BYTES_LIMIT } from "../http/body.server";
import type { PageCacheSlot } from "../http/page-cache.server";
import { SharedReads } from "../services/shared-reads.server";
import { compressResponses } from "./compression";
import { servePageCache, type PageCache } from "./page-cache";
import { cspNonce, guardRequests, securityHeaders } from "./security";

export interface AppOptions {
  build: ServerBuild;
  db: Database;
  root: string;
  production: boolean;
  trustProxy: string | undefined;
  pageCache: PageCache;
  /** Kept shared reads; by default none are kept (no change notifications connected). */
  sharedReads?: SharedReads;
}

export function createApp({ build, db, root, production, trustProxy, pageCache, sharedReads = new SharedReads() }: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  // Pages arrive whole (entry.server.tsx), so each is compressed once; cached pages come compressed.
  app.use(compressResponses());
  app.use(cspNonce);
  app.use(securityHeaders(production));
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
  // Files in public/ all have an extension: a page address is not looked for on disk (a stat per page view).
  const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h" });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));
  guardRequests(app, { trustProxy, maxBodyBytes: FORM_BYTES_LIMIT });
  app.use(servePageCache(pageCache));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res) => ({
        db,
        clientIp: req.ip ?? "unknown",
        cspNonce: res.locals.cspNonce as string,
        secureCookies: production,
        pageCache: (res.locals.pageCacheSlot as PageCacheSlot | undefined) ?? null,
        sharedReads,
      }),
    }),
  );
  return app;
}
