import { Link } from "@remix-run/react";
import { slugify } from "~/lib/slug";

export interface NamedUser {
  id: number;
  displayName: string;
  role: string;
  reputation?: number;
}

/** A member's name, linked to their profile, with the Staff badge for staff and admins. */
export function UserName({ user, link = true, showReputation = false }: { user: NamedUser; link?: boolean; showReputation?: boolean }) {
  const staff = user.role === "staff" || user.role === "admin";
  const name = link ? <Link to={`/users/${user.id}/${slugify(user.displayName)}`}>{user.displayName}</Link> : <span>{user.displayName}</span>;
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
