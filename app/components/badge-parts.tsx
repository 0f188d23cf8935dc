// Earned badges on pages: a tier label (its name in text, never colour alone), a member's badges
// on their profile, and the cards of the /badges page.
import { Link } from "@remix-run/react";
import type { BadgeTier } from "~/domain/badges";
import { badgePath } from "~/lib/paths";
import { TimeAgo } from "./time-ago";
import { UserName } from "./user-name";

export function TierLabel({ tier }: { tier: BadgeTier }) {
  return (
    <span className={`tier-label tier-label--${tier}`}>
      <span className={`tier-dot tier-dot--${tier}`} aria-hidden="true" /> {tier}
    </span>
  );
}

export interface ProfileBadge {
  slug: string;
  name: string;
  tier: BadgeTier;
  description: string;
  awardedAt: Date | string;
}

/** The Badges section of a profile. */
export function ProfileBadges({ badges, now }: { badges: ProfileBadge[]; now: string }) {
  return (
    <section aria-labelledby="badges-heading" className="profile-badges">
      <h2 id="badges-heading">Badges</h2>
      {badges.length === 0 ? (
        <p className="muted">
          No badges yet. <Link to={badgePath()}>See how to earn them</Link>.
        </p>
      ) : (
        <ul className="badge-list">
          {badges.map((badge) => (
            <li key={badge.slug} className="badge-card" data-testid="earned-badge">
              <h3>
                <Link to={badgePath(badge.slug)}>{badge.name}</Link> <TierLabel tier={badge.tier} />
              </h3>
              <p>{badge.description}</p>
              <p className="muted">
                Earned <TimeAgo date={badge.awardedAt} now={now} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {badges.length > 0 ? (
        <p>
          <Link to={badgePath()}>All badges</Link>
        </p>
      ) : null}
    </section>
  );
}

export interface DirectoryBadge {
  slug: string;
  name: string;
  tier: BadgeTier;
  description: string;
  earnedCount: number;
  recentEarners: { id: number; displayName: string; role: string; awardedAt: Date | string }[];
}

export function BadgeDirectory({ badges, now }: { badges: DirectoryBadge[]; now: string }) {
  return (
    <ul className="badge-list">
      {badges.map((badge) => (
        <li key={badge.slug} id={`badge-${badge.slug}`} className="badge-card" aria-labelledby={`badge-${badge.slug}-name`}>
          <h2>
            <span id={`badge-${badge.slug}-name`}>{badge.name}</span> <TierLabel tier={badge.tier} />
          </h2>
          <p>{badge.description}</p>
          <p className="muted">
            {badge.earnedCount === 0 ? "Nobody has earned it yet." : `Earned by ${badge.earnedCount} ${badge.earnedCount === 1 ? "member" : "members"}.`}
          </p>
          {badge.recentEarners.length > 0 ? (
            <>
              <h3 className="visually-hidden">Recently earned by</h3>
              <ul className="badge-card__earners" aria-label={`Recently earned ${badge.name} by`}>
                {badge.recentEarners.map((earner) => (
                  <li key={earner.id}>
                    <UserName user={earner} />{" "}
                    <span className="muted">
                      <TimeAgo date={earner.awardedAt} now={now} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
