// npm run seed:large: a large, realistic forum written straight into the database with multi-row
// INSERTs, a slice of questions per transaction, so memory stays bounded whatever the size.
// Counters are computed while generating (scores, answer counts, accepted answers) or set-based at
// the end (reputation from the ledger); tags.question_count is kept by its trigger on posts.
// Then knowledge-base articles promoted from accepted answers, and the badges all that earned.
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { comments, postRevisions, posts, reputationEvents, users, votes } from "../../../db/schema";
import { backfillBadges } from "~/services/badges.server";
import { refreshSearchStatistics } from "~/services/search/statistics.server";
import { seededRandom } from "../support-text";
import { emptySlice, SliceGenerator, type SeedPlan, type SliceRows, type UserLedger } from "./generate";
import { chunks, ROWS_PER_INSERT } from "./chunks";
import { dropPostGinIndexes } from "./deferred-indexes.server";
import { GENERATED_EMAIL_DOMAIN, refuseIfRealUsers } from "./guard.server";
import { seedKnowledgeBase } from "./knowledge-base.server";

export interface SeedLargeOptions {
  questions: number;
  /** Add the data even though the database holds users the seeder did not generate. */
  force?: boolean;
  seed?: number;
  /** Called every `progressEvery` questions and at the end. */
  onProgress?: (progress: SeedProgress) => void;
  progressEvery?: number;
  /** Called when the knowledge base, then the badges, are written (after the questions). */
  onStage?: (stage: SeedStage) => void;
  now?: Date;
  /** Drop the posts' GIN indexes during the load and build them once at the end (default: from
   * 10,000 questions up; for a few questions, rebuilding over existing data would cost more). */
  deferIndexes?: boolean;
}

export interface SeedProgress {
  questions: number;
  rows: number;
  elapsedMs: number;
}

export type SeedStage =
  | { stage: "knowledge base"; articles: number; elapsedMs: number }
  | { stage: "badges"; awarded: number; members: number; elapsedMs: number };

export interface SeedLargeResult {
  users: number;
  /** Staff members who promote and verify the articles (not counted in `users`). */
  staff: number;
  questions: number;
  answers: number;
  votes: number;
  comments: number;
  reputationEvents: number;
  articles: number;
  publishedArticles: number;
  draftArticles: number;
  kbFeedback: number;
  /** Earned badges awarded by the backfill at the end, and how long it took. */
  badges: number;
  badgesMs: number;
  rows: number;
  elapsedMs: number;
}

const QUESTIONS_PER_SLICE = 500;
const YEARS_OF_HISTORY = 3;
const STAFF_COUNT = 3;

export async function seedLarge(db: Database, options: SeedLargeOptions): Promise<SeedLargeResult> {
  await refuseIfRealUsers(db, options.force ?? false);
  const started = performance.now();
  const now = (options.now ?? new Date()).getTime();
  const seed = options.seed ?? 42;
  const random = seededRandom(seed);
  const userCount = Math.max(1_000, Math.ceil(options.questions / 10));
  const firstUserId = (await maxId(db, "users")) + 1;
  const firstPostId = (await maxId(db, "posts")) + 1;
  let nextPostId = firstPostId;
  const plan: SeedPlan = { firstUserId, userCount, startsAt: now - YEARS_OF_HISTORY * 365 * 86_400_000, endsAt: now, totalQuestions: options.questions };
  const totals = { users: userCount, questions: 0, answers: 0, votes: 0, comments: 0, reputationEvents: 0, rows: 0 };

  totals.rows += await insertUsers(db, plan, random);
  const staffIds = await insertStaff(db, plan);
  totals.rows += staffIds.length;
  const ledgers = new Map<number, UserLedger>();
  const generator = new SliceGenerator(plan, random, ledgers);
  const progressEvery = options.progressEvery ?? 10_000;

  const rebuildIndexes = (options.deferIndexes ?? options.questions >= 10_000) ? await dropPostGinIndexes(db) : null;
  try {
    // Slices never straddle a progress mark, so every mark is reported.
    const sliceSize = Math.min(QUESTIONS_PER_SLICE, progressEvery);
    for (let first = 0; first < options.questions; first += sliceSize) {
      const rows = emptySlice();
      const last = Math.min(options.questions, first + sliceSize);
      for (let index = first; index < last; index++) generator.addQuestion(rows, index, nextPostId++, () => nextPostId++);
      await db.transaction((tx) => insertSlice(tx as unknown as Database, rows));
      totals.questions += last - first;
      totals.answers += rows.posts.length - (last - first);
      totals.votes += rows.votes.length;
      totals.comments += rows.comments.length;
      totals.reputationEvents += rows.reputationEvents.length;
      totals.rows += rows.posts.length + rows.votes.length + rows.comments.length + rows.revisions.length + rows.reputationEvents.length;
      if (Math.floor(last / progressEvery) > Math.floor(first / progressEvery) || last === options.questions) {
        options.onProgress?.({ questions: last, rows: totals.rows, elapsedMs: performance.now() - started });
      }
    }
  } finally {
    // Rebuilt even when the load failed part-way, so the app never runs without them.
    await rebuildIndexes?.();
  }

  // Before finish(): the promotion bonus is in the ledger that reputation is summed from, and the
  // published articles are in the search statistics. A random of its own, so adding articles
  // left the questions each seed gives unchanged.
  const kb = await seedKnowledgeBase(db, { plan, firstPostId, staffIds, seed, random: seededRandom(seed + 1) });
  totals.rows += kb.rows;
  options.onStage?.({ stage: "knowledge base", articles: kb.articles, elapsedMs: performance.now() - started });

  await finish(db, plan);

  // The badge rules' own backfill, so the badges held are exactly those the rules award.
  const badgesStarted = performance.now();
  const badges = await backfillBadges(db, new Date(now));
  const badgesMs = performance.now() - badgesStarted;
  totals.rows += badges.awarded;
  options.onStage?.({ stage: "badges", awarded: badges.awarded, members: badges.members, elapsedMs: performance.now() - started });

  return {
    ...totals,
    staff: staffIds.length,
    articles: kb.articles,
    publishedArticles: kb.published,
    draftArticles: kb.drafts,
    kbFeedback: kb.feedback,
    badges: badges.awarded,
    badgesMs,
    elapsedMs: performance.now() - started,
  };
}

