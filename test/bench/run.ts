// npm run bench:services: times the hot reads and writes on a realistically sized forum, calling
// the services in-process (no HTTP; `npm run bench` drives the real server, test/bench/http/).
// Sizes: BENCH_QUESTIONS (default 20,000; `BENCH_QUESTIONS=100000 npm run bench:services` for the search
// target) questions, 3 answers each on average, ~10 votes per question, comments, 2,000 users.
// Texts are drawn from a support vocabulary with a skewed (Zipf-like) word frequency, so search
// meets common and rare words as it would on a real forum. Runs on PGlite, or on a fresh
// PostgreSQL database when DATABASE_URL is set (created and dropped here). Figures are medians
// and p95 over many calls.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/rows";
import { parseSearchQuery } from "~/domain/search-query";
import { askQuestion } from "~/services/posting.server";
import { searchEverything } from "~/services/search/search.server";
import { suggestSimilar } from "~/services/search/similar.server";
import { refreshSearchStatistics } from "~/services/search/statistics.server";
import { readThread, listQuestions } from "~/services/question-queries.server";
import { rankRelated } from "~/services/related-posts.server";
import { recount } from "~/services/recount.server";
import { castVote } from "~/services/voting.server";
import postgres from "postgres";
import { openDatabase } from "../../db/client";
import { createTestDatabase } from "../support/databases";
import { RANKED_WORDS, SUPPORT_VOCABULARY as VOCABULARY } from "~/seed/support-text";

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 20_000);
const USERS = 2_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);


// BENCH_KEEP=1 (with DATABASE_URL): load once into peerdesk_bench_services_<questions> and keep it, so later
// runs time the same data without waiting for the load (drop it by hand when done).
const keptName = process.env.BENCH_KEEP === "1" && process.env.DATABASE_URL ? `peerdesk_bench_services_${QUESTIONS}` : null;
const t = keptName ? await openKeptDatabase(process.env.DATABASE_URL!, keptName) : { ...(await createTestDatabase()), loaded: false };
const db = t.db;
console.log(`Peerdesk bench on ${t.driver}: ${QUESTIONS.toLocaleString("en")} questions, ${USERS.toLocaleString("en")} users${keptName ? ` (database ${keptName}${t.loaded ? ", loaded before" : ""})` : ""}`);

async function openKeptDatabase(serverUrl: string, name: string) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!existing) await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return { ...handle, loaded: Boolean(existing), destroy: () => handle.close() };
}

const loadStart = performance.now();
if (!t.loaded) await loadData();

