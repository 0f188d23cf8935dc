// The page behind the emailed sign-up link. Opening it changes nothing (mail scanners fetch
// links); the account is created by the button, which posts the token back.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/field";
import { confirmSignUpForm } from "~/forms/account-forms.server";
import { LIMITS } from "~/forms/limits";
import { failureFromServiceError, invalid, parseForm, readForm } from "~/http/responses.server";
import { startSessionAndRedirect } from "~/http/viewer.server";
import { confirmSignUp, findPendingSignUp } from "~/services/sign-up.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const pending = token && token.length <= 100 ? await findPendingSignUp(context.db, token) : null;
  return data({ pending }, { status: pending ? 200 : 404 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(confirmSignUpForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    const user = await confirmSignUp(context.db, parsed.data);
    return await startSessionAndRedirect(request, context, user.id, form.get("redirectTo"));
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export const meta: MetaFunction = () => [{ title: "Finish creating your account - Peerdesk" }];

export default function ConfirmSignUpPage() {
  const { pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  if (!pending) {
    return (
      <div className="page page--narrow">
        <h1>This link no longer works</h1>
        <p>Sign-up links work once, and only for a day. <Link to="/signup">Sign up again</Link> to get a new one, or <Link to="/login">log in</Link> if your account is already made.</p>
      </div>
    );
  }
  // Asked again only when the name was taken between the sign-up and this click.
  const askForName = errors.displayName !== undefined || values.displayName !== undefined;
  return (
    <div className="page page--narrow">
      <h1>Finish creating your account</h1>
      <Form method="post" className="stack card" noValidate>
        <ErrorSummary errors={result?.errors} labels={{ displayName: "Display name" }} />
        <p>
          Email: <strong>{pending.email}</strong>
          <br />
          Display name: <strong><bdi>{pending.displayName}</bdi></strong>
        </p>
        <input type="hidden" name="token" value={params.get("token") ?? ""} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        {askForName ? (
          <TextField
            name="displayName"
            label="Display name"
            autoComplete="nickname"
            required
            maxLength={LIMITS.displayName.max}
            defaultValue={values.displayName ?? pending.displayName}
            error={errors.displayName}
            hint="Choose another: shown next to your posts."
          />
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          Create my account
        </button>
      </Form>
    </div>
  );
}
