// Staff: the questions waiting for staff, oldest first, each with the time left before staff
// were due to have looked at it (or how late they are). A question leaves the queue once staff
// answer it, or it is solved, closed or deleted.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TimeAgo } from "~/components/time-ago";
import { throwAsResponse } from "~/http/responses.server";
import { requireViewer } from "~/http/viewer.server";
import { formatDateTime, formatDuration } from "~/lib/format";
import { questionPath, userPath } from "~/lib/paths";
import { STAFF_QUEUE_LIMIT, staffQueue } from "~/services/escalation.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  try {
    return { items: await staffQueue(context.db, viewer.id), now: new Date().toISOString() };
  } catch (error) {
    throwAsResponse(error);
  }
}

export const meta: MetaFunction = () => [{ title: "Staff queue - Peerdesk" }, { name: "robots", content: "noindex" }];

export default function StaffQueuePage() {
  const { items, now } = useLoaderData<typeof loader>();
  const nowMs = new Date(now).getTime();
  return (
    <div className="page page--medium">
      <h1>Staff queue</h1>
      <p className="muted">
        Questions nobody answered in time, and questions whose askers asked for staff, oldest first. A question leaves the queue once staff answer it or it is solved,
        closed or deleted.
      </p>
      <p>
        <Link to="/review">Review queue</Link> · <Link to="/admin/log">Staff action log</Link>
      </p>
      <p role="status">{items.length === 0 ? "Nothing is waiting for staff." : `${items.length === STAFF_QUEUE_LIMIT ? `The oldest ${STAFF_QUEUE_LIMIT}` : items.length} ${items.length === 1 ? "question is" : "questions are"} waiting for staff.`}</p>
      <ol className="plain-list staff-queue">
        {items.map((item) => {
          const left = new Date(item.staffDueAt).getTime() - nowMs;
          return (
            <li key={item.questionId} className={`card staff-queue__item${left < 0 ? " staff-queue__item--late" : ""}`}>
              <h2 className="staff-queue__title">
                <Link to={questionPath({ id: item.questionId, title: item.title })}>{item.title}</Link>
              </h2>
              <p className="staff-queue__meta">
                Asked by <Link to={userPath(item.asker)}>{item.asker.displayName}</Link> <TimeAgo date={item.askedAt} now={now} />
                {" · "}
                {item.reason === "requested" ? "The asker asked for staff" : "Nobody answered in time"}
                {item.hasPrivateNote ? " · Has a private note" : null}
              </p>
              <p className="staff-queue__due">
                {left < 0 ? (
                  <strong className="staff-queue__late">Late by {formatDuration(left)}</strong>
                ) : (
                  <strong>{formatDuration(left)} left</strong>
                )}{" "}
                <span className="muted">(due {formatDateTime(new Date(item.staffDueAt))})</span>
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
