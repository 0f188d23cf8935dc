// The signed-in member's notifications: newest first, a page at a time, unread ones marked, each
// readable on its own or all at once. Plain forms, so it works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NotificationLine } from "~/components/notification-parts";
import { notificationsIntent } from "~/forms/notification-forms.server";
import { invalid, parseForm, readForm, throwAsResponse } from "~/http/responses.server";
import { requireViewer } from "~/http/viewer.server";
import { markNotificationsRead, notificationPage } from "~/services/notifications.server";
import { unreadCountText } from "~/lib/unread";

export const meta: MetaFunction = () => [{ title: "Notifications - Peerdesk" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  try {
    const page = await notificationPage(context.db, viewer.id, { before: new URL(request.url).searchParams.get("before") });
    // The unread count came with the session (the header's bell shows the same).
    return { ...page, unread: viewer.unreadNotifications, now: new Date().toISOString() };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const form = await readForm(request);
  const parsed = parseForm(notificationsIntent, form);
  if (!parsed.success) return invalid(form, { form: "That action is not recognised. Reload the page and try again." });
  const input = parsed.data;
  await markNotificationsRead(context.db, viewer.id, input.intent === "read-all" ? "all" : [input.id]);
  // Back to the page the button was on (a later page keeps its place).
  const url = new URL(request.url);
  return redirect(`/notifications${url.search}`);
}

export default function NotificationsPage() {
  const { notifications, nextBefore, unread, now } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow notifications-page">
      <div className="page-heading">
        <h1>Notifications</h1>
        {unread > 0 ? (
          <Form method="post">
            <button type="submit" name="intent" value="read-all" className="button button--secondary button--small">
              Mark all as read
            </button>
          </Form>
        ) : null}
      </div>
      <p className="muted" role="status">
        {unread === 0 ? "You have no unread notifications." : `${unreadCountText(unread)} unread.`}
      </p>
      {notifications.length === 0 ? (
        <p>Nothing yet. When someone answers or comments on your posts, accepts your answer or edits your post, you will hear about it here.</p>
      ) : (
        <ol className="plain-list notification-list">
          {notifications.map((item) => (
            <li key={item.id} className={item.readAt ? "notification" : "notification notification--unread"}>
              {item.readAt ? null : <span className="visually-hidden">Unread: </span>}
              <span className="notification__text">
                <NotificationLine item={item} now={now} />
              </span>
              {item.readAt ? null : (
                <Form method="post" className="notification__read">
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" name="intent" value="read" className="button button--quiet button--small">
                    Mark as read
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ol>
      )}
      {nextBefore ? (
        <nav aria-label="More notifications" className="pager">
          <Link to={`/notifications?before=${nextBefore}`} rel="next">
            Older notifications
          </Link>
        </nav>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
