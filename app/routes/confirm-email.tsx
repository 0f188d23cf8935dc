// The page behind the link sent to a new email address. Opening it changes nothing (mail
// scanners fetch links); the button posts the token back and the email changes then.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { confirmEmailForm } from "~/forms/account-forms.server";
import { failureFromServiceError, invalid, parseForm, readForm } from "~/http/responses.server";
import { confirmEmailPath, settingsPath } from "~/lib/paths";
import { confirmEmailChange, findEmailChange } from "~/services/account-settings.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const pending = token && token.length <= 100 ? await findEmailChange(context.db, token) : null;
  return data({ pending }, { status: pending ? 200 : 404 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(confirmEmailForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    const changed = await confirmEmailChange(context.db, parsed.data);
    return data({ ok: true as const, newEmail: changed.newEmail });
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export const meta: MetaFunction = () => [{ title: "Confirm your new email - Peerdesk" }];

export default function ConfirmEmailPage() {
  const { pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  if (result?.ok) {
    return (
      <div className="page page--narrow">
        <h1>Your email is changed</h1>
        <p role="status">
          Your account now uses <strong>{result.newEmail}</strong>. Log in with it from now on.
        </p>
        <p>
          <Link to={settingsPath()}>Back to your settings</Link>
        </p>
      </div>
    );
  }
  if (!pending) {
    return (
      <div className="page page--narrow">
        <h1>This link no longer works</h1>
        <p>
          Email change links work once, and only for a day. <Link to={settingsPath("email")}>Ask for a new one from your settings</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Confirm your new email</h1>
      <Form method="post" action={confirmEmailPath(params.get("token") ?? "")} className="stack card" noValidate>
        <ErrorSummary errors={result?.errors} labels={{}} />
        <p>
          Use <strong>{pending.newEmail}</strong> as the email of your Peerdesk account?
        </p>
        <input type="hidden" name="token" value={params.get("token") ?? ""} />
        <button type="submit" className="button" disabled={busy}>
          Use this email
        </button>
      </Form>
    </div>
  );
}
