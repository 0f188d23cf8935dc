// The signed-in member's own account: one page of small forms, each with its own intent, so a
// mistake in one form keeps its own messages and leaves the others alone.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/field";
import { TimeAgo } from "~/components/time-ago";
import { DELETE_ACCOUNT_CONFIRMATION, EMAIL_CHANGE_LINK_HOURS, describeUserAgent } from "~/domain/accounts";
import { EMAIL_DELIVERIES, EMAIL_DELIVERY_LABELS, EMAIL_KIND_ORDER, EMAIL_KINDS, emailDeliveryField } from "~/domain/email-notifications";
import { settingsIntent } from "~/forms/account-forms.server";
import { deliveriesFromForm } from "~/forms/notification-forms.server";
import { LIMITS } from "~/forms/limits";
import { failureFromServiceError, invalid, parseForm, readForm, throwAsResponse } from "~/http/responses.server";
import { clearSessionCookie, readSessionToken, requireViewer } from "~/http/viewer.server";
import { accountDeletedPath, questionPath, settingsExportPath, tagPath } from "~/lib/paths";
import { changePassword, deleteAccount, getAccountSettings, requestEmailChange } from "~/services/account-settings.server";
import { emailDeliveries, saveEmailDeliveries } from "~/services/email-notifications.server";
import { followsOf, setQuestionFollow, setTagFollow } from "~/services/follows.server";
import { invalidateOtherSessions, invalidateUserSession, listSessions } from "~/services/sessions.server";
import styles from "../styles/settings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  try {
    const account = await getAccountSettings(context.db, viewer.id);
    const sessions = await listSessions(context.db, viewer.id, readSessionToken(request));
    return {
      account,
      emailDeliveries: await emailDeliveries(context.db, viewer.id),
      follows: await followsOf(context.db, viewer.id),
      sessions: sessions.map((session) => ({ ...session, browser: describeUserAgent(session.userAgent) })),
      now: new Date().toISOString(),
    };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const parsed = parseForm(settingsIntent, form);
  if (!parsed.success) return invalid(form, parsed.errors, { intent });
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "changePassword": {
        const { endedSessions } = await changePassword(context.db, {
          userId: viewer.id,
          currentPassword: input.currentPassword,
          newPassword: input.newPassword,
          keepToken: readSessionToken(request),
        });
        return done(input.intent, `Your password is changed.${endedSessions > 0 ? ` ${endedSessions === 1 ? "One other device was" : `${endedSessions} other devices were`} logged out.` : ""}`);
      }
      case "changeEmail":
        await requestEmailChange(context.db, { userId: viewer.id, newEmail: input.newEmail, currentPassword: input.emailPassword });
        // The same words whether or not the address has an account.
        return done(input.intent, `We sent a link to ${input.newEmail}. Your email changes when it is opened, within ${EMAIL_CHANGE_LINK_HOURS} hours.`);
      case "signOutSession": {
        const ended = await invalidateUserSession(context.db, viewer.id, input.sessionId);
        return done(input.intent, ended ? "That session is logged out." : "That session had already ended.");
      }
      case "signOutOthers": {
        const ended = await invalidateOtherSessions(context.db, viewer.id, readSessionToken(request));
        return done(input.intent, ended === 0 ? "No other session was logged in." : `Logged out everywhere else (${ended} ${ended === 1 ? "session" : "sessions"}).`);
      }
      case "emailNotifications":
        await saveEmailDeliveries(context.db, viewer.id, deliveriesFromForm(input));
        return done(input.intent, "Your email choices are saved.");
      case "unfollowTag":
        await setTagFollow(context.db, { userId: viewer.id, tag: input.tag, follow: false });
        return done(input.intent, `You no longer follow ${input.tag}.`);
      case "unfollowQuestion":
        await setQuestionFollow(context.db, { userId: viewer.id, questionId: input.questionId, follow: false });
        return done(input.intent, "You no longer follow that question.");
      case "deleteAccount":
        await deleteAccount(context.db, { userId: viewer.id, currentPassword: input.deletePassword });
        return redirect(accountDeletedPath, { headers: { "Set-Cookie": clearSessionCookie(context.secureCookies) } });
    }
  } catch (error) {
    return failureFromServiceError(error, form, { intent });
  }
}

function done(intent: string, message: string) {
  return data({ ok: true as const, intent, message });
}

export { retryAfterHeaders as headers } from "~/http/headers";

