// Renders a draft for the live preview beside a markdown field (the same renderer posts use).
// Only for signed-in people: every editor that shows a preview is behind a sign-in, and an open
// endpoint that renders whatever it is sent is free work for anyone who finds it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { LIMITS } from "~/forms/limits";
import { readForm } from "~/http/responses.server";
import { getViewer } from "~/http/viewer.server";
import { renderMarkdown } from "~/lib/markdown.server";

export async function action({ request, context }: ActionFunctionArgs) {
  if (!(await getViewer(request, context))) {
    return Response.json({ message: "Log in to see a preview." }, { status: 401 });
  }
  // readForm throws its 400 and 413 as JSON responses, which is what the editor reads.
  const form = await readForm(request);
  const body = form.get("body");
  if (typeof body !== "string") return Response.json({ message: "There is nothing to preview." }, { status: 400 });
  return Response.json({ html: renderMarkdown(body.slice(0, LIMITS.body.max)) });
}
