// The server as it runs (the production build behind the same Express app), in this process so
// the queries it makes can be counted: anonymous pages come from the page cache, locked down by
// their script hashes, answer conditional requests, and change as soon as the data does; signed-in
// readers get their own page, with their session checked once.
import type { AddressInfo } from "node:net";
import path from "node:path";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { createApp } from "../../app/server/app";
import { PAGES_CHANGED_CHANNEL, PageCache } from "../../app/server/page-cache";
import { seedDemoDataIfEmpty } from "../../app/seed/seed-if-empty";
import { createFreshPostgresDatabase } from "../support/databases";
import { postForm, questionScore } from "../support/http";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("test/processes needs DATABASE_URL pointing at a PostgreSQL server.");

installGlobals({ nativeFetch: true });
let fresh: Awaited<ReturnType<typeof createFreshPostgresDatabase>>;
let handle: DatabaseHandle;
let base: string;
let close: () => void;
const queries: string[] = [];

beforeAll(async () => {
  fresh = await createFreshPostgresDatabase(serverUrl, "peerdesk_cache");
  handle = await openDatabase({ url: fresh.url, logger: { logQuery: (query) => void queries.push(query) } });
  await seedDemoDataIfEmpty(handle.db);
  const root = process.cwd();
  const build = (await import(path.join(root, "build", "index.js"))) as ServerBuild;
  const pageCache = new PageCache({ maxBytes: 16 * 1024 * 1024, maxAgeMs: 60_000, production: false });
  await handle.listen(PAGES_CHANGED_CHANNEL, () => pageCache.invalidate(), () => pageCache.invalidate());
  const server = createApp({ build, db: handle.db, root, production: false, trustProxy: undefined, pageCache }).listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
}, 120_000);

afterAll(async () => {
  close?.();
  await handle?.close();
  await fresh?.drop();
});

async function firstQuestionPath() {
  const html = await (await fetch(`${base}/questions`)).text();
  return /href="(\/questions\/\d+\/[a-z0-9-]+)"/.exec(html)![1];
}

function logIn(email: string) {
  return postForm(base, "/login", { email, password: "peerdesk-demo" }).then((response) => response.headers.get("set-cookie")!.split(";")[0]);
}

describe("anonymous page cache", () => {
  it("serves the second anonymous reader the kept page without asking the database, allowing only its own inline scripts", async () => {
    const path = await firstQuestionPath();
    const first = await fetch(`${base}${path}`);
    const firstHtml = await first.text();
    expect(first.headers.get("content-security-policy")).toMatch(/'nonce-/);
    await new Promise((resolve) => setTimeout(resolve, 100)); // kept once compressed
    queries.length = 0;
    const second = await fetch(`${base}${path}`);
    const html = await second.text();
    expect(queries).toEqual([]);
    expect(html).toBe(firstHtml);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    const policy = second.headers.get("content-security-policy")!;
    expect(policy).not.toMatch(/nonce/);
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(inline.length).toBeGreaterThan(0);
    const { createHash } = await import("node:crypto");
    for (const [, body] of inline) expect(policy).toContain(`'sha256-${createHash("sha256").update(body).digest("base64")}'`);
  });

  it("answers a reader who already has the page with 304 Not Modified", async () => {
    const path = await firstQuestionPath();
    const etag = (await fetch(`${base}${path}`)).headers.get("etag")!;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await fetch(`${base}${path}`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("shows a vote to the next anonymous reader at once", async () => {
    const path = await firstQuestionPath();
    const before = questionScore(await (await fetch(`${base}${path}`)).text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(questionScore(await (await fetch(`${base}${path}`)).text())).toBe(before); // from the cache
    const cookie = await logIn("gwen.halloran@example.com");
    const id = /\/questions\/(\d+)\//.exec(path)![1];
    const vote = await postForm(base, path, { intent: "vote", postId: id, direction: "up" }, cookie);
    expect(vote.status).toBe(302);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the notification arrives after the commit
    expect(questionScore(await (await fetch(`${base}${path}`)).text())).toBe(before + 1);
  });

  it("gives a signed-in reader their own fresh page, checking their session once", async () => {
    const path = await firstQuestionPath();
    await fetch(`${base}${path}`);
    const cookie = await logIn("sam.oduya@example.com");
    queries.length = 0;
    const response = await fetch(`${base}${path}`, { headers: { Cookie: cookie } });
    const html = await response.text();
    expect(html).toMatch(/class="site-account__me"[^>]*>(?:(?!<\/a>).)*Sam Oduya/s);
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-/);
    expect(queries.filter((query) => /from "sessions"/.test(query))).toHaveLength(1);
  });
});
