// Who is asking: the session cookie, validated once per request.
import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { isStaff } from "~/domain/privileges";
import { safeRedirect } from "~/forms/account-forms";
import { createSession, validateSessionToken, type SessionViewer } from "~/services/sessions.server";

export const SESSION_COOKIE = "peerdesk_session";

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(secure ? ["Secure"] : [])].join("; ");
}

const cache = new WeakMap<Request, Promise<Awaited<ReturnType<typeof validateSessionToken>>>>();

export async function getSession(request: Request, context: AppLoadContext) {
  const token = readSessionToken(request);
  if (!token || token.length > 100) return null;
  let pending = cache.get(request);
  if (!pending) {
    pending = validateSessionToken(context.db, token);
    cache.set(request, pending);
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
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

export function viewerIsStaff(viewer: SessionViewer | null) {
  return isStaff(viewer);
}

/** Signs the user in (a new session and its cookie) and sends them where they were going. */
export async function startSessionAndRedirect(context: AppLoadContext, userId: number, redirectTo: unknown) {
  const session = await createSession(context.db, userId);
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt, context.secureCookies) },
  });
}
