// npm run bench: times the hot reads and writes on a realistically sized forum.
// Sizes: BENCH_QUESTIONS (default 20,000) questions, 3 answers each on average, ~10 votes per
// question, comments, 2,000 users. Runs on PGlite, or on a fresh PostgreSQL database when
// DATABASE_URL is set (created and dropped here). Figures are medians and p95 over many calls.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/rows";
import { askQuestion } from "~/services/posting.server";
import { readThread, listQuestions } from "~/services/question-queries.server";
import { recount } from "~/services/recount.server";
import { castVote } from "~/services/voting.server";
import { createTestDatabase } from "../support/databases";

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 20_000);
const USERS = 2_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);

const t = await createTestDatabase();
const db = t.db;
console.log(`Peerdesk bench on ${t.driver}: ${QUESTIONS.toLocaleString("en")} questions, ${USERS.toLocaleString("en")} users`);

const loadStart = performance.now();
await db.execute(sql`
  insert into users (email, display_name, password_hash, role, reputation, created_at)
  select 'bench' || g || '@example.com', 'Bench User ' || g, 'x', 'customer', 1 + (g % 700), now() - interval '400 days'
  from generate_series(1, ${USERS}) g`);
// Their reputation comes from the ledger, as everyone's does, so the recount below finds no drift.
await db.execute(sql`
  insert into reputation_events (user_id, reason, delta, created_at)
  select id, 'answer_accepted', reputation - 1, now() - interval '300 days' from users where reputation > 1`);
await db.execute(sql`
  insert into posts (type, author_id, title, tags, body_markdown, body_html, renderer_version, score, created_at, last_activity_at)
  select 'question', 1 + (g * 7919) % ${USERS},
         'How do I reconcile bank feed entry ' || g || ' with an invoice in another currency?',
         array['tag' || (g % 40), 'tag' || (g % 7 + 40)],
         'My bank feed shows a payment of ' || g || ' EUR but the invoice is in GBP. Steps tried: matched manually, refreshed the feed.',
         '<p>My bank feed shows a payment.</p>', 1, 0,
         now() - (g || ' minutes')::interval * 5, now() - (g || ' minutes')::interval * 3
  from generate_series(1, ${QUESTIONS}) g`);
await db.execute(sql`
  insert into posts (type, question_id, author_id, body_markdown, body_html, renderer_version, created_at, last_activity_at)
  select 'answer', q.id, 1 + (q.id * 31 + a) % ${USERS}, 'Open Banking > Rules and add a currency rule number ' || a || '.',
         '<p>Open Banking &gt; Rules.</p>', 1, q.created_at + (a || ' hours')::interval, q.created_at + (a || ' hours')::interval
  from posts q cross join generate_series(1, 3) a
  where q.type = 'question' and (q.id % 5) <> 0`);
await db.execute(sql`
  update posts q set answer_count = c.n, accepted_answer_id = case when q.id % 3 = 0 then c.first_id end
  from (select question_id, count(*)::int n, min(id) first_id from posts where type = 'answer' group by question_id) c
  where c.question_id = q.id`);
await db.execute(sql`
  insert into votes (post_id, voter_id, value)
  select p.id, 1 + (p.id * 13 + v * 101) % ${USERS}, case when v % 9 = 0 then -1 else 1 end
  from posts p cross join generate_series(1, 4) v
  on conflict do nothing`);
await db.execute(sql`update posts p set score = s.total from (select post_id, sum(value)::int total from votes group by post_id) s where s.post_id = p.id`);
await db.execute(sql`
  insert into comments (post_id, author_id, body)
  select p.id, 1 + (p.id * 17) % ${USERS}, 'Which version of the app are you on?' from posts p where p.id % 4 = 0`);
await db.execute(sql`analyze`);
const counts = rowsOf<Record<string, number>>(
  await db.execute(sql`select (select count(*) from posts where type='answer')::int answers, (select count(*) from votes)::int votes, (select count(*) from comments)::int comments`),
)[0];
console.log(
  `Loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s: ${counts.answers.toLocaleString("en")} answers, ${counts.votes.toLocaleString("en")} votes, ${counts.comments.toLocaleString("en")} comments\n`,
);

async function time(label: string, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const p95 = samples[Math.floor(samples.length * 0.95)];
  console.log(`${label.padEnd(44)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms`);
}

const idRange = rowsOf<{ min: number; max: number }>(await db.execute(sql`select min(id)::int min, max(id)::int max from posts where type = 'question'`))[0];
const questionId = (i: number) => idRange.min + ((i * 7919) % (idRange.max - idRange.min));

let deepCursor: string | null = null;
{
  let after: string | null = null;
  for (let page = 0; page < 100; page++) after = (await listQuestions(db, { sort: "newest", after })).nextCursor;
  deepCursor = after;
}

await time("question list, newest, first page", () => listQuestions(db, { sort: "newest" }));
await time("question list, active, first page", () => listQuestions(db, { sort: "active" }));
await time("question list, top, first page", () => listQuestions(db, { sort: "top" }));
await time("question list, unanswered, first page", () => listQuestions(db, { sort: "unanswered" }));
await time("question list, newest, page 101 (keyset)", () => listQuestions(db, { sort: "newest", after: deepCursor }));
await time("tag page (1 of 40 tags), newest", (i) => listQuestions(db, { sort: "newest", tag: `tag${i % 40}` }));
await time("question page (question, answers, comments)", (i) => readThread(db, questionId(i), 5));
await time("vote (toggle, with ledger and locks)", (i) => castVote(db, { voterId: 100 + (i % 50), postId: questionId(i * 3 + 1), direction: "up" }));
await time("ask a question", (i) =>
  askQuestion(db, { authorId: 100 + (i % 100), title: `Benchmark question number ${i} about exports`, body: "How do I export my invoices as CSV for my accountant?", tags: ["exports"] }),
);
const recountStart = performance.now();
const drift = await recount(db);
console.log(`${"recount (all caches, one transaction)".padEnd(44)} ${(performance.now() - recountStart).toFixed(0)} ms, drift rows: ${drift.length}`);

const plan = rowsOf<{ "QUERY PLAN": string }>(
  await db.execute(sql`explain select id from posts where type = 'question' and deleted_at is null order by created_at desc, id desc limit 31`),
)
  .map((row) => row["QUERY PLAN"])
  .join("\n  ");
console.log(`\nPlan for the newest page:\n  ${plan}`);
await t.destroy();