export const meta: MetaFunction = () => [{ title: "Settings - Peerdesk" }];

type ActionResult = ReturnType<typeof useActionData<typeof action>>;

/** This form's outcome only: another form's errors or message belong to that form. */
function outcomeFor(result: ActionResult, intent: string) {
  if (!result || result.intent !== intent) return { errors: undefined, values: {} as Record<string, string>, message: undefined };
  if (result.ok) return { errors: undefined, values: {} as Record<string, string>, message: result.message };
  return { errors: result.errors, values: result.values, message: undefined };
}

function Done({ message }: { message?: string }) {
  return message ? (
    <p className="notice settings-done" role="status">
      {message}
    </p>
  ) : null;
}

export default function SettingsPage() {
  const { account, emailDeliveries, follows, sessions, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const password = outcomeFor(result, "changePassword");
  const email = outcomeFor(result, "changeEmail");
  const deletion = outcomeFor(result, "deleteAccount");
  const emails = outcomeFor(result, "emailNotifications");
  const unfollowed = outcomeFor(result, "unfollowTag").message ?? outcomeFor(result, "unfollowQuestion").message;
  const unfollowErrors = outcomeFor(result, "unfollowTag").errors ?? outcomeFor(result, "unfollowQuestion").errors;
  const sessionMessage = outcomeFor(result, "signOutSession").message ?? outcomeFor(result, "signOutOthers").message;
  const sessionErrors = outcomeFor(result, "signOutSession").errors ?? outcomeFor(result, "signOutOthers").errors;
  const others = sessions.filter((session) => !session.current);
  return (
    <div className="page page--medium settings">
      <h1>Settings</h1>
      <nav aria-label="Settings sections">
        <ul className="settings-nav">
          <li><a href="#password">Password</a></li>
          <li><a href="#email">Email</a></li>
          <li><a href="#notifications">Notification emails</a></li>
          <li><a href="#following">Following</a></li>
          <li><a href="#sessions">Sessions</a></li>
          <li><a href="#data">Your data</a></li>
          <li><a href="#delete">Delete account</a></li>
        </ul>
      </nav>

      <section id="password" className="card stack settings-section" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <Done message={password.message} />
        <Form method="post" className="stack" noValidate>
          <ErrorSummary errors={password.errors} labels={{ currentPassword: "Current password", newPassword: "New password" }} />
          <input type="hidden" name="intent" value="changePassword" />
          <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" required error={password.errors?.currentPassword} />
          <TextField
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            minLength={LIMITS.password.min}
            maxLength={LIMITS.password.max}
            error={password.errors?.newPassword}
            hint={`At least ${LIMITS.password.min} characters. Your other devices will be logged out; this one stays logged in.`}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              Change password
            </button>
          </div>
        </Form>
      </section>

      <section id="email" className="card stack settings-section" aria-labelledby="email-heading">
        <h2 id="email-heading">Change email</h2>
        <p>
          Your email is <strong className="settings-email">{account.email}</strong>. We send a link to the new address; the change happens when it is opened.
        </p>
        <Done message={email.message} />
        <Form method="post" className="stack" noValidate>
          <ErrorSummary errors={email.errors} labels={{ newEmail: "New email", emailPassword: "Current password" }} />
          <input type="hidden" name="intent" value="changeEmail" />
          <TextField name="newEmail" label="New email" type="email" autoComplete="email" required maxLength={LIMITS.email.max} defaultValue={email.values.newEmail} error={email.errors?.newEmail} />
          <TextField name="emailPassword" label="Current password" type="password" autoComplete="current-password" required error={email.errors?.emailPassword} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              Send confirmation link
            </button>
          </div>
        </Form>
      </section>

      <section id="notifications" className="card stack settings-section" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Notification emails</h2>
        <p>Everything also appears in your notifications here on the site. Choose which ones you want by email too, and when. Every email has a link to stop that kind at once.</p>
        <Done message={emails.message} />
        <Form method="post" className="stack" noValidate>
          <ErrorSummary errors={emails.errors} labels={Object.fromEntries(EMAIL_KIND_ORDER.map((kind) => [emailDeliveryField(kind), EMAIL_KINDS[kind].label]))} />
          <input type="hidden" name="intent" value="emailNotifications" />
          <ul className="plain-list email-choices">
            {EMAIL_KIND_ORDER.map((kind) => (
              <li key={kind} className="email-choice">
                <label htmlFor={emailDeliveryField(kind)}>{EMAIL_KINDS[kind].label}</label>
                <select id={emailDeliveryField(kind)} name={emailDeliveryField(kind)} defaultValue={emails.values[emailDeliveryField(kind)] ?? emailDeliveries[kind]}>
                  {EMAIL_DELIVERIES.map((delivery) => (
                    <option key={delivery} value={delivery}>
                      {EMAIL_DELIVERY_LABELS[delivery]}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              Save email choices
            </button>
          </div>
        </Form>
      </section>

      <section id="following" className="card stack settings-section" aria-labelledby="following-heading">
        <h2 id="following-heading">What you follow</h2>
        <Done message={unfollowed} />
        <ErrorSummary errors={unfollowErrors} labels={{}} />
        <h3 className="settings-subheading">Tags</h3>
        {follows.tags.length === 0 ? (
          <p className="muted">No tags. Follow one from its page to hear of every new question in it.</p>
        ) : (
          <ul className="session-list">
            {follows.tags.map((tag) => (
              <li key={tag} className="session">
                <Link to={tagPath(tag)}>{tag}</Link>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="unfollowTag" />
                  <input type="hidden" name="tag" value={tag} />
                  <button type="submit" className="button button--secondary button--small" disabled={busy}>
                    Unfollow<span className="visually-hidden"> {tag}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <h3 className="settings-subheading">Questions</h3>
        {follows.questions.length === 0 ? (
          <p className="muted">No questions. You follow the questions you ask, and any question you choose to follow from its page.</p>
        ) : (
          <ul className="session-list">
            {follows.questions.map((question) => (
              <li key={question.id} className="session">
                <Link to={questionPath(question)} className="settings-follow__title">
                  {question.title}
                </Link>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="unfollowQuestion" />
                  <input type="hidden" name="questionId" value={question.id} />
                  <button type="submit" className="button button--secondary button--small" disabled={busy}>
                    Unfollow<span className="visually-hidden"> {question.title}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="sessions" className="card stack settings-section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where you are logged in</h2>
        <Done message={sessionMessage} />
        <ErrorSummary errors={sessionErrors} labels={{}} />
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.id} className="session">
              <div className="session__about">
                <strong>{session.browser}</strong>
                {session.current ? <span className="badge badge--good">This device</span> : null}
                <span className="muted session__times">
                  Logged in <TimeAgo date={session.createdAt} now={now} />, last seen <TimeAgo date={session.lastSeenAt} now={now} />
                </span>
              </div>
              {session.current ? null : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="signOutSession" />
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" className="button button--secondary button--small" disabled={busy}>
                    Log out<span className="visually-hidden"> the session on {session.browser}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {others.length > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="signOutOthers" />
            <button type="submit" className="button button--secondary" disabled={busy}>
              Log out everywhere else
            </button>
          </Form>
        ) : (
          <p className="muted">You are logged in on this device only.</p>
        )}
      </section>

      <section id="data" className="card stack settings-section" aria-labelledby="data-heading">
        <h2 id="data-heading">Download my data</h2>
        <p>A JSON file with your profile, questions, answers and comments (with their text), votes and reputation history.</p>
        <p>
          <a className="button button--secondary" href={settingsExportPath} download>
            Download my data
          </a>
        </p>
      </section>

      <section id="delete" className="card stack settings-section settings-section--danger" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete my account</h2>
        <p>
          Your email, password, profile and sessions are removed and you are logged out for good. Your questions, answers and comments stay, so threads still make sense, shown under
          “Former member {account.id}” instead of your name.
        </p>
        <Form method="post" className="stack" noValidate>
          <ErrorSummary errors={deletion.errors} labels={{ deletePassword: "Current password", confirmation: "Confirmation" }} />
          <input type="hidden" name="intent" value="deleteAccount" />
          <TextField name="deletePassword" label="Current password" type="password" autoComplete="current-password" required error={deletion.errors?.deletePassword} />
          <TextField
            name="confirmation"
            label="Confirmation"
            autoComplete="off"
            required
            defaultValue={deletion.values.confirmation}
            error={deletion.errors?.confirmation}
            hint={`Type “${DELETE_ACCOUNT_CONFIRMATION}” to confirm.`}
          />
          <div className="form-actions">
            <button type="submit" className="button button--danger" disabled={busy}>
              Delete my account
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
