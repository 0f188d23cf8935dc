// npm run bench: the real production server under load from a separate process, scenario by
// scenario, on a forum of BENCH_QUESTIONS questions (default 20,000) made by seed:large's
// generator and kept between runs (see data.ts). Settings:
//   DATABASE_URL       a PostgreSQL server (database peerdesk_bench_<questions> on it); unset: PGlite
//   BENCH_QUESTIONS    forum size (default 20000)
//   BENCH_SECONDS      load per scenario (default 10)
//   BENCH_CONNECTIONS  concurrent connections (default 32)
//   BENCH_JSON         where the JSON goes (default bench-results.json in the system's temp folder)
//   BENCH_WORKERS      app processes (WEB_CONCURRENCY; default 1; PostgreSQL only); CPU counts them all
//   BENCH_NODE_ARGS    extra node flags for the app server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//   BENCH_ONLY         comma-separated scenario names to run (default: all)
//   BENCH_DATABASE     another name for the kept data; BENCH_FRESH=1 remakes it (the smoke test uses both)
// Timings of the services alone, in-process, are `npm run bench:services` (test/bench/run.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { recount } from "~/services/recount.server";
import { CALIBRATION_BODY_BYTES, startCalibrationServer } from "./calibrate";
import { prepareData } from "./data";
import { driveLoad, measure, type Target } from "./load";
import { questionPageJavaScript } from "./page-weight";
import { printTable, writeJson, type BenchReport, type ScenarioFigures } from "./report";
import { buildScenarios, onlyThe, warmUpRequests } from "./scenarios";
import { postgresBackends, rssBytes, startServer, withChildren } from "./server";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1`);
  return value;
};
const settings = {
  questions: setting("BENCH_QUESTIONS", 20_000),
  seconds: setting("BENCH_SECONDS", 10),
  connections: setting("BENCH_CONNECTIONS", 32),
  workers: setting("BENCH_WORKERS", 1),
};
const jsonFile = process.env.BENCH_JSON || path.join(os.tmpdir(), "bench-results.json");
// Every response the browser would get, compressed as a browser asks for it.
const headers = { "accept-encoding": "gzip, deflate, br", "user-agent": "peerdesk-bench" };

const loadAtStart = os.loadavg()[0];

// 1. The production build, made if missing.
if (!existsSync(path.join(root, "build", "index.js")) || !existsSync(path.join(root, "public", "build"))) {
  console.log("No production build yet: running npx remix build...");
  const built = spawnSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error("remix build failed");
}

// 2. The data, and the scenarios drawn from it (sessions included), while the database is ours alone.
const data = await prepareData({ questions: settings.questions, serverUrl: process.env.DATABASE_URL, name: process.env.BENCH_DATABASE || undefined, fresh: process.env.BENCH_FRESH === "1" });
console.log(`Data: ${data.where}${data.reused ? " (reused: made by an earlier run)" : ""}`);
const setup = await data.open();
const everyScenario = await buildScenarios(setup.db);
const scenarioSet = onlyThe(everyScenario, process.env.BENCH_ONLY);
await setup.close();

// 3. The calibration server, then the app, each measured alone.
const measureJob = { seconds: settings.seconds, connections: settings.connections, headers };
console.log(`Calibrating: bare node:http, ${settings.connections} connections, ${settings.seconds} s...`);
const bare = await startCalibrationServer();
let calibration: Awaited<ReturnType<typeof measure>>;
try {
  calibration = await measure({ origin: bare.origin, pid: bare.pid }, { ...measureJob, requests: Array.from({ length: 500 }, (_, i) => ({ path: `/page/${i}` })) });
} finally {
  await bare.stop(); // also when the load fails: no calibration server is left behind
}

const serverLog = path.join(os.tmpdir(), `${data.name.replaceAll("_", "-")}-server.log`);
const outbox = mkdtempSync(path.join(os.tmpdir(), "peerdesk-bench-outbox-"));
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
const app = await startServer([...nodeArgs, "--import", "tsx", path.join(root, "app", "server", "index.ts")], {
  ...data.serverEnv,
  NODE_ENV: "production",
  SEED_DEMO_DATA: "false",
  WEB_CONCURRENCY: String(settings.workers),
  OUTBOX_DIR: outbox,
  // Every request comes from 127.0.0.1: the per-address search limit would turn the search scenario into 429s.
  RATE_LIMIT_SEARCH_PER_IP: "1000000000",
}, { readyPath: "/healthz", logFile: serverLog });
console.log(`App server pid ${app.pid} at ${app.origin}; its output goes to ${serverLog}`);
const backends = data.serverEnv.DATABASE_URL ? await postgresBackends(data.serverEnv.DATABASE_URL) : null;
const target: Target = { origin: app.origin, pid: app.pid, postgresPids: backends?.pids };

let report: BenchReport;
try {
  const warmUp = warmUpRequests(scenarioSet.scenarios.some((s) => !s.writes) ? scenarioSet : everyScenario);
  console.log(`Warming up the app (${Math.min(3, settings.seconds)} s over every read scenario)...`);
  await driveLoad({ ...measureJob, origin: app.origin, seconds: Math.min(3, settings.seconds), requests: warmUp });

  const scenarios: ScenarioFigures[] = [];
  for (const scenario of scenarioSet.scenarios) {
    const job = { ...measureJob, headers: scenario.writes ? { ...headers, origin: app.origin } : headers, requests: scenario.requests };
    // Each read scenario's distinct requests once, just before it is measured: what a busy forum's
    // readers meet is a warm page cache (kept pages expire after a minute), so that is what is timed.
    // The misses' cost shows in the signed-in scenarios, which are never cached.
    if (!scenario.writes) await driveLoad({ ...job, origin: app.origin, amount: Math.max(scenario.requests.length, job.connections) });
    const figures = await measure(target, job);
    console.log(`  ${scenario.label}: ${scenario.requests.length} distinct requests, ${figures.requests} answered, ${figures.requestsPerSecond.toFixed(0)}/s`);
    scenarios.push({ name: scenario.name, label: scenario.label, distinctRequests: scenario.requests.length, ...figures, ratioToCalibration: figures.requestsPerSecond / calibration.requestsPerSecond });
  }
  const firstQuestion = everyScenario.scenarios.find((s) => s.name === "question")!.requests[0].path;
  const javaScript = await questionPageJavaScript(app.origin, firstQuestion);
  const serverRssBytes = withChildren(app.pid).reduce((sum, pid) => sum + (rssBytes(pid) ?? 0), 0);
  await backends?.close();
  await app.stop();

  // 4. The caches the write mix moved, recounted from the rows (the server is stopped: PGlite is single-process).
  const checked = await data.open();
  const drift = await recount(checked.db);
  await checked.close();
  const byKind: Record<string, number> = {};
  for (const row of drift) byKind[row.what] = (byKind[row.what] ?? 0) + 1;

  report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", node: process.version, loadAverage: { start: loadAtStart, end: os.loadavg()[0] } },
    database: { driver: data.serverEnv.DATABASE_URL ? "postgres" : "pglite", where: data.where, reused: data.reused },
    settings,
    calibration: { ...calibration, bodyBytes: CALIBRATION_BODY_BYTES },
    scenarios,
    skipped: scenarioSet.skipped,
    recount: { drift: drift.length, byKind },
    serverRssBytes,
    questionPageJavaScript: javaScript,
  };
} finally {
  await backends?.close().catch(() => {});
  await app.stop();
  rmSync(outbox, { recursive: true, force: true });
}

console.log(`\nPeerdesk HTTP bench, ${report.database.where}, ${settings.questions.toLocaleString("en")} questions, ${settings.connections} connections, ${settings.seconds} s per scenario, ${settings.workers} app process${settings.workers === 1 ? "" : "es"}, ${report.machine.cpus} CPUs (${report.machine.model}), load average ${report.machine.loadAverage.start.toFixed(1)} at the start, ${report.machine.loadAverage.end.toFixed(1)} at the end\n`);
printTable(report);
writeJson(report, jsonFile);
