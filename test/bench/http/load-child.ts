// The load generator, run as its own process (forked by load.ts) so that generating the load never
// competes with the measured server inside one event loop, and its CPU is never counted as the
// server's. It receives a job over IPC, drives autocannon over loopback for the given seconds
// (each request taking the next entry of the job's request list, so one scenario touches many
// distinct URLs, sessions and posts), and sends back what it saw.
import autocannon from "autocannon";
import type { LoadJob, LoadResult } from "./load";

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

async function run(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const instance = autocannon({
    url: job.origin,
    connections: job.connections,
    ...(job.amount ? { amount: job.amount } : { duration: job.seconds }),
    timeout: 30,
    requests: [
      {
        // Every connection takes the next request of the list, round and round.
        setupRequest: (request) => {
          const entry = job.requests[next++ % job.requests.length];
          return { ...request, method: entry.method ?? "GET", path: entry.path, headers: { ...request.headers, ...job.headers, ...entry.headers }, body: entry.body ?? "" };
        },
      },
    ],
  });
  instance.on("response", (_client, statusCode, resBytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    bytes += resBytes;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds: result.duration,
    requestsPerSecond: latencies.length / result.duration,
    latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99) },
    meanBytes: latencies.length ? bytes / latencies.length : 0,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

process.once("message", (job: LoadJob) => {
  run(job).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
