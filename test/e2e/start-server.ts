// Starts Peerdesk for the end-to-end tests on a database of its own: a fresh database on the
// PostgreSQL server named by DATABASE_URL (dropped afterwards), or else a fresh PGlite data
// directory in a temporary folder (removed afterwards). The app migrates and seeds demo data.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createFreshPostgresDatabase } from "../support/databases";
import { outboxDir as e2eOutboxDir } from "./outbox";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? "3100",
  RATE_LIMIT_LOGIN_PER_IP: "1000",
  RATE_LIMIT_SIGNUP_PER_IP: "1000",
  // Every browser in the run searches from 127.0.0.1.
  RATE_LIMIT_SEARCH_PER_IP: "5000",
  // Sign-ups wait for their emailed link: deliver it promptly.
  EMAIL_POLL_MS: "200",
};

// Emails the app sends during the run land here (the app's development outbox), not in ./data;
// test/e2e/outbox.ts reads them (a folder named after the port, emptied first).
const outboxDir = e2eOutboxDir(env.PORT);
rmSync(outboxDir, { recursive: true, force: true });
mkdirSync(outboxDir, { recursive: true });
env.OUTBOX_DIR = outboxDir;

let cleanup: () => Promise<void> | void = () => {};
let cleanedUp = false;
async function cleanUpOnce() {
  if (cleanedUp) return;
  cleanedUp = true;
  try {
    rmSync(outboxDir, { recursive: true, force: true });
    await cleanup();
  } catch (error) {
    console.error("[e2e] cleanup failed:", error);
  }
}

if (process.env.DATABASE_URL) {
  const fresh = await createFreshPostgresDatabase(process.env.DATABASE_URL, "peerdesk_e2e");
  env.DATABASE_URL = fresh.url;
  delete env.PGLITE_DATA_DIR;
  console.log(`[e2e] using fresh PostgreSQL database ${fresh.name}`);
  cleanup = () => fresh.drop();
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), "peerdesk-e2e-"));
  env.PGLITE_DATA_DIR = dir;
  console.log(`[e2e] using fresh PGlite data directory ${dir}`);
  cleanup = () => rmSync(dir, { recursive: true, force: true });
}

const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/server/index.ts"], {
  cwd: root,
  env,
  stdio: "inherit",
});

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill(signal);
    // Give the server a moment to close its database before dropping or removing it.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve();
      }, 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  await cleanUpOnce();
  process.exit(0);
}

process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGHUP", () => void stop("SIGTERM"));

child.on("exit", async (code, signal) => {
  if (stopping) return;
  // The server stopped on its own (a crash, or a signal sent straight to it): clean up and pass it on.
  stopping = true;
  await cleanUpOnce();
  process.exit(code ?? (signal ? 1 : 0));
});

// Last resort for the PGlite folder if we exit some other way (the database drop needs async work).
process.on("exit", () => {
  if (cleanedUp) return;
  rmSync(outboxDir, { recursive: true, force: true });
  if (env.PGLITE_DATA_DIR) rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
});
