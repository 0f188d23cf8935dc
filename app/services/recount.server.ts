// Recomputes every cached counter from the rows it counts, and reports what had drifted.
// The caches are reputation (ledger), post scores (votes) and answer counts (answers).
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { STARTING_REPUTATION } from "~/domain/reputation";

export interface Drift {
  what: "reputation" | "score" | "answer_count";
  id: number;
  cached: number;
  actual: number;
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
    return [...tag("reputation", reputation), ...tag("score", score), ...tag("answer_count", answerCount)];
  });
}
