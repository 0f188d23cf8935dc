// npm run seed:large -- --questions N [--force] [--seed S]: a large generated forum for
// benchmarks, written in bulk into DATABASE_URL (or the embedded database). Migrates first.
import { parseArgs } from "node:util";
import { RealUsersPresentError } from "~/seed/large/guard.server";
import { seedLarge } from "~/seed/large/seed-large.server";
import { openDatabaseFromEnv } from "./open-from-env";

const { values } = parseArgs({ options: { questions: { type: "string" }, force: { type: "boolean", default: false }, seed: { type: "string" } } });
const questions = Number(values.questions);
if (!Number.isInteger(questions) || questions < 1) {
  console.error("Usage: npm run seed:large -- --questions N [--force] [--seed S]");
  process.exit(2);
}

const handle = await openDatabaseFromEnv();
try {
  console.log(`Seeding ${questions.toLocaleString("en")} questions into ${handle.driver}...`);
  const result = await seedLarge(handle.db, {
    questions,
    force: values.force,
    seed: values.seed ? Number(values.seed) : undefined,
    onProgress: ({ questions: done, rows, elapsedMs }) =>
      console.log(`  ${done.toLocaleString("en")} questions, ${rows.toLocaleString("en")} rows, ${Math.round(rows / (elapsedMs / 1000)).toLocaleString("en")} rows/s`),
    onStage: (stage) =>
      console.log(
        stage.stage === "knowledge base"
          ? `  ${stage.articles.toLocaleString("en")} knowledge-base articles (${seconds(stage.elapsedMs)} s)`
          : `  ${stage.awarded.toLocaleString("en")} badges awarded to ${stage.members.toLocaleString("en")} members checked (${seconds(stage.elapsedMs)} s)`,
      ),
  });
  const posts = result.questions + result.answers;
  console.log(
    `Done in ${seconds(result.elapsedMs)} s: ${result.users.toLocaleString("en")} users (and ${result.staff} staff), ${posts.toLocaleString("en")} posts ` +
      `(${result.questions.toLocaleString("en")} questions, ${result.answers.toLocaleString("en")} answers), ${result.votes.toLocaleString("en")} votes, ` +
      `${result.comments.toLocaleString("en")} comments, ${result.reputationEvents.toLocaleString("en")} ledger rows, ` +
      `${result.articles.toLocaleString("en")} knowledge-base articles (${result.publishedArticles.toLocaleString("en")} published, ${result.draftArticles.toLocaleString("en")} drafts), ` +
      `${result.badges.toLocaleString("en")} badges (backfill ${seconds(result.badgesMs)} s); ` +
      `${Math.round(result.rows / (result.elapsedMs / 1000)).toLocaleString("en")} rows/s, ${Math.round(posts / (result.elapsedMs / 1000)).toLocaleString("en")} posts/s.`,
  );
} catch (error) {
  if (!(error instanceof RealUsersPresentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await handle.close();
}

function seconds(ms: number) {
  return (ms / 1000).toFixed(1);
}
