// Renders a draft for the live preview beside a markdown field (the same renderer posts use).
import type { ActionFunctionArgs } from "@remix-run/node";
import { LIMITS } from "~/forms/fields";
import { readForm } from "~/http/responses.server";
import { renderMarkdown } from "~/lib/markdown.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const body = form.get("body");
  if (typeof body !== "string") return Response.json({ html: "" }, { status: 400 });
  return Response.json({ html: renderMarkdown(body.slice(0, LIMITS.body.max).replace(/\u0000/g, "")) });
}
