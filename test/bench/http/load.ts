// One measured load: the CPU of the app process (and of PostgreSQL's backends for its database)
// is read from /proc before and after, while a separate process (load-child.ts) drives the
// requests. Figures are per request, so scenarios of different speeds compare directly.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { cpuBetween, cpuOfPids } from "./server";

export interface BenchRequest {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadJob {
  origin: string;
  connections: number;
  seconds: number;
  /** Sent with every request (each entry's own headers win). */
  headers?: Record<string, string>;
  requests: BenchRequest[];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** What autocannon read per response: status line, headers and (compressed) body. */
  meanBytes: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** Whose CPU a load is charged to: the app process, and PostgreSQL's backends when they are separate processes. */
export interface Target {
  origin: string;
  pid: number;
  postgresPids?: () => Promise<number[]>;
}

export interface Measurement extends LoadResult {
  /** Responses outside 2xx and 3xx. */
  failed: number;
  cpuMsPerRequest: { app: number; postgres: number | null };
}

const childScript = fileURLToPath(new URL("./load-child.ts", import.meta.url));

/** Runs the job from a child process and waits for its figures. */
export function driveLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(childScript, { execArgv: ["--import", "tsx"], stdio: "inherit" });
    let result: LoadResult | undefined;
    child.once("message", (message) => (result = message as LoadResult));
    child.once("error", reject);
    child.once("exit", (code) => (result ? resolve(result) : reject(new Error(`load generator exited with ${code}`))));
    child.send(job);
  });
}

export async function measure(target: Target, job: Omit<LoadJob, "origin">): Promise<Measurement> {
  const pgBefore = target.postgresPids ? cpuOfPids(await target.postgresPids()) : null;
  const appBefore = cpuOfPids([target.pid]);
  const result = await driveLoad({ ...job, origin: target.origin });
  const appAfter = cpuOfPids([target.pid]);
  const pgAfter = target.postgresPids && pgBefore ? cpuOfPids([...new Set([...pgBefore.keys(), ...(await target.postgresPids())])]) : null;
  const perRequest = (ms: number) => (result.requests > 0 ? ms / result.requests : 0);
  const failed = Object.entries(result.statuses).reduce((sum, [status, count]) => (Number(status) >= 200 && Number(status) < 400 ? sum : sum + count), 0);
  return {
    ...result,
    failed,
    cpuMsPerRequest: {
      app: perRequest(cpuBetween(appBefore, appAfter)),
      // Null when PostgreSQL is inside the app (PGlite) or on another machine (no pids of it in our /proc).
      postgres: pgBefore && pgAfter && pgAfter.size > 0 ? perRequest(cpuBetween(pgBefore, pgAfter)) : null,
    },
  };
}
