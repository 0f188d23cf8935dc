import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "../../db/rows";
import { users } from "../../db/schema";
import { GENERATED_EMAIL_DOMAIN, RealUsersPresentError } from "~/seed/large/guard.server";
import { parseSearchQuery } from "~/domain/search-query";
import { seedLarge } from "~/seed/large/seed-large.server";
import { backfillBadges } from "~/services/badges.server";
import { getArticleBySlug, getKbHome, reviewList } from "~/services/kb-queries.server";
import { recount } from "~/services/recount.server";
import { searchEverything } from "~/services/search/search.server";
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
    expect(result).toMatchObject({ questions: 200, users: 1_000, staff: 3 });

    const counts = await one<{ questions: number; answers: number; users: number; votes: number; comments: number; unanswered: number; accepted: number }>(sql`
      select (select count(*)::int from posts where type = 'question') as questions,
             (select count(*)::int from posts where type = 'answer') as answers,
             (select count(*)::int from users where email like ${`%@${GENERATED_EMAIL_DOMAIN}`} and role = 'customer') as users,
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

  it("promotes accepted answers to knowledge-base articles that the knowledge base lists and search finds", async () => {
    // The first test's 200 questions: at least 8 articles, every 7th a draft.
    const kb = await one<{ published: number; drafts: number; not_accepted: number; ledger: number; revisions: number; feedback: number; drift: number }>(sql`
      select (select count(*)::int from kb_articles where status = 'published') as published,
             (select count(*)::int from kb_articles where status = 'draft') as drafts,
             (select count(*)::int from kb_articles k join posts q on q.id = k.source_question_id where q.accepted_answer_id is distinct from k.source_answer_id) as not_accepted,
             (select count(*)::int from reputation_events e join kb_articles k on k.source_answer_id = e.post_id where e.reason = 'answer_promoted') as ledger,
             (select count(*)::int from kb_article_revisions) as revisions,
             (select count(*)::int from kb_feedback) as feedback,
             (select count(*)::int from kb_articles k where helpful_yes + helpful_no <> (select count(*) from kb_feedback f where f.article_id = k.id)) as drift`);
    expect(kb.published).toBeGreaterThanOrEqual(6);
    expect(kb.drafts).toBeGreaterThanOrEqual(1);
    expect(kb).toMatchObject({ not_accepted: 0, ledger: kb.published + kb.drafts, revisions: 2 * kb.published + kb.drafts, drift: 0 });
    expect(kb.feedback).toBeGreaterThan(0);

    const home = await getKbHome(t.db, null);
    expect(home.newest.length + home.mostHelpful.length).toBeGreaterThan(0);
    expect(home.categories.length).toBeGreaterThan(0);
    const [listed] = [...home.mostHelpful, ...home.newest];
    const lookup = await getArticleBySlug(t.db, listed.slug, null);
    expect("article" in lookup && lookup.article.article.title).toBe(listed.title);

    // The generated search_vector makes them searchable: an article's own title finds it.
    const found = await searchEverything(t.db, parseSearchQuery(`${listed.title} is:article`));
    expect(found.results.map((result) => result.url)).toContain(`/kb/${listed.slug}`);

    // Published long ago and never verified since: listed for review.
    expect((await reviewList(t.db)).length).toBeGreaterThan(0);
  });

  it("awards the badges the rules give, leaving the backfill nothing to do", async () => {
    const badges = await one<{ helpers: number; sharers: number; staff: number }>(sql`
      select (select count(*)::int from user_badges where badge = 'first-accepted-answer') as helpers,
             (select count(*)::int from user_badges where badge = 'knowledge-base-answer') as sharers,
             (select count(*)::int from user_badges b join users u on u.id = b.user_id where u.role <> 'customer') as staff`);
    expect(badges.helpers).toBeGreaterThan(0);
    expect(badges.sharers).toBeGreaterThan(0);
    expect(badges.staff).toBe(0);
    expect((await backfillBadges(t.db)).awarded).toBe(0);
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