async function maxId(db: Database, table: "users" | "posts") {
  const [row] = rowsOf<{ id: number | null }>(await db.execute(sql`select max(id) as id from ${sql.identifier(table)}`));
  return Number(row.id ?? 0);
}

const FIRST_NAMES = "Avery Blake Casey Dana Eli Farah Gwen Hiro Ines Jonas Kemi Lars Maya Nadia Omar Priya Quinn Rosa Sami Tariq Uma Vera Wen Yusuf Zoe".split(" ");
const LAST_NAMES = "Adeyemi Brandt Chen Diaz Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Lindqvist Moreau Nakamura Okafor Patel Rossi Silva Tanaka Varga".split(" ");

/** Members with a unique email in the generated domain and a unique display name (the id is in it).
 * Their password hash is not a hash: nobody can sign in as them. */
async function insertUsers(db: Database, plan: SeedPlan, random: () => number) {
  const createdAt = new Date(plan.startsAt - 30 * 86_400_000);
  for (let first = 0; first < plan.userCount; first += ROWS_PER_INSERT) {
    const batch = [];
    for (let i = first; i < Math.min(plan.userCount, first + ROWS_PER_INSERT); i++) {
      const id = plan.firstUserId + i;
      const name = `${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]} ${id}`;
      batch.push({ id, email: `member${id}@${GENERATED_EMAIL_DOMAIN}`, displayName: name, passwordHash: "!generated", createdAt });
    }
    await db.insert(users).values(batch);
  }
  return plan.userCount;
}

/** The support team who promote, publish and verify knowledge-base articles. Their emails are in
 * the generated domain too, so a second run is not refused because of them. */
async function insertStaff(db: Database, plan: SeedPlan) {
  const firstId = plan.firstUserId + plan.userCount;
  const rows = Array.from({ length: STAFF_COUNT }, (_, i) => ({
    id: firstId + i,
    email: `staff${firstId + i}@${GENERATED_EMAIL_DOMAIN}`,
    displayName: `Support ${FIRST_NAMES[i % FIRST_NAMES.length]} ${firstId + i}`,
    passwordHash: "!generated",
    role: "staff" as const,
    createdAt: new Date(plan.startsAt - 60 * 86_400_000),
  }));
  await db.insert(users).values(rows);
  return rows.map((row) => row.id);
}

async function insertSlice(db: Database, rows: SliceRows) {
  // A question and its answers are in one statement (slices are 500 questions), so the accepted
  // answer and question_id references are checked when both rows exist.
  await db.insert(posts).values(rows.posts);
  for (const batch of chunks(rows.revisions)) await db.insert(postRevisions).values(batch);
  for (const batch of chunks(rows.votes)) await db.insert(votes).values(batch);
  for (const batch of chunks(rows.comments)) await db.insert(comments).values(batch);
  for (const batch of chunks(rows.reputationEvents)) await db.insert(reputationEvents).values(batch);
}

/** Counters set-based from the rows just written, sequences moved past the ids chosen here,
 * and the search statistics snapshot rebuilt over the new posts. */
async function finish(db: Database, plan: SeedPlan) {
  const lastUserId = plan.firstUserId + plan.userCount - 1;
  await db.execute(sql`
    update users u set reputation = 1 + s.total
    from (select user_id, sum(delta)::int as total from reputation_events where user_id between ${plan.firstUserId} and ${lastUserId} group by user_id) s
    where s.user_id = u.id`);
  await db.execute(sql`select setval(pg_get_serial_sequence('users', 'id'), (select max(id) from users))`);
  await db.execute(sql`select setval(pg_get_serial_sequence('posts', 'id'), (select max(id) from posts))`);
  await db.execute(sql`analyze`);
  await refreshSearchStatistics(db);
}
