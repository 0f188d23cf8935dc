// The theme switch in the footer: a plain form, so it works without JavaScript; the choice lives
// in a cookie (no account needed) and the reader goes back to the page they were on.
import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { readForm } from "~/http/responses.server";
import { safeRedirect } from "~/http/safe-redirect";
import { themeCookie } from "~/http/theme.server";
import { isTheme } from "~/lib/themes";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const theme = form.get("theme");
  if (!isTheme(theme)) throw data({ message: "Choose a theme: system, light or dark." }, { status: 400 });
  return redirect(safeRedirect(form.get("redirectTo")), { headers: { "Set-Cookie": themeCookie(theme, context.secureCookies) } });
}

export function loader() {
  return redirect("/");
}
