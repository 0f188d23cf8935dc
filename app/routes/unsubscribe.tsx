// The link at the foot of every notification email. Opening it changes nothing (mail scanners
// fetch links); the button, or a mail client's one-click POST (RFC 8058), turns that kind of
// email off. No login: the signed token says whose emails and which kind.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { describeScope } from "~/domain/email-notifications";
import { failureFromServiceError, readForm } from "~/http/responses.server";
import { settingsPath } from "~/lib/paths";
import { readUnsubscribeLink, unsubscribe } from "~/services/email-notifications.server";
import { isServiceError } from "~/services/errors";

/** The token travels in the address (the one-click POST goes to the same address the link has). */
const tokenOf = (request: Request, form?: FormData) => new URL(request.url).searchParams.get("token") ?? String(form?.get("token") ?? "");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  try {
    const { scope } = await readUnsubscribeLink(context.db, token);
    return data({ token, what: describeScope(scope), problem: null });
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return data({ token, what: null, problem: error.message }, { status: error.status });
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  try {
    const { scope, changed } = await unsubscribe(context.db, tokenOf(request, form));
    return data({ ok: true as const, what: describeScope(scope), changed });
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export const meta: MetaFunction = () => [{ title: "Unsubscribe - Peerdesk" }, { name: "robots", content: "noindex" }];

function ChangeAllChoices() {
  return (
    <p>
      To choose which emails you get and when, <Link to={settingsPath("notifications")}>log in and open your notification settings</Link>.
    </p>
  );
}

export default function UnsubscribePage() {
  const { token, what, problem } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (result?.ok) {
    return (
      <div className="page page--narrow stack">
        <h1>You are unsubscribed</h1>
        <p role="status">
          {result.changed ? "You will no longer get emails about " : "You had already stopped emails about "}
          {result.what}. They still appear in your notifications on the site.
        </p>
        <ChangeAllChoices />
      </div>
    );
  }
  if (problem || !what) {
    return (
      <div className="page page--narrow stack">
        <h1>This unsubscribe link does not work</h1>
        <p role="alert">{problem}</p>
        <ChangeAllChoices />
      </div>
    );
  }
  return (
    <div className="page page--narrow stack">
      <h1>Stop these emails?</h1>
      <Form method="post" className="stack card" noValidate>
        <ErrorSummary errors={result?.errors} labels={{}} />
        <p>
          Stop emails about <strong>{what}</strong>? You will still see them in your notifications on the site.
        </p>
        <input type="hidden" name="token" value={token} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            Unsubscribe
          </button>
        </div>
      </Form>
      <ChangeAllChoices />
    </div>
  );
}
