import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, readSessionToken } from "~/http/viewer.server";
import { invalidateSession } from "~/services/sessions.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const token = readSessionToken(request);
  if (token) await invalidateSession(context.db, token);
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie(context.secureCookies) } });
}

export async function loader() {
  return redirect("/");
}
