import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/field";
import { LIMITS } from "~/forms/fields";
import { signUpForm } from "~/forms/account-forms";
import { failureFromServiceError, invalid, parseForm, readForm } from "~/http/responses.server";
import { getViewer, startSessionAndRedirect } from "~/http/viewer.server";
import { register } from "~/services/users.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getViewer(request, context)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(signUpForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    const user = await register(context.db, { ...parsed.data, clientIp: context.clientIp });
    return await startSessionAndRedirect(context, user.id, form.get("redirectTo"));
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
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="page page--narrow">
      <h1>Create your account</h1>
      <p className="muted">Ask questions, help other customers and earn reputation.</p>
      <Form method="post" className="stack card" noValidate>
        <FormError message={errors.form} />
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
        Already a member? <Link to={`/login${params.toString() ? `?${params}` : ""}`}>Sign in to your account</Link>
      </p>
    </div>
  );
}
