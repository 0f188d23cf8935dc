// Recomputes every cached counter from the rows it counts, and reports what had drifted.
// The caches are reputation (ledger), post scores (votes) and answer counts (answers). The ledger
// itself is checked against what earns reputation: exactly one live (unreversed) event for each
// vote, accept and promotion on a live post, and none for anything deleted. Ledger drift is
// reported, not corrected: which row is wrong needs a person to judge.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { STARTING_REPUTATION } from "~/domain/reputation";

export interface Drift {
  what: "reputation" | "score" | "answer_count" | "ledger";
  id: number;
  cached: number;
  actual: number;
  /** For ledger drift: which event, for whom (`post_upvoted for user 7 by 9`). */
  detail?: string;
}

export async function recount(db: Database): Promise<Drift[]> {
  return db.transaction(async (tx) => {
    const reputation = await tx.execute(sql`
      with actual as (
        select u.id, ${STARTING_REPUTATION} + coalesce(sum(e.delta), 0)::int as value
        from users u left join reputation_events e on e.user_id = u.id group by u.id
      ), drifted as (
        select u.id, u.reputation as cached, actual.value as actual
        from users u join actual on actual.id = u.id where u.reputation <> actual.value for update of u
      )
      update users set reputation = drifted.actual from drifted where users.id = drifted.id
      returning drifted.id, drifted.cached, drifted.actual`);
    const score = await tx.execute(sql`
      with actual as (
        select p.id, coalesce(sum(v.value), 0)::int as value
        from posts p left join votes v on v.post_id = p.id group by p.id
      ), drifted as (
        select p.id, p.score as cached, actual.value as actual
        from posts p join actual on actual.id = p.id where p.score <> actual.value for update of p
      )
      update posts set score = drifted.actual from drifted where posts.id = drifted.id
      returning drifted.id, drifted.cached, drifted.actual`);
    const answerCount = await tx.execute(sql`
      with actual as (
        select q.id, count(a.id)::int as value
        from posts q left join posts a on a.question_id = q.id and a.type = 'answer' and a.deleted_at is null
        where q.type = 'question' group by q.id
      ), drifted as (
        select q.id, q.answer_count as cached, actual.value as actual
        from posts q join actual on actual.id = q.id where q.answer_count <> actual.value for update of q
      )
      update posts set answer_count = drifted.actual from drifted where posts.id = drifted.id
      returning drifted.id, drifted.cached, drifted.actual`);
    const tag = (what: Drift["what"], result: unknown) =>
      rowsOf<{ id: number; cached: number; actual: number }>(result).map((row) => ({ what, ...row }));
    return [...tag("reputation", reputation), ...tag("score", score), ...tag("answer_count", answerCount), ...(await ledgerDrift(tx))];
  });
}

const VOTE_REASONS = sql.raw(`'post_upvoted', 'post_downvoted', 'answer_downvote_cast'`);
const EARNED_REASONS = sql.raw(`'post_upvoted', 'post_downvoted', 'answer_downvote_cast', 'answer_accepted', 'accepted_an_answer', 'answer_promoted'`);

/** Live ledger events that no vote, accept or promotion accounts for, and those missing. */
async function ledgerDrift(tx: Database): Promise<Drift[]> {
  const rows = await tx.execute(sql`
    with live_post as (
      select p.id, p.type, p.author_id from posts p left join posts q on q.id = p.question_id
      where p.deleted_at is null and (p.type = 'question' or q.deleted_at is null)
    ), owed as (
      select v.post_id, lp.author_id as user_id,
             case when v.value = 1 then 'post_upvoted' else 'post_downvoted' end as reason, v.voter_id as actor_id
        from votes v join live_post lp on lp.id = v.post_id
      union all
      select v.post_id, v.voter_id, 'answer_downvote_cast', v.voter_id
        from votes v join live_post lp on lp.id = v.post_id where v.value = -1 and lp.type = 'answer'
      union all
      select a.id, a.author_id, 'answer_accepted', null
        from live_post q join posts qp on qp.id = q.id join live_post a on a.id = qp.accepted_answer_id where q.author_id <> a.author_id
      union all
      select a.id, q.author_id, 'accepted_an_answer', null
        from live_post q join posts qp on qp.id = q.id join live_post a on a.id = qp.accepted_answer_id where q.author_id <> a.author_id
      union all
      select a.id, a.author_id, 'answer_promoted', null
        from kb_articles k join live_post a on a.id = k.source_answer_id where k.deleted_at is null
    ), expected as (
      select o.post_id, o.user_id, o.reason, o.actor_id, count(*)::int as n
        from owed o join users u on u.id = o.user_id where u.role = 'customer'
        group by o.post_id, o.user_id, o.reason, o.actor_id
    ), live as (
      select e.post_id, e.user_id, e.reason,
             case when e.reason in (${VOTE_REASONS}) then e.actor_id end as actor_id, count(*)::int as n
        from reputation_events e join users u on u.id = e.user_id
        where e.post_id is not null and e.reason in (${EARNED_REASONS}) and u.role = 'customer'
          and not exists (select 1 from reputation_events r where r.reverses_id = e.id)
        group by 1, 2, 3, 4
    )
    select coalesce(l.post_id, x.post_id) as id, coalesce(l.user_id, x.user_id) as user_id,
           coalesce(l.reason, x.reason) as reason, coalesce(l.actor_id, x.actor_id) as actor_id,
           coalesce(l.n, 0) as cached, coalesce(x.n, 0) as actual
      from live l full join expected x
        on x.post_id = l.post_id and x.user_id = l.user_id and x.reason = l.reason and x.actor_id is not distinct from l.actor_id
     where coalesce(l.n, 0) <> coalesce(x.n, 0)
     order by 1, 2, 3`);
  return rowsOf<{ id: number; user_id: number; reason: string; actor_id: number | null; cached: number; actual: number }>(rows).map((row) => ({
    what: "ledger",
    id: Number(row.id),
    cached: Number(row.cached),
    actual: Number(row.actual),
    detail: `${row.reason} for user ${row.user_id}${row.actor_id ? ` by ${row.actor_id}` : ""}`,
  }));
}
