// An anonymous reader's identity for one vote per article: a random id in an HttpOnly cookie,
// stored only as its SHA-256.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { generateSessionToken } from "~/services/sessions.server";
import { readCookie, serializeCookie } from "./viewer.server";

const VISITOR_COOKIE = "peerdesk_visitor";

export function visitorIdentity(request: Request, secure: boolean): { hash: string; setCookie: string | null } {
  const existing = readCookie(request, VISITOR_COOKIE);
  const token = existing && /^[a-z0-9]{20,64}$/.test(existing) ? existing : generateSessionToken();
  const hash = encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
  const setCookie = token === existing ? null : serializeCookie(VISITOR_COOKIE, token, { maxAgeSeconds: 365 * 24 * 60 * 60 }, secure);
  return { hash, setCookie };
}
