// Calling Remix loaders and actions the way the server does: a real Request and our load context.
import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { questionPath, userPath } from "~/lib/paths";
import { questionTitle } from "~/services/question-queries.server";
import { SharedReads } from "~/services/shared-reads.server";

export interface RouteResult {
  status: number;
  headers: Headers;
  data: any;
  location: string | null;
}

export function contextFor(db: Database, clientIp = "203.0.113.7"): AppLoadContext {
  return { db, clientIp, cspNonce: "test-nonce", secureCookies: false, pageCache: null, sharedReads: new SharedReads() };
}

export function formRequest(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

export function getRequest(path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** Runs a loader or action and normalises what it returned or threw (Response or data()). */
export async function callRoute(fn: () => Promise<unknown>): Promise<RouteResult> {
  let outcome: unknown;
  try {
    outcome = await fn();
  } catch (thrown) {
    outcome = thrown;
    if (!(thrown instanceof Response) && !isDataWithInit(thrown)) throw thrown;
  }
  if (outcome instanceof Response) {
    const text = await outcome.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // plain text body
    }
    return { status: outcome.status, headers: outcome.headers, data, location: outcome.headers.get("Location") };
  }
  if (isDataWithInit(outcome)) {
    const headers = new Headers(outcome.init?.headers);
    return { status: outcome.init?.status ?? 200, headers, data: outcome.data, location: headers.get("Location") };
  }
  return { status: 200, headers: new Headers(), data: outcome, location: null };
}

function isDataWithInit(value: unknown): value is { data: unknown; init?: ResponseInit } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

/** A question page's own address (slug included), as the site links to it: other paths answer 301. */
export async function questionUrl(db: Database, id: number) {
  return questionPath({ id, title: await questionTitle(db, id) });
}

/** A profile's own address (slug included). */
export async function userUrl(db: Database, id: number) {
  const [user] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, id));
  return userPath({ id, displayName: user?.displayName });
}
