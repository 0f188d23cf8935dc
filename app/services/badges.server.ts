// Earned badges: awarded inside the transaction of the event that earns them (an accept, a vote,
// an edit, a promotion, a helpful flag), once per member, idempotently. The counts come from SQL,
// the rules from app/domain/badges.ts; the insert is ON CONFLICT DO NOTHING on (user_id, badge),
// so the same trigger fired twice at once, or a backfill over old data, awards once.
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { userBadges, users } from "../../db/schema";
import {
  BADGE_RULES,
  TIER_ORDER,
  earnedBadges,
  earnsBadges,
  emptyBadgeCounts,
  rulesFor,
  statsNeeded,
  type BadgeCounts,
  type BadgeStat,
  type BadgeStats,
  type BadgeTier,
  type BadgeTrigger,
} from "~/domain/badges";
import { badgePath } from "~/lib/paths";
import { notify } from "./notifications.server";

/** One SQL expression per stat, for member `userId`. Deleted posts and threads count for nothing. */
function statSql(stat: BadgeStat, userId: number): SQL {
  switch (stat) {
    case "acceptedAnswers":
      // Accepting your own answer earns no reputation, and no badge either.
      return sql`(select count(*)::int from posts a join posts q on q.id = a.question_id
        where a.author_id = ${userId} and a.type = 'answer' and a.deleted_at is null
          and q.deleted_at is null and q.accepted_answer_id = a.id and q.author_id <> a.author_id)`;
    case "bestAnswerScore":
      return sql`(select coalesce(max(a.score), 0)::int from posts a join posts q on q.id = a.question_id
        where a.author_id = ${userId} and a.type = 'answer' and a.deleted_at is null and q.deleted_at is null)`;
    case "editsOfOthersPosts":
      return sql`(select count(*)::int from post_revisions r join posts p on p.id = r.post_id
        where r.editor_id = ${userId} and r.revision_number > 1 and p.author_id <> ${userId} and p.deleted_at is null)`;
    case "promotedAnswers":
      return sql`(select count(*)::int from kb_articles k join posts a on a.id = k.source_answer_id
        where a.author_id = ${userId} and k.deleted_at is null)`;
    case "helpfulFlags":
      return sql`(select count(*)::int from flags f where f.flagger_id = ${userId} and f.status = 'helpful')`;
  }
}

/** The member's counts for the stats asked for, in one statement. */
export async function badgeStats(tx: Database, userId: number, stats: BadgeStat[]): Promise<Partial<BadgeStats>> {
  if (stats.length === 0) return {};
  const columns = sql.join(
    stats.map((stat) => sql`${statSql(stat, userId)} as ${sql.identifier(stat)}`),
    sql`, `,
  );
  const [row = {}] = rowsOf<Record<string, number>>(await tx.execute(sql`select ${columns}`));
  return Object.fromEntries(stats.map((stat) => [stat, Number(row[stat] ?? 0)]));
}

/** The answer that earned a score badge: the member's best live answer. */
async function bestAnswerId(tx: Database, userId: number): Promise<number | null> {
  const result = await tx.execute(sql`select a.id from posts a join posts q on q.id = a.question_id
    where a.author_id = ${userId} and a.type = 'answer' and a.deleted_at is null and q.deleted_at is null
    order by a.score desc, a.id limit 1`);
  return rowsOf<{ id: number }>(result)[0]?.id ?? null;
}

/**
 * Checks the rules `trigger` can earn for one member and awards those they now qualify for.
 * Call inside the triggering use case's transaction. Returns the slugs newly awarded (a badge
 * already held, or won by a parallel transaction, is not repeated). Staff earn none.
 */
