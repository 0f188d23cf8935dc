import { Link } from "@remix-run/react";
import { userPath } from "~/lib/paths";

export interface NamedUser {
  id: number;
  displayName: string;
  role: string;
  reputation?: number;
}

/** A member's name, linked to their profile, with the Staff badge for staff and admins. */
export function UserName({ user, link = true, showReputation = false }: { user: NamedUser; link?: boolean; showReputation?: boolean }) {
  const staff = user.role === "staff" || user.role === "admin";
  // <bdi>: a name in a right-to-left script (or one that got past the form's checks before they
  // existed) cannot reorder the text around it, such as the Staff badge or the words that follow.
  const text = <bdi>{user.displayName}</bdi>;
  const name = link ? <Link to={userPath(user)}>{text}</Link> : <span>{text}</span>;
  return (
    <span className="user-name">
      {name}
      {staff ? (
        <span className="badge badge--staff" title="Works for the company">
          Staff
        </span>
      ) : null}
      {showReputation && !staff && user.reputation !== undefined ? (
        <span className="user-name__rep" title="Reputation">
          <span className="visually-hidden">reputation </span>
          {user.reputation.toLocaleString("en")}
        </span>
      ) : null}
    </span>
  );
}
