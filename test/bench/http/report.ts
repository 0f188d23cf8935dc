// The bench's output: one readable table on the console, and everything as JSON in a file for
// comparing runs (and for the smoke test to check).
import { writeFileSync } from "node:fs";
import type { Measurement } from "./load";
import type { PageWeight } from "./page-weight";

export interface ScenarioFigures extends Measurement {
  name: string;
  label: string;
  distinctRequests: number;
  /** Requests per second as a fraction of the bare node:http server's. */
  ratioToCalibration: number;
}

export interface BenchReport {
  date: string;
  /** loadAverage: the 1-minute load average at the start and end of the run; above the CPU count, other work was competing. */
  machine: { cpus: number; model: string; node: string; loadAverage: { start: number; end: number } };
  database: { driver: "postgres" | "pglite"; where: string; reused: boolean };
  settings: { questions: number; seconds: number; connections: number; workers: number };
  calibration: Measurement & { bodyBytes: number };
  scenarios: ScenarioFigures[];
  skipped: { name: string; why: string }[];
  recount: { drift: number; byKind: Record<string, number> };
  serverRssBytes: number | null;
  questionPageJavaScript: PageWeight;
}

const fixed = (value: number | null, digits: number) => (value === null ? "n/a" : value.toFixed(digits));

export function printTable(report: BenchReport) {
  const header = ["scenario", "answered", "req/s", "x bare", "p50 ms", "p95 ms", "p99 ms", "bytes/resp", "not 2xx/3xx", "app CPU ms/req", "pg CPU ms/req"];
  const row = (label: string, m: Measurement, ratio: number) => [
    label,
    String(m.requests),
    fixed(m.requestsPerSecond, 0),
    fixed(ratio, 3),
    fixed(m.latencyMs.p50, 1),
    fixed(m.latencyMs.p95, 1),
    fixed(m.latencyMs.p99, 1),
    fixed(m.meanBytes, 0),
    String(m.failed + m.errors),
    fixed(m.cpuMsPerRequest.app, 2),
    fixed(m.cpuMsPerRequest.postgres, 2),
  ];
  const lines = [header, row("bare node:http, 20 KB (calibration)", report.calibration, 1), ...report.scenarios.map((s) => row(s.label, s, s.ratioToCalibration))];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  for (const line of lines) console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  "));
  if (report.database.driver === "pglite") console.log("PGlite runs inside the app process: its CPU is in the app column.");
  for (const skip of report.skipped) console.log(`skipped ${skip.name}: ${skip.why}`);
  console.log(`\nrecount after the write mix: ${report.recount.drift === 0 ? "no drift" : `${report.recount.drift} drifted value(s) ${JSON.stringify(report.recount.byKind)}`}`);
  console.log(`server RSS after the run: ${report.serverRssBytes === null ? "n/a" : `${(report.serverRssBytes / 1024 / 1024).toFixed(0)} MB`}`);
  const js = report.questionPageJavaScript;
  console.log(`question page JavaScript: ${js.scripts} files, ${(js.rawBytes / 1024).toFixed(0)} KB, ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped (level 9)`);
}

export function writeJson(report: BenchReport, file: string) {
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  console.log(`\nAll figures as JSON: ${file}`);
}
