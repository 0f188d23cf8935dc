// npm run eval:similar -- DIR [--run FILE]
// Measures the ask-time suggestions on a labelled corpus (format: the README beside the corpus
// folders): loads it into a FRESH database through the services the app stores questions with,
// runs suggestSimilar (the function the ask page calls) for every query, and prints MAP, MRR,
// P@1 and P@5 per split, in both conventions and both modes. A fresh in-memory PGlite by default;
// with DATABASE_URL, a new database on that server, dropped afterwards.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { config } from "~/config.server";
import { suggestSimilar } from "~/services/search/similar.server";
import { refreshSearchStatistics } from "~/services/search/statistics.server";
import { figures, type Figures, type Judged } from "./ranking-metrics";
import { loadCorpus, readCorpus, type CorpusQuery } from "./similar-corpus";

const USAGE = "Usage: npm run eval:similar -- DIR [--run FILE]\n  DIR holds corpus.jsonl and queries.jsonl; --run writes each query's re-ranked candidates.";
/** Results retrieved per query in whole-corpus mode, as many as a candidate list holds. */
const RETRIEVED = 10;

function parseArgs(argv: string[]) {
  let dir: string | null = null;
  let runFile: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--run") runFile = argv[++i] ?? null;
    else if (argv[i] === "--help" || argv[i] === "-h") return null;
    else if (!dir) dir = argv[i];
    else return null;
  }
  return dir && (runFile !== null || !argv.includes("--run")) ? { dir, runFile } : null;
}

async function openFreshDatabase(): Promise<DatabaseHandle & { label: string }> {
  const serverUrl = config().DATABASE_URL;
  if (!serverUrl) return { ...(await openDatabase({})), label: "a fresh in-memory PGlite" };
  const { default: postgres } = await import("postgres");
  const name = `peerdesk_eval_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    label: `a fresh PostgreSQL database (${name}, dropped afterwards)`,
    async close() {
      await handle.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

const pct = (value: number) => value.toFixed(2).padStart(6);

function table(title: string, rows: { split: string; judged: Judged[] }[]) {
  const lines = [
    title,
    `  split   queries | skip:  MAP    MRR    P@1    P@5  (queries) | official:  MAP    MRR    P@1    P@5`,
  ];
  for (const { split, judged } of rows) {
    const skip: Figures = figures(judged, "skip");
    const official: Figures = figures(judged, "official");
    lines.push(
      `  ${split.padEnd(6)} ${String(judged.length).padStart(7)} |     ${pct(skip.map)} ${pct(skip.mrr)} ${pct(skip.p1)} ${pct(skip.p5)}  (${String(skip.queries).padStart(3)})    |        ${pct(official.map)} ${pct(official.mrr)} ${pct(official.p1)} ${pct(official.p5)}`,
    );
  }
  return lines.join("\n");
}

function bySplit(queries: CorpusQuery[], judgedOf: Map<string, Judged>) {
  const splits = [...new Set(queries.map((query) => query.split).filter((split): split is string => Boolean(split)))].sort().reverse();
  const pick = (split: string | null) => queries.filter((query) => split === null || query.split === split).map((query) => judgedOf.get(query.query)!);
  return [...splits.map((split) => ({ split, judged: pick(split) })), { split: "all", judged: pick(null) }];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const { documents, queries } = readCorpus(args.dir);
  const byId = new Map(documents.map((document) => [document.id, document]));
  const handle = await openFreshDatabase();
  try {
    console.log(`eval:similar on ${path.basename(path.resolve(args.dir))}: ${documents.length} documents, ${queries.length} queries, in ${handle.label}`);
    const loadStart = performance.now();
    const { postIdOf, corpusIdOf } = await loadCorpus(handle.db, documents, (done) => process.stderr.write(`  stored ${done} of ${documents.length}\r`));
    // As the app does after a bulk load: the word-rarity snapshot suggestions weigh words by.
    await refreshSearchStatistics(handle.db);
    console.log(`Stored through askQuestion and postAnswer in ${((performance.now() - loadStart) / 1000).toFixed(0)} s.\n`);

    const rerank = new Map<string, Judged>();
    const whole = new Map<string, Judged>();
    const runLines: string[] = [];
    const timings: number[] = [];
    for (const query of queries) {
      const asked = byId.get(query.query)!;
      const input = { title: asked.title, body: asked.body };
      const relevantIds = (pool: string[] | null) => new Set(query.similar.filter((id) => pool === null || pool.includes(id)));
      if (query.candidates) {
        const candidateIds = query.candidates.map((id) => postIdOf.get(id)!);
        const start = performance.now();
        const ranked = await suggestSimilar(handle.db, input, { candidateIds, limit: candidateIds.length });
        timings.push(performance.now() - start);
        const ranking = ranked.map((result) => corpusIdOf.get(result.id)!);
        // Every candidate is scored; one missing would be a bug in the function, not a rank.
        if (ranking.length !== query.candidates.length) throw new Error(`query ${query.query}: ${ranking.length} of ${query.candidates.length} candidates ranked`);
        rerank.set(query.query, { ranking, relevant: relevantIds(query.candidates) });
        runLines.push(JSON.stringify({ query: query.query, ranking }));
      }
      const start = performance.now();
      const found = await suggestSimilar(handle.db, input, { excludeIds: [postIdOf.get(query.query)!], limit: RETRIEVED });
      timings.push(performance.now() - start);
      whole.set(query.query, { ranking: found.map((result) => corpusIdOf.get(result.id) ?? `article:${result.id}`), relevant: relevantIds(null) });
    }

    const withCandidates = queries.filter((query) => query.candidates);
    if (withCandidates.length > 0) console.log(table("Re-ranking each query's fixed candidates (compare with published figures here):", bySplit(withCandidates, rerank)), "\n");
    console.log(table(`Whole corpus: the first ${RETRIEVED} suggestions, the query itself left out:`, bySplit(queries, whole)));
    timings.sort((a, b) => a - b);
    console.log(
      `\nsuggestSimilar: median ${timings[Math.floor(timings.length / 2)].toFixed(1)} ms, p95 ${timings[Math.floor(timings.length * 0.95)].toFixed(1)} ms over ${timings.length} calls.`,
    );
    if (args.runFile) {
      writeFileSync(args.runFile, runLines.join("\n") + "\n");
      console.log(`Wrote ${runLines.length} re-ranked candidate lists to ${args.runFile}.`);
    }
  } finally {
    await handle.close();
  }
}

await main();
