// WEB_CONCURRENCY: one command starts a primary (migrations, demo data, timed jobs) and N workers
// that share the port; stopping the primary stops them all. Needs PostgreSQL (DATABASE_URL): the
// embedded database allows one process, so there the setting is refused with a warning.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshPostgresDatabase } from "../support/databases";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("test/processes needs DATABASE_URL pointing at a PostgreSQL server.");

const port = 3215;
let fresh: Awaited<ReturnType<typeof createFreshPostgresDatabase>>;
beforeAll(async () => {
  fresh = await createFreshPostgresDatabase(serverUrl, "peerdesk_workers");
});
afterAll(async () => {
  await fresh?.drop();
});

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/index.ts"], {
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", SEED_DEMO_DATA: "false", OUTBOX_DIR: path.join(os.tmpdir(), `peerdesk-workers-${process.pid}`), ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const waitFor = async (pattern: RegExp, times = 1) => {
    for (let i = 0; i < 240 && (output.match(new RegExp(pattern, "g"))?.length ?? 0) < times; i++) await new Promise((resolve) => setTimeout(resolve, 250));
    return output;
  };
  return { child, waitFor, output: () => output };
}

describe("WEB_CONCURRENCY", () => {
  it("serves from two worker processes on one port, and stopping the primary stops them", async () => {
    const server = startServer({ DATABASE_URL: fresh.url, WEB_CONCURRENCY: "2" });
    const output = await server.waitFor(/listening on .*\(worker \d+/, 2);
    expect(output).toMatch(/Starting 2 worker processes/);
    expect(output).toMatch(/\(worker 1,/);
    expect(output).toMatch(/\(worker 2,/);
    for (let i = 0; i < 6; i++) expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/questions`)).status).toBe(200);
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGTERM");
    await exited;
    // The workers went with it: nobody answers on the port.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 90_000);
});
