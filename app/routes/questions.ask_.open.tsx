// GET /questions/ask/open?session=&kind=&id= : records that a suggestion was opened, then goes there.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { suggestionOpening } from "~/forms/ask-forms.server";
import { notFound, throwAsResponse } from "~/http/responses.server";
import { requireViewer } from "~/http/viewer.server";
import { openSuggestion } from "~/services/ask-suggestions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const parsed = suggestionOpening.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success || !parsed.data.session) notFound("That suggestion");
  const { session, kind, id } = parsed.data;
  try {
    return redirect(await openSuggestion(context.db, { userId: viewer.id, askSession: session, target: { kind, id } }));
  } catch (error) {
    throwAsResponse(error);
  }
}

// A page only when something goes wrong (a suggestion since deleted): the error page says so.
export default function OpenSuggestion() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
