// An anonymous reader's identity for one vote per article and one view a day: a random id in an
// HttpOnly cookie, stored only as its SHA-256. Reading an article sets it, so a person's vote
// arrives with it; a vote without it is limited per address (see kb-readers.server.ts).
import type { AppLoadContext } from "@remix-run/node";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { isbot } from "isbot";
import type { ArticleReader } from "~/services/kb-readers.server";
import { generateSessionToken } from "~/services/sessions.server";
import { readCookie, serializeCookie } from "./viewer.server";

const VISITOR_COOKIE = "peerdesk_visitor";

function hashOf(value: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(value)));
}

export interface Visitor {
  hash: string;
  /** A new cookie to send, when the request brought none (or a malformed one). */
  setCookie: string | null;
  hadCookie: boolean;
}

export function visitorIdentity(request: Request, secure: boolean): Visitor {
  const existing = readCookie(request, VISITOR_COOKIE);
  const hadCookie = existing !== null && /^[a-z0-9]{20,64}$/.test(existing);
  const token = hadCookie ? existing : generateSessionToken();
  const setCookie = hadCookie ? null : serializeCookie(VISITOR_COOKIE, token, { maxAgeSeconds: 365 * 24 * 60 * 60 }, secure);
  return { hash: hashOf(token), setCookie, hadCookie };
}

/** The client's address, hashed: rate-limit keys and view rows need to tell addresses apart, not to know them. */
export function addressKey(context: AppLoadContext): string {
  return hashOf(context.clientIp);
}

/** Crawlers and link previews fetch pages without reading them: they count as no one. */
export function isCrawler(request: Request): boolean {
  return isbot(request.headers.get("user-agent") ?? "");
}

/**
 * Who is reading an article, for counting a view once a day: the signed-in user, else the visitor
 * cookie; a request without one counts under the (hashed) address, once a day, and gets its
 * cookie set. Null for crawlers.
 */
export function articleReader(request: Request, context: AppLoadContext, viewer: { id: number } | null): { reader: ArticleReader | null; setCookie: string | null } {
  if (isCrawler(request)) return { reader: null, setCookie: null };
  const address = addressKey(context);
  if (viewer) return { reader: { readerKey: `user:${viewer.id}`, address }, setCookie: null };
  const visitor = visitorIdentity(request, context.secureCookies);
  if (visitor.hadCookie) return { reader: { readerKey: `visitor:${visitor.hash}`, address }, setCookie: null };
  return { reader: { readerKey: `address:${address}`, address, newVisitorKey: `visitor:${visitor.hash}` }, setCookie: visitor.setCookie };
}
