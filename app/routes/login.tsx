import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/field";
import { logInForm } from "~/forms/account-forms.server";
import { deviceCookie, readDeviceToken } from "~/http/device-cookie.server";
import { safeRedirect } from "~/http/safe-redirect";
import { failureFromServiceError, invalid, parseForm, readForm } from "~/http/responses.server";
import { getViewer, startSessionAndRedirect } from "~/http/viewer.server";
import { forgotPasswordPath, signUpPath } from "~/lib/paths";
import { authenticate } from "~/services/users.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getViewer(request, context)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(logInForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    const user = await authenticate(context.db, { ...parsed.data, clientIp: context.clientIp, deviceToken: readDeviceToken(request) });
    const response = await startSessionAndRedirect(request, context, user.id, form.get("redirectTo"));
    response.headers.append("Set-Cookie", deviceCookie(user.deviceToken, context.secureCookies));
    return response;
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export { retryAfterHeaders as headers } from "~/http/headers";

export const meta: MetaFunction = () => [{ title: "Log in - Peerdesk" }];

export default function LogInPage() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="page page--narrow">
      <h1>Log in</h1>
      <Form method="post" className="stack card" noValidate>
        <ErrorSummary errors={result?.errors} labels={{ email: "Email", password: "Password" }} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? values.redirectTo ?? "/"} />
        <TextField name="email" label="Email" type="email" autoComplete="email" required defaultValue={values.email} error={errors.email} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" required error={errors.password} />
        <button type="submit" className="button" disabled={busy}>
          Log in
        </button>
      </Form>
      <p>
        <Link to={forgotPasswordPath}>Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to={signUpPath(params.get("redirectTo"))}>Sign up</Link>
      </p>
    </div>
  );
}