async function loadData() {
  await db.execute(sql`
    insert into users (email, display_name, password_hash, role, reputation, created_at)
    select 'bench' || g || '@example.com', 'Bench User ' || g, 'x', 'customer', 1 + (g % 700), now() - interval '400 days'
    from generate_series(1, ${USERS}) g`);
  // Their reputation comes from the ledger, as everyone's does, so the recount below finds no drift.
  await db.execute(sql`
    insert into reputation_events (user_id, reason, delta, created_at)
    select id, 'answer_accepted', reputation - 1, now() - interval '300 days' from users where reputation > 1`);
  const vocabulary = sql`array[${sql.join(
    VOCABULARY.map((word) => sql`${word}`),
    sql`, `,
  )}]::text[]`;
  // Word k of 3,000 is drawn with a chance proportional to 1/(k + 10), a Zipf curve: "invoice" is in
  // about half the questions, most words in few. Past the named words come rare ones ("w1234"),
  // as product names, error codes and typos are. The subqueries mention g, so each row draws its own.
  const words = (count: ReturnType<typeof sql>) =>
    sql`(select string_agg(case when k <= ${VOCABULARY.length} then (${vocabulary})[k] else 'w' || k end, ' ')
         from (select floor(10 * power(${RANKED_WORDS / 10 + 1}::float8, random()) - 10)::int + 1 as k from generate_series(1, ${count}) w) drawn)`;
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(sql`
    insert into posts (type, author_id, title, tags, body_markdown, body_html, renderer_version, score, created_at, last_activity_at)
    select 'question', 1 + (g * 7919) % ${USERS},
           'How do I ' || ${words(sql`4 + g % 6`)} || '?',
           array['tag' || (g % 40), 'tag' || (g % 7 + 40)],
           ${words(sql`20 + g % 41`)} || '. Question ' || g || '.',
           '<p>My bank feed shows a payment.</p>', 1, 0,
           now() - (g || ' minutes')::interval * 5, now() - (g || ' minutes')::interval * 3
    from generate_series(1, ${QUESTIONS}) g`);
  await db.execute(sql`
    insert into posts (type, question_id, author_id, body_markdown, body_html, renderer_version, created_at, last_activity_at)
    select 'answer', q.id, 1 + (q.id * 31 + a) % ${USERS}, ${words(sql`15 + (q.id + a) % 30`)} || '.',
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
  // Published knowledge-base articles: one for every 50 questions.
  await db.execute(sql`
    insert into kb_articles (slug, title, body_markdown, body_html, renderer_version, status, created_by_id, published_at)
    select 'article-' || g, 'How to ' || ${words(sql`4 + g % 5`)}, ${words(sql`60 + g % 80`)} || '.', '<p>Article.</p>', 1, 'published', 1, now() - (g || ' hours')::interval
    from generate_series(1, ${Math.max(10, Math.floor(QUESTIONS / 50))}) g`);
  // A real forum writes its posts in the order people post them, so a question's answers sit near
  // it on disk; this load wrote every question first and every answer after. Put the rows in
  // written order, or a plan that reads matches in table order meets no answer for 100,000 rows.
  await db.execute(sql`create index bench_posts_written_order on posts (created_at, id)`);
  await db.execute(sql`cluster posts using bench_posts_written_order`);
  await db.execute(sql`drop index bench_posts_written_order`);
  // A bulk load leaves GIN indexes with long pending lists and no visibility map; autovacuum tidies
  // both within a minute or so on a live server, so time the steady state.
  await db.execute(sql`vacuum analyze`);
}
const counts = rowsOf<Record<string, number>>(
  await db.execute(sql`select (select count(*) from posts where type='answer')::int answers, (select count(*) from votes)::int votes, (select count(*) from comments)::int comments`),
)[0];
console.log(
  `Loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s: ${counts.answers.toLocaleString("en")} answers, ${counts.votes.toLocaleString("en")} votes, ${counts.comments.toLocaleString("en")} comments\n`,
);
const statisticsStart = performance.now();
await refreshSearchStatistics(db);
console.log(`${"search statistics snapshot (word rarity)".padEnd(44)} ${(performance.now() - statisticsStart).toFixed(0)} ms\n`);

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

// Live question ids (a kept database also holds the questions earlier runs asked, after the answers).
const questionIds = rowsOf<{ id: number }>(await db.execute(sql`select id from posts where type = 'question' and deleted_at is null order by id`)).map((row) => row.id);
const questionId = (i: number) => questionIds[(i * 7919) % questionIds.length];

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
const SEARCHES = [
  "export invoice csv",
  "bank feed duplicate",
  "stripe payout fee",
  "reconcile",
  "vat return hmrc deadline",
  '"credit note" refund',
  "[tag3] payment",
  "payroll pension journal",
  "webhook signature retry",
  "mileage vehicle depreciation",
];
await time("search, 1 to 4 words (10 different)", (i) => searchEverything(db, parseSearchQuery(SEARCHES[i % SEARCHES.length])));
await time("search, page 5", (i) => searchEverything(db, parseSearchQuery(SEARCHES[i % SEARCHES.length]), { page: 5 }));
await time("search, filters only ([tag] is:unanswered)", (i) => searchEverything(db, parseSearchQuery(`[tag${i % 40}] is:unanswered`)));
const ASKS = [
  { title: "Invoice export to CSV shows the wrong date format", body: "When I export my invoices to csv the date column is in the wrong format and my spreadsheet reads it as text. How do I change the export format?" },
  { title: "Bank feed imported duplicate transactions", body: "After reconnecting my bank account the feed imported every transaction twice. How do I remove the duplicate lines without breaking reconciliation?" },
  { title: "Stripe payout does not match invoice total", body: "Stripe pays out the net amount after fees but my invoices are gross. What is the right way to record the fee?" },
  { title: "Payroll journal posts pension to the wrong account", body: "The employer pension goes to the wrong ledger account in the payroll journal every month." },
  { title: "Can't log in after password reset", body: "I reset my password but the login page says the token has expired and 2fa keeps failing." },
];
await time("ask-time suggestions (title and body)", (i) => suggestSimilar(db, ASKS[i % ASKS.length]));
await time("ask-time suggestions (title only, as typed)", (i) => suggestSimilar(db, { title: ASKS[i % ASKS.length].title }));
const sampleQuestions = rowsOf<{ id: number; title: string; tags: string[] }>(
  await db.execute(sql`select id, title, tags from posts where type = 'question' and deleted_at is null order by id limit 50`),
);
await time("related column of a question page", (i) => rankRelated(db, sampleQuestions[i % sampleQuestions.length]));

const recountStart = performance.now();
const drift = await recount(db);
// The bench writes votes straight into the table, without their ledger rows, so the ledger check
// reports every one of them: only the cached counters' drift says something here.
const counterDrift = drift.filter((row) => row.what !== "ledger").length;
console.log(`${"recount (all caches, one transaction)".padEnd(44)} ${(performance.now() - recountStart).toFixed(0)} ms, counters drifted: ${counterDrift}`);

const plan = rowsOf<{ "QUERY PLAN": string }>(
  await db.execute(sql`explain select id from posts where type = 'question' and deleted_at is null order by created_at desc, id desc limit 31`),
)
  .map((row) => row["QUERY PLAN"])
  .join("\n  ");
console.log(`\nPlan for the newest page:\n  ${plan}`);
await t.destroy();
