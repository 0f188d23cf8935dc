// Who is asking: the session cookie, validated once per request.
import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { can, type Action, type Decision } from "~/domain/privileges";
import { safeRedirect } from "~/http/safe-redirect";
import { logInPath } from "~/lib/paths";
import { requireAllowed } from "~/services/actors.server";
import { createSession, validateSessionToken, type SessionViewer } from "~/services/sessions.server";
import { throwAsResponse } from "./responses.server";

export const SESSION_COOKIE = "peerdesk_session";

/** One cookie's value from the request, or null. */
export function readCookie(request: Request, cookieName: string): string | null {
  return cookieFromHeader(request.headers.get("cookie"), cookieName);
}

/** One cookie's value from a Cookie header, or null. */
export function cookieFromHeader(header: string | null | undefined, cookieName: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== cookieName) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null; // a malformed %-escape is no cookie of ours
    }
  }
  return null;
}

/** A Set-Cookie value with the attributes every cookie of ours has: HttpOnly, SameSite=Lax, site-wide. */
export function serializeCookie(name: string, value: string, lifetime: { expires: Date } | { maxAgeSeconds: number }, secure: boolean): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "expires" in lifetime ? `Expires=${lifetime.expires.toUTCString()}` : `Max-Age=${lifetime.maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function readSessionToken(request: Request): string | null {
  return readCookie(request, SESSION_COOKIE);
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, token, { expires: expiresAt }, secure);
}

export function clearSessionCookie(secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0 }, secure);
}

// Keyed by the load context, which the server makes once per request: Remix hands each loader its
// own copy of the Request, so a cache keyed by it validated the session once per loader.
const cache = new WeakMap<AppLoadContext, Promise<Awaited<ReturnType<typeof validateSessionToken>>>>();

export async function getSession(request: Request, context: AppLoadContext) {
  const token = readSessionToken(request);
  if (!token || token.length > 100) return null;
  let pending = cache.get(context);
  if (!pending) {
    pending = validateSessionToken(context.db, token);
    cache.set(context, pending);
  }
  return pending;
}

export async function getViewer(request: Request, context: AppLoadContext): Promise<SessionViewer | null> {
  return (await getSession(request, context))?.user ?? null;
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireViewer(request: Request, context: AppLoadContext): Promise<SessionViewer> {
  const viewer = await getViewer(request, context);
  if (viewer) return viewer;
  const url = new URL(request.url);
  const back = request.method === "GET" ? url.pathname + url.search : url.pathname;
  throw redirect(logInPath(back));
}

/** For loaders and actions: a refusal from can() as the response the error page shows (404, 409 or 403, as in services). */
export function refuseUnlessAllowed(decision: Decision, what?: string) {
  try {
    requireAllowed(decision, what);
  } catch (error) {
    throwAsResponse(error);
  }
}

/** The signed-in viewer, if can() lets them do `action`; a redirect to login when signed out. */
export async function requireViewerAllowedTo(request: Request, context: AppLoadContext, action: Action, what?: string): Promise<SessionViewer> {
  const viewer = await requireViewer(request, context);
  refuseUnlessAllowed(can(viewer, action), what);
  return viewer;
}

/** Signs the user in (a new session, remembering the browser it was made in, and its cookie) and sends them where they were going. */
export async function startSessionAndRedirect(request: Request, context: AppLoadContext, userId: number, redirectTo: unknown) {
  const session = await createSession(context.db, userId, new Date(), { userAgent: request.headers.get("user-agent") });
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt, context.secureCookies) },
  });
}
