// GET /questions/lookup?q=&exclude= : the questions an "original question" field offers while a
// member types (JSON). Public like /search, and counted against the same allowance.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { idSchema } from "~/forms/fields.server";
import { jsonFailure } from "~/http/responses.server";
import { addressKey } from "~/http/visitor.server";
import { findQuestionChoices } from "~/services/question-choices.server";

const lookup = z.object({
  q: z.string().max(500).catch(""),
  exclude: idSchema.nullable().catch(null),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const { q, exclude } = lookup.parse({ q: params.get("q") ?? "", exclude: params.get("exclude") });
  try {
    const choices = await findQuestionChoices(context.db, q, { excludeId: exclude, addressKey: addressKey(context) });
    return Response.json({ choices }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonFailure(error);
  }
}
