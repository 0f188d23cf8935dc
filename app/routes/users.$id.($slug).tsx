import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
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
import { Avatar } from "~/components/avatar";
import { MoreLink, PROFILE_TABS, ProfileAnswerList, ProfileQuestionList, ProfileTabs, ReputationDays, TopTags, WebsiteLink, type ProfileTab } from "~/components/profile-parts";
import { ReputationChart } from "~/components/reputation-chart";
import { getProfileHeader, listProfileAnswers, listProfileQuestions, listReputationDays } from "~/services/profile.server";
import profileCss from "../styles/profile.css?url";
import { parseId } from "~/forms/limits";
import { failureFromServiceError, invalid, notFound, readForm, throwAsResponse } from "~/http/responses.server";
import { getViewer, requireViewer } from "~/http/viewer.server";
import { badgesOf } from "~/services/badges.server";
import { displayNameOf, setRole } from "~/services/users.server";
import { notificationPage } from "~/services/notifications.server";
import { NotificationLine } from "~/components/notification-parts";
import { userPath } from "~/lib/paths";
import { requireCanonicalPath } from "~/http/canonical.server";
import { pageSeo } from "~/http/page-seo.server";
import { SITE_NAME, missingPageMeta, pageMeta } from "~/lib/page-meta";
import { formatCount } from "~/lib/format";
import { roleChange } from "~/forms/route-inputs.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: profileCss }];

const SUMMARY_ITEMS = 5;
const SUMMARY_DAYS = 3;

