import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ROLES } from "~/domain/roles";
import { ProfileBadges } from "~/components/badge-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/field";
import { TimeAgo } from "~/components/time-ago";
import { UserName } from "~/components/user-name";
import { SuspendSection } from "~/components/suspension-parts";
import { handleSuspensionIntent, isSuspensionIntent } from "~/http/suspension-actions.server";
import { getSuspensionPanel } from "~/services/suspensions.server";
import { can, isStaff } from "~/domain/privileges";
import { FlagHistory } from "~/components/flag-parts";
import { flagsByUser } from "~/services/flags.server";
import { reasonLabel } from "~/domain/reputation";
import { parseId } from "~/forms/fields";
import { failureFromServiceError, invalid, notFound, readForm, throwAsResponse } from "~/http/responses.server";
import { getViewer, requireViewer } from "~/http/viewer.server";
import { badgesOf } from "~/services/badges.server";
import { getUserProfile, listNotifications, setRole } from "~/services/users.server";
import { answerPath, questionPath } from "~/lib/paths";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That user");
  const viewer = await getViewer(request, context);
  try {
    const profile = await getUserProfile(context.db, id);
    const activity = viewer?.id === id ? await listNotifications(context.db, id) : null;
    return {
      ...profile,
      activity,
      badges: await badgesOf(context.db, id),
      canChangeRole: can(viewer, { type: "changeRole", target: { id } }).allowed,
      suspension: await getSuspensionPanel(context.db, profile.user, viewer),
      flags: viewer && (viewer.id === id || isStaff(viewer)) ? { own: viewer.id === id, list: await flagsByUser(context.db, id) } : null,
      now: new Date().toISOString(),
    };
  } catch (error) {
    throwAsResponse(error);
  }
}

const roleChange = z.object({ intent: z.literal("setRole"), role: z.enum(ROLES) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That user");
  const viewer = await requireViewer(request, context);
  const form = await readForm(request);
  if (isSuspensionIntent(form)) return handleSuspensionIntent(context.db, form, { viewerId: viewer.id, userId: id });
  const parsed = roleChange.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(form, { form: "Choose a role: customer, staff or admin." });
  try {
    await setRole(context.db, { actorId: viewer.id, targetId: id, role: parsed.data.role });
    return redirect(`/users/${id}`);
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.user.displayName} - Peerdesk` : "User not found - Peerdesk" },
];

export default function ProfilePage() {
  const { user, counts, questions, answers, history, activity, badges, canChangeRole, suspension, now, flags } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const staff = user.role !== "customer";
  return (
    <div className="page">
      <header className="profile-header">
        <h1>
          <UserName user={user} link={false} />
        </h1>
        <dl className="profile-stats">
          <div>
            <dt>Reputation</dt>
            <dd data-testid="reputation">{user.reputation}</dd>
          </div>
          <div>
            <dt>Questions</dt>
            <dd>{counts.questions}</dd>
          </div>
          <div>
            <dt>Answers</dt>
            <dd>{counts.answers}</dd>
          </div>
          <div>
            <dt>Member since</dt>
            <dd>
              <TimeAgo date={user.createdAt} now={now} />
            </dd>
          </div>
        </dl>
        {user.deletedAt ? <p className="muted">This member deleted their account. Their posts stay, under this name.</p> : null}
        {staff ? <p className="muted">Staff members help as part of their job and earn no reputation.</p> : null}
        {canChangeRole && !user.deletedAt ? (
          <Form method="post" className="role-form">
            <FormError message={failure && !("intent" in failure) ? failure.errors.form : undefined} />
            <input type="hidden" name="intent" value="setRole" />
            {user.role === "customer" ? (
              <button type="submit" name="role" value="staff" className="button button--secondary">
                Make staff
              </button>
            ) : (
              <button type="submit" name="role" value="customer" className="button button--secondary">
                Remove staff role
              </button>
            )}
          </Form>
        ) : null}
      </header>

      {!staff || badges.length > 0 ? <ProfileBadges badges={badges} now={now} /> : null}

      {suspension ? <SuspendSection panel={suspension} failure={failure} /> : null}

      {activity && activity.length > 0 ? (
        <section aria-labelledby="activity-heading" className="activity card">
          <h2 id="activity-heading">Your activity</h2>
          <ul className="plain-list">
            {activity.map((item) => (
              <li key={item.id}>
                {item.link ? <Link to={item.link}>{item.message}</Link> : item.message}{" "}
                <span className="muted">
                  <TimeAgo date={item.createdAt} now={now} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {flags ? <FlagHistory flags={flags.list} own={flags.own} now={now} /> : null}

      <div className="profile-columns">
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">Questions</h2>
          {questions.length === 0 ? <p className="muted">No questions yet.</p> : null}
          <ul className="plain-list">
            {questions.map((question) => (
              <li key={question.id}>
                <span className="pill">{question.score}</span> <Link to={questionPath(question)}>{question.title}</Link>{" "}
                <span className="muted">
                  <TimeAgo date={question.createdAt} now={now} />
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">Answers</h2>
          {answers.length === 0 ? <p className="muted">No answers yet.</p> : null}
          <ul className="plain-list">
            {answers.map((answer) => (
              <li key={answer.id}>
                <span className={`pill${answer.accepted ? " pill--accepted" : ""}`}>
                  {answer.accepted ? <span className="visually-hidden">Accepted, score </span> : null}
                  {answer.score}
                </span>{" "}
                <Link to={answerPath({ id: answer.questionId, title: answer.title }, answer.id)}>{answer.title}</Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="reputation-heading">
          <h2 id="reputation-heading">Reputation history</h2>
          {history.length === 0 ? <p className="muted">No reputation changes yet.</p> : null}
          <table className="rep-table">
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Why</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {history.map((event) => (
                <tr key={event.id}>
                  <td className={event.delta > 0 ? "gain" : event.delta < 0 ? "loss" : ""}>{event.delta > 0 ? `+${event.delta}` : event.delta}</td>
                  <td>
                    {event.reason === "reversal" ? `Reversed: ${reasonLabel(event.reversedReason ?? "")}` : reasonLabel(event.reason)}
                    {event.postId && event.threadTitle ? (
                      <>
                        {" "}
                        on <Link to={`/posts/${event.postId}`}>{event.postType === "answer" ? `an answer to “${event.threadTitle}”` : `“${event.threadTitle}”`}</Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <TimeAgo date={event.createdAt} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
