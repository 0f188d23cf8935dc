// One measured load: the CPU of the app process (and of PostgreSQL's backends for its database)
// is read from /proc before and after, while a separate process (load-child.ts) drives the
// requests. Figures are per request, so scenarios of different speeds compare directly.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { cpuBetween, cpuOfPids, withChildren } from "./server";

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
  /** Stop after this many requests instead of after `seconds`. */
  amount?: number;
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

/** CPU of the target's processes now: the app's, and PostgreSQL's backends' per pid (null without them). */
async function readCpu(target: Target) {
  return { app: cpuOfPids(withChildren(target.pid)), postgres: target.postgresPids ? cpuOfPids(await target.postgresPids()) : null };
}

/**
 * Waits until the app (and its backends) use no more CPU than a clock tick or two per 300 ms, or
 * 15 s have passed: when a load stops, the requests still in flight are finished by the server
 * after the client has gone, and that work belongs to the load that sent them, not the next one.
 */
async function settle(target: Target) {
  const deadline = Date.now() + 15_000;
  let quiet = 0;
  let last = await readCpu(target);
  while (quiet < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await readCpu(target);
    const used = cpuBetween(last.app, now.app) + (last.postgres && now.postgres ? cpuBetween(last.postgres, now.postgres) : 0);
    quiet = used <= 20 ? quiet + 1 : 0;
    last = now;
  }
}

/**
 * Drives one load and charges the CPU the server spent on it: read after the server has settled,
 * so it includes the requests still in flight when the load stopped. With one request outstanding
 * per connection (a closed loop, no pipelining), those are `connections` more requests than were
 * answered, and the CPU is divided by that total. (Remix may skip rendering a request whose client
 * has gone, so this leans slightly low; dividing by the answered ones alone would lean far high
 * when a slow page meets many connections in a short run.)
 */
export async function measure(target: Target, job: Omit<LoadJob, "origin">): Promise<Measurement> {
  await settle(target);
  const before = await readCpu(target);
  const result = await driveLoad({ ...job, origin: target.origin });
  await settle(target);
  const appAfter = cpuOfPids(withChildren(target.pid));
  // Backends that appeared during the load count from zero; one that ended took its CPU along (rare: the pool keeps them).
  const pgAfter = before.postgres && target.postgresPids ? cpuOfPids([...new Set([...before.postgres.keys(), ...(await target.postgresPids())])]) : null;
  const served = result.requests + job.connections;
  const perRequest = (ms: number) => (result.requests > 0 ? ms / served : 0);
  const failed = Object.entries(result.statuses).reduce((sum, [status, count]) => (Number(status) >= 200 && Number(status) < 400 ? sum : sum + count), 0);
  return {
    ...result,
    failed,
    cpuMsPerRequest: {
      app: perRequest(cpuBetween(before.app, appAfter)),
      // Null when PostgreSQL is inside the app (PGlite) or on another machine (no pids of it in our /proc).
      postgres: before.postgres && pgAfter && pgAfter.size > 0 ? perRequest(cpuBetween(before.postgres, pgAfter)) : null,
    },
  };
}
