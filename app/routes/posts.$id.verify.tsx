// POST /posts/:id/verify: staff mark an answer Staff verified (intent=verify) or remove the mark
// (intent=unverify), then return to the answer. Everyone else is refused with 403 and nothing
// changes, an anonymous visitor included. A GET goes to the post.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { GeneralErrorBoundary, errorTitle } from "~/components/error-boundary";
import { parseId } from "~/forms/limits";
import { notFound, readForm, throwAsResponse } from "~/http/responses.server";
import { getViewer } from "~/http/viewer.server";
import { setStaffVerified } from "~/services/staff-verification.server";
import { answerPath } from "~/lib/paths";
import { data } from "@remix-run/node";
import { verifyIntent } from "~/forms/route-inputs.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That answer");
  return redirect(`/posts/${id}`);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const answerId = parseId(params.id);
  if (answerId === null) notFound("That answer");
  const viewer = await getViewer(request, context);
  const form = await readForm(request);
  const intent = verifyIntent.safeParse(form.get("intent"));
  if (!intent.success) throw data({ message: "That action is not recognised. Reload the page and try again." }, { status: 400 });
  let result;
  try {
    result = await setStaffVerified(context.db, { actorId: viewer?.id ?? null, answerId, undo: intent.data === "unverify" });
  } catch (error) {
    throwAsResponse(error);
  }
  return redirect(answerPath({ id: result.questionId, title: result.questionTitle }, answerId), { headers: { "X-Remix-Revalidate": "yes" } });
}

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : "Staff verification - Peerdesk" }];

export default function StaffVerification() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
