// Two app processes on one PostgreSQL: what one process writes (a session, a rate-limit
// counter, a vote) the other sees, because no state lives in the app process but its page cache,
// which every process empties at each change. Needs a real
// PostgreSQL server (DATABASE_URL) and a built app (`npm run test:processes` builds it).
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshPostgresDatabase } from "../support/databases";
import { postForm, questionScore, readCachedPage, readPage } from "../support/http";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("test/processes needs DATABASE_URL pointing at a PostgreSQL server (PGlite is one process only).");

const ports = [3211, 3212];
const children: ChildProcess[] = [];
let fresh: Awaited<ReturnType<typeof createFreshPostgresDatabase>>;

async function waitForHealth(port: number) {
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server on ${port} did not start`);
}

function start(port: number, seed: boolean) {
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/index.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: fresh.url,
      PORT: String(port),
      SEED_DEMO_DATA: seed ? "true" : "false",
      NODE_ENV: "development",
      OUTBOX_DIR: path.join(os.tmpdir(), `peerdesk-procs-outbox-${process.pid}`),
    },
    stdio: "inherit",
  });
  children.push(child);
  return waitForHealth(port);
}

beforeAll(async () => {
  fresh = await createFreshPostgresDatabase(serverUrl, "peerdesk_procs");
  await start(ports[0], true); // migrates and seeds first
  await start(ports[1], false);
}, 180_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await fresh?.drop();
});

const origin = (port: number) => `http://127.0.0.1:${port}`;
const post = (port: number, path: string, fields: Record<string, string>, cookie?: string) => postForm(origin(port), path, fields, cookie);
const page = (port: number, path: string, cookie?: string) => readPage(origin(port), path, cookie);

describe("two app processes, one database", () => {
  it("a session made on one process is honoured by the other, and logging out on it ends it for both", async () => {
    const login = await post(ports[0], "/login", { email: "sam.oduya@example.com", password: "peerdesk-demo" });
    expect(login.status).toBe(302);
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    // Sign-up now waits for an emailed link, so a demo member logs in; the header names whoever is signed in.
    const signedInAs = /class="site-account__me"[^>]*>(?:(?!<\/a>).)*Sam Oduya/s;
    expect((await page(ports[1], "/", cookie)).html).toMatch(signedInAs);
    await post(ports[1], "/logout", {}, cookie);
    expect((await page(ports[0], "/", cookie)).html).not.toMatch(signedInAs);
  });

  it("a login rate limit counted on one process applies on the other", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await post(ports[i % 2], "/login", { email: "barry.tillman@example.com", password: `wrong ${i}` })).status);
    expect(statuses).toEqual(Array(10).fill(400));
    const next = await post(ports[1], "/login", { email: "barry.tillman@example.com", password: "peerdesk-demo" });
    expect(next.status).toBe(429);
    expect(Number(next.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("a vote cast on one process shows, within a second, in the score the other serves, even from its page cache", async () => {
    const login = await post(ports[0], "/login", { email: "gwen.halloran@example.com", password: "peerdesk-demo" });
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    // The home page is the newest list; questions are read at their own (slugged) addresses, as a slugless one answers 301.
    const list = await page(ports[1], "/");
    const paths = [...new Set([...list.html.matchAll(/href="(\/questions\/(\d+)\/[a-z0-9-]+)"/g)].map((match) => match[1]))];
    // Find a question Gwen did not write and has not voted on.
    for (const path of paths) {
      const id = Number(/^\/questions\/(\d+)\//.exec(path)![1]);
      const before = await page(ports[1], path, cookie);
      // A pressed vote button (the footer's theme switch also uses aria-pressed, so match the vote's class).
      if (/class="vote-button" aria-pressed="true"/.test(before.html) || /asked[\s\S]{0,400}Gwen Halloran/.test(before.html)) continue;
      const score = questionScore(before.html);
      // An anonymous reader of the other process has the page in its cache (the second read comes from it).
      const cached = await readCachedPage(`http://127.0.0.1:${ports[1]}`, path);
      expect(cached.headers.get("content-security-policy")).toMatch(/'sha256-/);
      const vote = await post(ports[0], path, { intent: "vote", postId: String(id), direction: "up" }, cookie);
      expect(vote.status).toBe(302);
      // Within a second, the other process's anonymous reader sees it.
      const voted = Date.now();
      let seen = score;
      while (seen !== score + 1 && Date.now() - voted < 1000) {
        seen = questionScore((await page(ports[1], path)).html);
        if (seen !== score + 1) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(seen).toBe(score + 1);
      return;
    }
    throw new Error("no question to vote on");
  });

  it("a client that reuses a keep-alive connection after six idle seconds gets its answer, not a reset", async () => {
    // Node's default closes idle connections after 5 s, racing clients (and proxies) that reuse
    // them: the request is lost with ECONNRESET. One socket, two requests, six seconds apart.
    const socket = net.connect(ports[0], "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    const closed = new Promise((resolve) => socket.on("close", resolve));
    const request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n";
    const answers = () => received.match(/HTTP\/1\.1 200/g)?.length ?? 0;
    socket.write(request);
    for (let i = 0; i < 50 && answers() < 1; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 6000));
    if (!socket.destroyed) socket.write(request);
    for (let i = 0; i < 50 && answers() < 2 && !socket.destroyed; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await closed;
    expect(answers()).toBe(2);
  }, 20_000);
});
