import { createHash, randomBytes } from "node:crypto";
import type { Express, NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { BodyTooLargeError } from "../http/body.server";

export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

/** The Content-Security-Policy, with script-src's inline allowance (a nonce or hashes) left to the caller. */
function cspDirectives(production: boolean, inlineScripts: string[]): Record<string, string[]> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...inlineScripts],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "https:"],
    "connect-src": ["'self'", ...(production ? [] : ["ws:"])],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(production ? { "upgrade-insecure-requests": [] } : {}),
  };
}

/**
 * The policy for a page served from the page cache. A stored page cannot carry a fresh nonce per
 * response, and a nonce repeated to every reader is no secret: instead the policy lists the SHA-256
 * of each inline script the page was rendered with, so those run and nothing else inline does.
 */
export function hashedScriptsPolicy(production: boolean, html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map(([, body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`);
  return Object.entries(cspDirectives(production, [...new Set(hashes)]))
    .map(([name, values]) => [name, ...values].join(" "))
    .join(";");
}

// React escapes "</script" inside what it writes into an inline script, and user text is escaped
// HTML, so the first "</script>" after an opening tag without src ends that script.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

export function securityHeaders(production: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...cspDirectives(production, []),
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
      },
    },
    // helmet's default (no-referrer) makes Chromium send `Origin: null` on form posts, which
    // Remix's origin check rejects.
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: production,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * TRUST_PROXY as Express should read it. Express takes a string as a list of addresses, so the
 * README's "TRUST_PROXY=1" used to trust no proxy at all (the address "1"): a hop count and
 * true/false are turned into the number and boolean Express expects.
 */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined || value.trim() === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value.trim())) return Number(value);
  return value;
}

/**
 * The host this request was addressed to. X-Forwarded-Host is believed only from a proxy that
 * TRUST_PROXY trusts (the same rule Express applies to req.ip): otherwise anyone could name the
 * host their forged Origin should match. Unlike req.hostname, the port is kept, as Origin has it.
 */
function addressedHost(req: Request): string | undefined {
  const forwarded = req.get("x-forwarded-host");
  const trust = req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  if (forwarded && trust(req.socket.remoteAddress, 0)) return forwarded.split(",")[0].trim();
  return req.get("host");
}

function hostOf(url: string): string | null {
  if (url === "null") return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request says it comes from this site. Origin decides when present;
 * without it, the Referer does. With neither we allow: some privacy tools strip both, and the
 * session cookie is SameSite=Lax, so a cross-site POST arrives signed out and can do nothing a
 * stranger could not do anyway.
 */
function comesFromThisSite(origin: string | undefined, referer: string | undefined, host: string | undefined): boolean {
  const claimed = origin ?? referer;
  if (claimed === undefined) return true;
  return host !== undefined && hostOf(claimed) === host;
}

/**
 * Writes authorized by a signed token in the address rather than by the session cookie, so a
 * forged request gains nothing: a mail provider's one-click unsubscribe (RFC 8058) posts from
 * its own origin.
 */
const TOKEN_AUTHORIZED_PATHS = new Set(["/unsubscribe"]);

/**
 * CSRF defence in depth beside SameSite=Lax cookies: a state-changing request that says where
 * it comes from must come from this site.
 */
function sameOriginForWrites(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (TOKEN_AUTHORIZED_PATHS.has(req.path)) return next();
  if (comesFromThisSite(req.get("origin"), req.get("referer"), addressedHost(req))) return next();
  res.status(403).type("text/plain").send("Cross-site form submissions are not allowed.");
}

/**
 * A first, cheap refusal of bodies that announce their size: no route is woken for them. Chunked
 * bodies announce nothing, so the real guarantee is readForm's count while the body streams.
 */
function refuseDeclaredOversizeBodies(limitBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (Number(req.get("content-length") ?? 0) <= limitBytes) return next();
    // Closing the connection rather than reading the rest of an upload nobody will use.
    res.status(413).set("Connection", "close").type("text/plain").send(new BodyTooLargeError(limitBytes).message);
  };
}

/**
 * What every request passes before Remix sees it, in one place so the server and its test wire
 * it the same way: whom to believe about the client's address and host, bodies that announce
 * themselves too large, and the same-origin check for writes.
 */
export function guardRequests(app: Express, options: { trustProxy: string | undefined; maxBodyBytes: number }) {
  // Also decides req.ip, which the rate limits count by.
  app.set("trust proxy", trustProxySetting(options.trustProxy));
  app.use(refuseDeclaredOversizeBodies(options.maxBodyBytes));
  app.use(sameOriginForWrites);
}
