// `npm run bench` still works: the whole HTTP bench, on a tiny forum (30 questions, one second per
// scenario, two connections), against the built app. It checks that every scenario ran and was
// answered as expected and that the report is complete, never how fast anything was. Runs on
// DATABASE_URL's server in its own database (peerdesk_bench_smoke, remade each time and dropped
// afterwards), or on PGlite when DATABASE_URL is unset. Needs a build (`npm run test:processes` makes it).
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import type { BenchReport } from "../bench/http/report";

const root = fileURLToPath(new URL("../..", import.meta.url));
const DATABASE = "peerdesk_bench_smoke";
const jsonFile = path.join(os.tmpdir(), `peerdesk-bench-smoke-${process.pid}.json`);
const serverUrl = process.env.DATABASE_URL;

function runBench(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "test", "bench", "http", "run.ts")], {
      cwd: root,
      env: { ...process.env, BENCH_QUESTIONS: "30", BENCH_SECONDS: "1", BENCH_CONNECTIONS: "2", BENCH_DATABASE: DATABASE, BENCH_FRESH: "1", BENCH_JSON: jsonFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

afterAll(async () => {
  rmSync(jsonFile, { force: true });
  if (serverUrl) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${DATABASE}" with (force)`);
    await admin.end();
  } else {
    rmSync(path.join(os.tmpdir(), DATABASE.replaceAll("_", "-")), { recursive: true, force: true });
  }
});

describe(`npm run bench on a tiny forum (${serverUrl ? "PostgreSQL" : "PGlite"})`, () => {
  it("runs every scenario without failures and writes a complete report", async () => {
    const { code, output } = await runBench();
    expect(code, output).toBe(0);
    const report = JSON.parse(readFileSync(jsonFile, "utf8")) as BenchReport;

    expect(report.calibration.requests).toBeGreaterThan(0);
    expect(report.calibration.failed).toBe(0);
    const names = report.scenarios.map((s) => s.name);
    // seed:large writes published knowledge-base articles (at least a handful), so none is skipped.
    expect(names).toEqual(["home", "tag", "question", "question-signed-in", "deep-list", "profile", "article", "search", "suggestions", "votes", "writes"]);
    expect(report.skipped).toEqual([]);
    for (const scenario of report.scenarios) {
      expect(scenario.requests, scenario.name).toBeGreaterThan(0);
      expect(scenario.errors + scenario.timeouts + scenario.failed, scenario.name).toBe(0);
      // Pages answer 200; writes redirect back to the question (302).
      expect(Object.keys(scenario.statuses), scenario.name).toEqual([scenario.name === "writes" || scenario.name === "votes" ? "302" : "200"]);
      expect(scenario.cpuMsPerRequest.app, scenario.name).toBeGreaterThanOrEqual(0);
      if (serverUrl) expect(scenario.cpuMsPerRequest.postgres, scenario.name).toBeGreaterThanOrEqual(0);
      else expect(scenario.cpuMsPerRequest.postgres, scenario.name).toBeNull();
      expect(scenario.ratioToCalibration, scenario.name).toBeGreaterThan(0);
    }
    expect(report.recount.drift).toBe(0);
    expect(report.serverRssBytes).toBeGreaterThan(0);
    expect(report.questionPageJavaScript.scripts).toBeGreaterThan(0);
    expect(report.questionPageJavaScript.gzipBytes).toBeGreaterThan(0);
  }, 180_000);
});
