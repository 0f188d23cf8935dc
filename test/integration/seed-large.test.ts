import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "../../db/rows";
import { users } from "../../db/schema";
import { GENERATED_EMAIL_DOMAIN, RealUsersPresentError } from "~/seed/large/guard.server";
import { seedLarge } from "~/seed/large/seed-large.server";
import { recount } from "~/services/recount.server";
import { useTestDatabase } from "../support/databases";

const t = useTestDatabase();

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await t.db.execute(query))[0];
}

describe(`seed:large on ${t.plan.label}`, () => {
  it("writes the requested questions with consistent counters, and recount finds no drift", async () => {
    const progress: number[] = [];
    const result = await seedLarge(t.db, { questions: 200, deferIndexes: true, progressEvery: 100, onProgress: (p) => progress.push(p.questions) });
    expect(progress).toEqual([100, 200]);
    expect(result).toMatchObject({ questions: 200, users: 1_000 });

    const counts = await one<{ questions: number; answers: number; users: number; votes: number; comments: number; unanswered: number; accepted: number }>(sql`
      select (select count(*)::int from posts where type = 'question') as questions,
             (select count(*)::int from posts where type = 'answer') as answers,
             (select count(*)::int from users where email like ${`%@${GENERATED_EMAIL_DOMAIN}`}) as users,
             (select count(*)::int from votes) as votes,
             (select count(*)::int from comments) as comments,
             (select count(*)::int from posts where type = 'question' and answer_count = 0) as unanswered,
             (select count(*)::int from posts where accepted_answer_id is not null) as accepted`);
    expect(counts).toMatchObject({ questions: 200, answers: result.answers, users: 1_000, votes: result.votes, comments: result.comments });
    expect(counts.unanswered).toBeGreaterThan(0);
    expect(counts.accepted).toBeGreaterThan(0);
    expect(counts.answers).toBeGreaterThan(200);

    // Every accepted answer belongs to its question; every post has its first revision.
    const strays = await one<{ wrong_accepts: number; missing_revisions: number; tag_drift: number }>(sql`
      select (select count(*)::int from posts q join posts a on a.id = q.accepted_answer_id where a.question_id <> q.id) as wrong_accepts,
             (select count(*)::int from posts p where not exists (select 1 from post_revisions r where r.post_id = p.id and r.revision_number = 1)) as missing_revisions,
             (select count(*)::int from tags t where t.question_count <> (select count(*) from posts p where p.type = 'question' and t.name = any (p.tags))) as tag_drift`);
    expect(strays).toEqual({ wrong_accepts: 0, missing_revisions: 0, tag_drift: 0 });

    expect(await recount(t.db)).toEqual([]);

    // The GIN indexes dropped for the load are back.
    const gin = await one<{ n: number }>(sql`select count(*)::int as n from pg_indexes where tablename = 'posts' and indexdef like '% USING gin %'`);
    expect(gin.n).toBe(4);
  });

  it("refuses a database holding a member it did not generate, unless forced", async () => {
    // Also proves the sequences moved past the ids the seeder chose (if it ran before): no collision.
    await t.db.insert(users).values({ email: "real.person@example.com", displayName: "Real Person", passwordHash: "x" });
    await expect(seedLarge(t.db, { questions: 10 })).rejects.toBeInstanceOf(RealUsersPresentError);
    await expect(seedLarge(t.db, { questions: 10 })).rejects.toThrow(/--force/);
    const forced = await seedLarge(t.db, { questions: 10, force: true, seed: 7 });
    expect(forced.questions).toBe(10);
    expect(await recount(t.db)).toEqual([]);
  });
});
