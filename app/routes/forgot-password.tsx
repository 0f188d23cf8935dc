import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/field";
import { PASSWORD_RESET_LINK_MINUTES } from "~/domain/accounts";
import { forgotPasswordForm } from "~/forms/account-forms.server";
import { LIMITS } from "~/forms/limits";
import { failureFromServiceError, invalid, parseForm, readForm } from "~/http/responses.server";
import { getViewer } from "~/http/viewer.server";
import { settingsPath } from "~/lib/paths";
import { requestPasswordReset } from "~/services/account-recovery.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Signed in, the password is changed from the settings page, with the current one.
  if (await getViewer(request, context)) throw redirect(settingsPath("password"));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(forgotPasswordForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    await requestPasswordReset(context.db, { email: parsed.data.email, clientIp: context.clientIp });
    // The same answer whether or not the email has an account.
    return data({ ok: true as const, sentTo: parsed.data.email, linkMinutes: PASSWORD_RESET_LINK_MINUTES });
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export { retryAfterHeaders as headers } from "~/http/headers";

export const meta: MetaFunction = () => [{ title: "Forgot your password? - Peerdesk" }];

export default function ForgotPasswordPage() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (result?.ok) {
    return (
      <div className="page page--narrow">
        <h1>Check your email</h1>
        <div className="card stack" role="status">
          <p>
            If <strong>{result.sentTo}</strong> belongs to an account, we sent it a link to choose a new password. It works once, for {result.linkMinutes} minutes.
          </p>
          <p className="muted">Nothing arrived after a few minutes? Look in your spam folder, or ask again.</p>
        </div>
        <p>
          <Link to="/login">Back to log in</Link>
        </p>
      </div>
    );
  }
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="page page--narrow">
      <h1>Forgot your password?</h1>
      <p className="muted">Enter the email you signed up with and we will send you a link to choose a new password.</p>
      <Form method="post" className="stack card" noValidate>
        <ErrorSummary errors={result?.errors} labels={{ email: "Email" }} />
        <TextField name="email" label="Email" type="email" autoComplete="email" required maxLength={LIMITS.email.max} defaultValue={values.email} error={errors.email} />
        <button type="submit" className="button" disabled={busy}>
          Send me a reset link
        </button>
      </Form>
      <p>
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}
