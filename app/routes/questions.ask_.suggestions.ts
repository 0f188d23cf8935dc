// GET /questions/ask/suggestions?session=&title=&body= : the live list beside the ask form (JSON).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { suggestionLookup } from "~/forms/ask-forms.server";
import { jsonFailure } from "~/http/responses.server";
import { getViewer } from "~/http/viewer.server";
import { suggestForDraft } from "~/services/ask-suggestions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (!viewer) return Response.json({ message: "Log in to ask a question." }, { status: 401 });
  const lookup = suggestionLookup.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (!lookup.session) return Response.json({ message: "Reload the ask page and try again." }, { status: 400 });
  try {
    const suggestions = await suggestForDraft(context.db, { userId: viewer.id, askSession: lookup.session, title: lookup.title, body: lookup.body });
    return Response.json({ suggestions }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonFailure(error);
  }
}