export async function awardBadges(
  tx: Database,
  userId: number,
  trigger: BadgeTrigger,
  options: {
    postId?: number | null;
    now?: Date;
    /**
     * Stats the event itself settles, so they are not counted: an upvote gives the voted answer's
     * new score, the only score that changed (a best score reached earlier earned its badge then;
     * `npm run badges:backfill` catches anything older). Most votes then earn nothing, known
     * before a single query: counting a prolific member's answers on every vote cost 100 ms.
     */
    eventStats?: Partial<BadgeStats>;
  } = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const known = options.eventStats ?? {};
  const candidates = rulesFor(trigger);
  if (candidates.length === 0) return [];
  if (statsNeeded(candidates).every((stat) => stat in known) && earnedBadges(candidates, known).length === 0) return [];
  const [member] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!member || !earnsBadges(member.role)) return [];
  // Rules already held need no counting.
  const held = new Set(
    (
      await tx
        .select({ badge: userBadges.badge })
        .from(userBadges)
        .where(and(eq(userBadges.userId, userId), inArray(userBadges.badge, candidates.map((rule) => rule.slug))))
    ).map((row) => row.badge),
  );
  const open = candidates.filter((rule) => !held.has(rule.slug));
  if (open.length === 0) return [];
  const counted = await badgeStats(tx, userId, statsNeeded(open).filter((stat) => !(stat in known)));
  const earned = earnedBadges(open, { ...counted, ...known });
  if (earned.length === 0) return [];
  const scoreBadge = earned.some((rule) => rule.condition.stat === "bestAnswerScore");
  const scorePost = !scoreBadge ? null : "bestAnswerScore" in known ? (options.postId ?? null) : await bestAnswerId(tx, userId);
  const inserted = await tx
    .insert(userBadges)
    .values(
      earned.map((rule) => ({
        userId,
        badge: rule.slug,
        tier: rule.tier,
        postId: rule.condition.stat === "bestAnswerScore" ? scorePost : (options.postId ?? null),
        awardedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ badge: userBadges.badge });
  await notify(
    tx,
    null,
    inserted.map(({ badge }) => {
      const rule = earned.find((candidate) => candidate.slug === badge)!;
      return {
        userId,
        kind: "badge_earned" as const,
        message: `You earned the “${rule.name}” badge (${rule.tier}): ${rule.description}`,
        link: badgePath(rule.slug),
        dedupeKey: `badge:${rule.slug}`,
      };
    }),
    now,
  );
  return inserted.map((row) => row.badge);
}

/** Awards every badge existing data has earned, member by member (one transaction each). */
export async function backfillBadges(db: Database, now = new Date()): Promise<{ members: number; awarded: number }> {
  const members = await db.select({ id: users.id }).from(users).where(eq(users.role, "customer")).orderBy(users.id);
  let awarded = 0;
  for (const member of members) {
    awarded += (await db.transaction((tx) => awardBadges(tx, member.id, "backfill", { now }))).length;
  }
  return { members: members.length, awarded };
}

export interface EarnedBadge {
  slug: string;
  name: string;
  tier: BadgeTier;
  description: string;
  awardedAt: Date;
  postId: number | null;
}

/** A member's badges, gold first, newest first within a tier (rules since removed are left out). */
export async function badgesOf(db: Database, userId: number): Promise<EarnedBadge[]> {
  const rows = await db
    .select({ badge: userBadges.badge, awardedAt: userBadges.awardedAt, postId: userBadges.postId })
    .from(userBadges)
    .where(eq(userBadges.userId, userId))
    .orderBy(desc(userBadges.awardedAt), desc(userBadges.id));
  return rows
    .flatMap((row) => {
      const rule = BADGE_RULES.find((candidate) => candidate.slug === row.badge);
      return rule ? [{ slug: rule.slug, name: rule.name, tier: rule.tier, description: rule.description, awardedAt: row.awardedAt, postId: row.postId }] : [];
    })
    .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
}

/** Gold, silver and bronze counts for each member asked for (members with none are all zeros). */
export async function badgeCountsFor(db: Database, userIds: number[]): Promise<Map<number, BadgeCounts>> {
  const counts = new Map<number, BadgeCounts>();
  const unique = [...new Set(userIds)];
  for (const id of unique) counts.set(id, emptyBadgeCounts());
  if (unique.length === 0) return counts;
  const known = BADGE_RULES.map((rule) => rule.slug);
  const rows = await db
    .select({ userId: userBadges.userId, tier: userBadges.tier, n: sql<number>`count(*)::int` })
    .from(userBadges)
    .where(and(inArray(userBadges.userId, unique), inArray(userBadges.badge, known)))
    .groupBy(userBadges.userId, userBadges.tier);
  for (const row of rows) counts.get(row.userId)![row.tier] = row.n;
  return counts;
}

/** Every badge with how many earned it and the most recent earners, for /badges. */
export async function badgeDirectory(db: Database, recent = 5) {
  const totals = await db
    .select({ badge: userBadges.badge, n: sql<number>`count(*)::int` })
    .from(userBadges)
    .groupBy(userBadges.badge);
  const recentRows = await db.execute(sql`
    select r.badge, r.awarded_at, u.id, u.display_name, u.role from (
      select b.badge, b.user_id, b.awarded_at, b.id,
             row_number() over (partition by b.badge order by b.awarded_at desc, b.id desc) as n
      from user_badges b) r
    join users u on u.id = r.user_id
    where r.n <= ${recent}
    order by r.badge, r.awarded_at desc, r.id desc`);
  const rows = rowsOf<{ badge: string; awarded_at: Date | string; id: number; display_name: string; role: string }>(recentRows);
  const count = new Map(totals.map((row) => [row.badge, row.n]));
  return BADGE_RULES.map((rule) => ({
    slug: rule.slug,
    name: rule.name,
    tier: rule.tier,
    description: rule.description,
    earnedCount: count.get(rule.slug) ?? 0,
    recentEarners: rows
      .filter((row) => row.badge === rule.slug)
      .map((row) => ({ id: Number(row.id), displayName: row.display_name, role: row.role, awardedAt: new Date(row.awarded_at) })),
  })).sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
}
