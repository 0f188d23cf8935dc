import { Link } from "@remix-run/react";
import { describeBadgeCounts, type BadgeCounts } from "~/domain/badges";
import { userPath } from "~/lib/paths";
import { formatCount } from "~/lib/format";

export interface NamedUser {
  id: number;
  displayName: string;
  role: string;
  reputation?: number;
  /** Earned badges by tier, shown after the reputation where a page supplies them. */
  badges?: BadgeCounts;
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
          {formatCount(user.reputation)}
        </span>
      ) : null}
      {showReputation && !staff && user.badges ? <BadgeCountsInline counts={user.badges} /> : null}
    </span>
  );
}

/** Small gold, silver and bronze counts; a screen reader hears "2 gold badges, 1 bronze badge". */
function BadgeCountsInline({ counts }: { counts: BadgeCounts }) {
  const described = describeBadgeCounts(counts);
  if (!described) return null;
  return (
    <span className="badge-counts" title={described}>
      <span className="visually-hidden">{described}</span>
      {(["gold", "silver", "bronze"] as const)
        .filter((tier) => counts[tier] > 0)
        .map((tier) => (
          <span key={tier} className="badge-count" aria-hidden="true">
            <span className={`tier-dot tier-dot--${tier}`} />
            {counts[tier]}
          </span>
        ))}
    </span>
  );
}
