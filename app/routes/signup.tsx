import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/field";
import { LIMITS } from "~/forms/limits";
import { signUpForm } from "~/forms/account-forms.server";
import { failureFromServiceError, invalid, parseForm, readForm } from "~/http/responses.server";
import { getViewer } from "~/http/viewer.server";
import { SIGN_UP_LINK_HOURS, requestSignUp } from "~/services/sign-up.server";
import { logInPath } from "~/lib/paths";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getViewer(request, context)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(signUpForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    await requestSignUp(context.db, { ...parsed.data, clientIp: context.clientIp, redirectTo: form.get("redirectTo") });
    // The same answer whether or not the email already has an account.
    return data({ ok: true as const, sentTo: parsed.data.email, linkHours: SIGN_UP_LINK_HOURS });
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export { retryAfterHeaders as headers } from "~/http/headers";

export const meta: MetaFunction = () => [{ title: "Sign up - Peerdesk" }];

export default function SignUpPage() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  if (result?.ok) return <CheckYourEmail email={result.sentTo} hours={result.linkHours} />;
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="page page--narrow">
      <h1>Create your account</h1>
      <p className="muted">Ask questions, help other customers and earn reputation.</p>
      <Form method="post" className="stack card" noValidate>
        <ErrorSummary errors={result?.errors} labels={{ email: "Email", displayName: "Display name", password: "Password" }} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? values.redirectTo ?? "/"} />
        <TextField name="email" label="Email" type="email" autoComplete="email" required maxLength={LIMITS.email.max} defaultValue={values.email} error={errors.email} />
        <TextField
          name="displayName"
          label="Display name"
          autoComplete="nickname"
          required
          maxLength={LIMITS.displayName.max}
          defaultValue={values.displayName}
          error={errors.displayName}
          hint="Shown next to your posts."
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={LIMITS.password.min}
          error={errors.password}
          hint={`At least ${LIMITS.password.min} characters.`}
        />
        <button type="submit" className="button" disabled={busy}>
          Sign up
        </button>
      </Form>
      <p>
        Already a member? <Link to={logInPath(params.get("redirectTo"))}>Log in</Link>
      </p>
    </div>
  );
}

function CheckYourEmail({ email, hours }: { email: string; hours: number }) {
  return (
    <div className="page page--narrow">
      <h1>Check your email</h1>
      <div className="card stack" role="status">
        <p>
          We sent a link to <strong>{email}</strong> to finish creating your account. It works once, for {hours} hours.
        </p>
        <p className="muted">Nothing arrived after a few minutes? Look in your spam folder, or sign up again.</p>
      </div>
    </div>
  );
}
