// The page behind an emailed password reset link. Opening it changes nothing (mail scanners
// fetch links); the new password is set by the form, which posts the token back.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/field";
import { RESET_LINK_NO_LONGER_WORKS } from "~/domain/accounts";
import { resetPasswordForm } from "~/forms/account-forms.server";
import { LIMITS } from "~/forms/limits";
import { failureFromServiceError, invalid, parseForm, readForm } from "~/http/responses.server";
import { startSessionAndRedirect } from "~/http/viewer.server";
import { forgotPasswordPath, resetPasswordPath } from "~/lib/paths";
import { passwordResetLinkWorks, resetPassword } from "~/services/account-recovery.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const works = token.length > 0 && token.length <= 100 && (await passwordResetLinkWorks(context.db, token));
  return data({ works }, { status: works ? 200 : 404 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(resetPasswordForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    const user = await resetPassword(context.db, parsed.data);
    // Every session of the account has just ended, this browser's included: it gets a new one.
    return await startSessionAndRedirect(request, context, user.id, "/");
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export const meta: MetaFunction = () => [{ title: "Choose a new password - Peerdesk" }];

export default function ResetPasswordPage() {
  const { works } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = result?.errors ?? {};
  // The message comes from an ordinary module: imported from a .server one it would be undefined in the browser.
  if (!works || errors.form === RESET_LINK_NO_LONGER_WORKS) {
    return (
      <div className="page page--narrow">
        <h1>This link no longer works</h1>
        <p>
          Password reset links work once, and only for an hour. <Link to={forgotPasswordPath}>Ask for a new reset link</Link>, or <Link to="/login">log in</Link> if you remember your
          password.
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Choose a new password</h1>
      {/* The token stays in the address too: after a refused password the page reloads its data from it. */}
      <Form method="post" action={resetPasswordPath(params.get("token") ?? "")} className="stack card" noValidate>
        <ErrorSummary errors={result?.errors} labels={{ password: "New password" }} />
        <input type="hidden" name="token" value={params.get("token") ?? ""} />
        <TextField
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={LIMITS.password.min}
          maxLength={LIMITS.password.max}
          error={errors.password}
          hint={`At least ${LIMITS.password.min} characters. Every device logged in to your account will be logged out.`}
        />
        <button type="submit" className="button" disabled={busy}>
          Set new password
        </button>
      </Form>
    </div>
  );
}
