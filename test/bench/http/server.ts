// Process control and /proc readings for the HTTP bench: starting a server as a child process on a
// free port and waiting until it answers, and reading how much CPU time and memory a process (or
// PostgreSQL's backends for one database) has used. Linux only: the figures come from /proc.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync, readdirSync } from "node:fs";
import net from "node:net";

export interface RunningServer {
  child: ChildProcess;
  pid: number;
  origin: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs `node <args>` with `env` and PORT set, and resolves once `readyPath` answers 200. The node
 * process itself is the child (no shell or npm in between), so its pid is the one to measure.
 * Its output is kept and shown if it fails to start, and also written to `logFile` when given.
 */
export async function startServer(
  args: string[],
  env: Record<string, string>,
  options: { readyPath?: string; timeoutMs?: number; logFile?: string } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const log = options.logFile ? createWriteStream(options.logFile) : null;
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (chunk) => {
      if (output.length < 100_000) output += chunk;
      log?.write(chunk);
    });
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not answer ${options.readyPath ?? "/"} in time:\n${output}`);
    }
    const ok = await fetch(origin + (options.readyPath ?? "/")).then((response) => response.ok, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    child,
    pid: child.pid!,
    origin,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Clock ticks per second, the unit of /proc/<pid>/stat's CPU times (100 on almost every Linux). */
export const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU milliseconds (user + system, all threads) a live process has used, or null when it is gone or not ours to see. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Resident memory of a live process in bytes (VmRSS), or null. */
export function rssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** A process and its children (the workers of a WEB_CONCURRENCY server), found by their parent pid in /proc. */
export function withChildren(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The parent pid is the second field after the command name (which is in parentheses).
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) pids.push(Number(entry));
    } catch {
      // gone since the directory was read
    }
  }
  return pids;
}

/** CPU milliseconds of each pid in the list that is still alive. */
export function cpuOfPids(pids: number[]): Map<number, number> {
  const result = new Map<number, number>();
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms !== null) result.set(pid, ms);
  }
  return result;
}

/** CPU used between two readings of the same processes; a process that appeared in between counts from zero. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * The PostgreSQL backends serving one database (the app server's pool), found through
 * pg_stat_activity on a connection of our own (left out). Only meaningful when PostgreSQL runs on
 * this machine, so its pids are in our /proc; otherwise their CPU reads as null.
 *
 * Caveats: the shared background processes (WAL writer, checkpointer, autovacuum) are not counted,
 * and a backend that ends during a scenario takes its CPU with it. The app's pool keeps its
 * connections open, so in practice the backends seen before and after a scenario are the same.
 */
export async function postgresBackends(databaseUrl: string) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [{ datname }] = await sql<{ datname: string }[]>`select current_database() as datname`;
  return {
    async pids(): Promise<number[]> {
      const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${datname} and pid <> pg_backend_pid()`;
      return rows.map((row) => row.pid);
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