/** The tab's own list, one keyset page of it; the summary shows the first few of each. */
async function loadTab(db: Parameters<typeof listProfileQuestions>[0], userId: number, tab: ProfileTab, after: string | null) {
  switch (tab) {
    case "questions":
      return { questions: await listProfileQuestions(db, userId, after) };
    case "answers":
      return { answers: await listProfileAnswers(db, userId, after) };
    case "reputation":
      return { reputation: await listReputationDays(db, userId, after) };
    case "summary":
      return {
        questions: await listProfileQuestions(db, userId, null, SUMMARY_ITEMS),
        answers: await listProfileAnswers(db, userId, null, SUMMARY_ITEMS),
        reputation: await listReputationDays(db, userId, null, SUMMARY_DAYS),
      };
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That user");
  const viewer = await getViewer(request, context);
  try {
    const url = new URL(request.url);
    const rawTab = url.searchParams.get("tab") ?? "summary";
    const tab: ProfileTab = rawTab in PROFILE_TABS ? (rawTab as ProfileTab) : "summary";
    const profile = await getProfileHeader(context.db, id);
    const path = userPath(profile.user);
    requireCanonicalPath(request, path);
    const lists = await loadTab(context.db, id, tab, url.searchParams.get("after"));
    const activity = viewer?.id === id ? (await notificationPage(context.db, id, { limit: 5 })).notifications : null;
    return {
      ...profile,
      tab,
      lists,
      activity,
      badges: await badgesOf(context.db, id),
      canChangeRole: can(viewer, { type: "changeRole", target: { id } }).allowed,
      suspension: await getSuspensionPanel(context.db, profile.user, viewer),
      flags: viewer && (viewer.id === id || isStaff(viewer)) ? { own: viewer.id === id, list: await flagsByUser(context.db, id) } : null,
      now: new Date().toISOString(),
      seo: pageSeo({ title: profile.user.displayName, path, type: "profile", description: profileDescription(profile.user.displayName, profile.user.reputation, profile.counts) }),
    };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That user");
  const viewer = await requireViewer(request, context);
  const form = await readForm(request);
  // Back to the profile's own address, not one that answers with a second redirect.
  const back = userPath({ id, displayName: await displayNameOf(context.db, id) });
  if (isSuspensionIntent(form)) return handleSuspensionIntent(context.db, form, { viewerId: viewer.id, userId: id, back });
  const parsed = roleChange.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(form, { form: "Choose a role: customer, staff or admin." });
  try {
    await setRole(context.db, { actorId: viewer.id, targetId: id, role: parsed.data.role });
    return redirect(back);
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.seo) : missingPageMeta("User not found"));

function profileDescription(name: string, reputation: number, counts: { questions: number; answers: number }) {
  const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;
  return `${name} on ${SITE_NAME}: ${plural(reputation, "reputation point")}, ${plural(counts.questions, "question")} and ${plural(counts.answers, "answer")}.`;
}

export default function ProfilePage() {
  const { user, counts, topTags, chart, tab, lists, activity, badges, canChangeRole, suspension, now, flags } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const staff = user.role !== "customer";
  const base = userPath(user);
  return (
    <div className="page">
      <header className="profile-header">
        <div className="profile-identity">
          <Avatar user={user} size={96} />
          <div className="profile-identity__text">
            <h1>
              <UserName user={user} link={false} />
            </h1>
            {user.deletedAt ? <p className="muted">This member deleted their account. Their posts stay so the answers keep helping.</p> : null}
            {user.bio ? <p className="profile-bio">{user.bio}</p> : null}
            <ul className="profile-facts">
              {user.location ? <li>{user.location}</li> : null}
              {user.website ? (
                <li>
                  <WebsiteLink website={user.website} />
                </li>
              ) : null}
              <li>
                Member since <TimeAgo date={user.createdAt} now={now} />
              </li>
            </ul>
          </div>
        </div>
        <dl className="profile-stats">
          <div>
            <dt>Reputation</dt>
            <dd data-testid="reputation">{formatCount(user.reputation)}</dd>
          </div>
          <div>
            <dt>Questions</dt>
            <dd>{counts.questions}</dd>
          </div>
          <div>
            <dt>Answers</dt>
            <dd>{counts.answers}</dd>
          </div>
        </dl>
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

      <ProfileTabs basePath={base} current={tab} />

      {tab === "summary" ? (
        <>
          {!staff || badges.length > 0 ? <ProfileBadges badges={badges} now={now} /> : null}

          {suspension ? <SuspendSection panel={suspension} failure={failure} /> : null}

          {activity && activity.length > 0 ? (
            <section aria-labelledby="activity-heading" className="activity card">
              <h2 id="activity-heading">Your activity</h2>
              <ul className="plain-list">
                {activity.map((item) => (
                  <li key={item.id}>
                    <NotificationLine item={item} now={now} />
                  </li>
                ))}
              </ul>
              <p>
                <Link to="/notifications">All notifications</Link>
              </p>
            </section>
          ) : null}

          {flags ? <FlagHistory flags={flags.list} own={flags.own} now={now} /> : null}

          <div className="profile-columns">
            <TopTags tags={topTags} />
            <section aria-labelledby="questions-heading">
              <h2 id="questions-heading">Questions</h2>
              <ProfileQuestionList items={lists.questions?.items ?? []} now={now} />
              {lists.questions?.nextCursor ? <Link to={`${base}?tab=questions`}>All {counts.questions} questions</Link> : null}
            </section>
            <section aria-labelledby="answers-heading">
              <h2 id="answers-heading">Answers</h2>
              <ProfileAnswerList items={lists.answers?.items ?? []} now={now} />
              {lists.answers?.nextCursor ? <Link to={`${base}?tab=answers`}>All {counts.answers} answers</Link> : null}
            </section>
            {!staff ? (
              <section aria-labelledby="reputation-heading">
                <h2 id="reputation-heading">Reputation history</h2>
                <ReputationChart points={chart} />
                <ReputationDays days={lists.reputation?.days ?? []} />
                {lists.reputation?.nextCursor ? <Link to={`${base}?tab=reputation`}>Full reputation history</Link> : null}
              </section>
            ) : null}
          </div>
        </>
      ) : null}

      {tab === "questions" && lists.questions ? (
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">Questions</h2>
          <ProfileQuestionList items={lists.questions.items} now={now} />
          {lists.questions.nextCursor ? <MoreLink to={`${base}?tab=questions&after=${lists.questions.nextCursor}`}>More questions</MoreLink> : null}
        </section>
      ) : null}

      {tab === "answers" && lists.answers ? (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">Answers</h2>
          <ProfileAnswerList items={lists.answers.items} now={now} />
          {lists.answers.nextCursor ? <MoreLink to={`${base}?tab=answers&after=${lists.answers.nextCursor}`}>More answers</MoreLink> : null}
        </section>
      ) : null}

      {tab === "reputation" && lists.reputation ? (
        <section aria-labelledby="reputation-heading">
          <h2 id="reputation-heading">Reputation history</h2>
          <ReputationChart points={chart} />
          <ReputationDays days={lists.reputation.days} />
          {lists.reputation.nextCursor ? <MoreLink to={`${base}?tab=reputation&after=${lists.reputation.nextCursor}`}>Earlier days</MoreLink> : null}
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
