// A notification as a line: who did what (linked to where it happened), and when.
import { Link } from "@remix-run/react";
import { TimeAgo } from "./time-ago";

export interface NotificationItem {
  id: number;
  message: string;
  link: string | null;
  createdAt: string | Date;
  readAt: string | Date | null;
  actor: { id: number; displayName: string } | null;
}

/** "Ana answered your question “…”", or the system's whole sentence ("You earned …"). */
export function notificationText(item: Pick<NotificationItem, "actor" | "message">): string {
  return item.actor ? `${item.actor.displayName} ${item.message}` : item.message;
}

export function NotificationLine({ item, now }: { item: NotificationItem; now: string }) {
  const text = notificationText(item);
  return (
    <>
      {item.link ? <Link to={item.link}>{text}</Link> : text}{" "}
      <span className="muted">
        <TimeAgo date={item.createdAt} now={now} />
      </span>
    </>
  );
}
