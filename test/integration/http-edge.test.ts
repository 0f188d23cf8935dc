// The HTTP edge, through the real routes: where a sign-in may send you, how much of a body is
// read, and what a NUL in a form field does. Each case here was a defect found by an outside probe.
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { desc, eq } from "drizzle-orm";
import express from "express";
import { describe, expect, it } from "vitest";
import { kbArticleRevisions, postRevisions } from "../../db/schema";
import * as kbEdit from "~/routes/kb.$slug.edit";
import * as login from "~/routes/login";
import * as preview from "~/routes/markdown-preview";
import * as postEdit from "~/routes/posts.$id.edit";
import * as ask from "~/routes/questions.ask";
import * as signup from "~/routes/signup";
import * as confirm from "~/routes/signup_.confirm";
import { FORM_BYTES_LIMIT } from "~/http/body.server";
import { guardRequests, trustProxySetting } from "~/server/security";
import { promoteAnswer } from "~/services/knowledge-base.server";
import { acceptAnswer } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { TEST_PASSWORD, makeAnswer, makeQuestion, makeUser, sessionCookieFor, signUpLinkFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();

const offSite = [
  "/.//evil.example",
  "/.//evil.example/x",
  "/..//evil.example",
  "/%2e%2e//evil.example",
  "//evil.example",
  "/\\evil.example",
  "/%5cevil.example",
  "/\t/evil.example",
  "https://evil.example",
  "javascript:alert(1)",
];

describe("where signing in sends you", () => {
  it.each(offSite)("the login page, already signed in, never sends you off the site for %j", async (target) => {
    const user = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, user.id);
    const result = await callRoute(async () =>
      login.loader({ request: getRequest(`/login?redirectTo=${encodeURIComponent(target)}`, cookie), params: {}, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
  });

  it.each(offSite)("logging in never sends you off the site for %j", async (target) => {
    const user = await makeUser(t.db);
    const result = await callRoute(async () =>
      login.action({ request: formRequest("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: target }), params: {}, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
  });

  it.each(offSite.map((target, i) => [target, i] as const))("signing up never sends you off the site for %j", async (target, i) => {
    const fields = { email: `redirect-${i}-${Date.now()}@example.com`, displayName: `Redirect Tester ${i}`, password: TEST_PASSWORD, redirectTo: target };
    const asked = await callRoute(async () => signup.action({ request: formRequest("/signup", fields), params: {}, context: contextFor(t.db, `198.51.100.${i + 1}`) }));
    expect(asked.status).toBe(200);
    // Sign-up finishes behind an emailed link: the link carries no off-site target...
    const link = await signUpLinkFor(t.db, fields.email);
    expect(new URL(link.path, "http://localhost").searchParams.get("redirectTo")).toBeNull();
    // ...and its button, even when handed one, stays on the site.
    const result = await callRoute(async () =>
      confirm.action({ request: formRequest("/signup/confirm", { token: link.token, redirectTo: target }), params: {}, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
  });

  it("still goes back to the page on this site that asked you to sign in", async () => {
    const user = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, user.id);
    const result = await callRoute(async () =>
      login.loader({ request: getRequest(`/login?redirectTo=${encodeURIComponent("/questions/5?sort=top#answer-3")}`, cookie), params: {}, context: contextFor(t.db) }),
    );
    expect(result.location).toBe("/questions/5?sort=top#answer-3");
  });
});

/** A chunked body with no Content-Length, counting how many chunks the reader asked for. */
function streamedForm(path: string, totalBytes: number, cookie?: string, declaredLength?: number) {
  const chunkSize = 64 * 1024;
  const chunks = Math.ceil(totalBytes / chunkSize);
  const probe = { pulls: 0, chunks };
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      probe.pulls += 1;
      if (probe.pulls > chunks) return controller.close();
      controller.enqueue(encoder.encode(probe.pulls === 1 ? `body=${"x".repeat(chunkSize - 5)}` : "x".repeat(chunkSize)));
    },
  });
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(cookie ? { Cookie: cookie } : {}),
      ...(declaredLength ? { "Content-Length": String(declaredLength) } : {}),
    },
    body,
    duplex: "half",
  } as RequestInit);
  expect(request.headers.get("content-length")).toBe(declaredLength ? String(declaredLength) : null);
  return { request, probe };
}

const tooLarge = `That submission is too large (limit ${(FORM_BYTES_LIMIT / 1024).toLocaleString("en")} KB).`;

describe("request bodies are capped while they stream", () => {
  it("a chunked 16 MB login is refused with 413 after reading about 1 MB, and reading stays stopped", async () => {
    const { request, probe } = streamedForm("/login", 16 * 1024 * 1024);
    const result = await callRoute(async () => login.action({ request, params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(413);
    expect(result.data).toEqual({ message: tooLarge });
    // 1 MB is 16 chunks of 64 KB: the reader stops just past that, not at the 256th.
    const pullsAtAnswer = probe.pulls;
    expect(pullsAtAnswer).toBeLessThanOrEqual(FORM_BYTES_LIMIT / (64 * 1024) + 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probe.pulls).toBe(pullsAtAnswer);
  });

  it("a chunked oversize question is refused the same way for a signed-in member", async () => {
    const user = await makeUser(t.db);
    const { request, probe } = streamedForm("/questions/ask", 4 * 1024 * 1024, await sessionCookieFor(t.db, user.id));
    const result = await callRoute(async () => ask.action({ request, params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(413);
    expect(result.data).toEqual({ message: tooLarge });
    expect(probe.pulls).toBeLessThan(probe.chunks);
  });

  it("a declared Content-Length over the cap is refused before any of the body is read", async () => {
    const { request, probe } = streamedForm("/login", 16 * 1024 * 1024, undefined, 16 * 1024 * 1024);
    const result = await callRoute(async () => login.action({ request, params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(413);
    expect(probe.pulls).toBeLessThanOrEqual(1); // a stream pulls once when it starts, before anyone reads
  });

  it("the largest real question (30,000 three-byte characters, 270 KB encoded) still goes through", async () => {
    const user = await makeUser(t.db);
    const fields = { title: "A long question written in Chinese", body: "中".repeat(30_000), tags: "invoices" };
    const result = await callRoute(async () => ask.action({ request: formRequest("/questions/ask", fields, await sessionCookieFor(t.db, user.id)), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(302);
  });

  it("a multipart form is read like a URL-encoded one", async () => {
    const user = await makeUser(t.db);
    const form = new FormData();
    form.set("title", "How do I merge two customer records?");
    form.set("body", "Two records exist for the same customer after an import.");
    form.set("tags", "customers");
    const request = new Request("http://localhost/questions/ask", { method: "POST", body: form, headers: { Cookie: await sessionCookieFor(t.db, user.id) } });
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data/);
    const result = await callRoute(async () => ask.action({ request, params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(302);
  });

  it("a body that is not a form is a 400 with a message, not a 500", async () => {
    const request = new Request("http://localhost/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    const result = await callRoute(async () => login.action({ request, params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(400);
    expect(result.data).toEqual({ message: "That submission could not be read." });
  });
});

describe("the markdown preview", () => {
  it("refuses anonymous visitors with 401 and a JSON message", async () => {
    const result = await callRoute(async () => preview.action({ request: formRequest("/markdown-preview", { body: "**hi**" }), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(401);
    expect(result.data).toEqual({ message: "Log in to see a preview." });
  });

  it("renders for a signed-in member", async () => {
    const user = await makeUser(t.db);
    const result = await callRoute(async () =>
      preview.action({ request: formRequest("/markdown-preview", { body: "**hi**" }, await sessionCookieFor(t.db, user.id)), params: {}, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(200);
    expect(result.data.html).toContain("<strong>hi</strong>");
  });

  it("answers an oversize chunked draft with 413 and a JSON message, having stopped reading", async () => {
    const user = await makeUser(t.db);
    const { request, probe } = streamedForm("/markdown-preview", 10 * 1024 * 1024, await sessionCookieFor(t.db, user.id));
    const result = await callRoute(async () => preview.action({ request, params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(413);
    expect(result.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(result.data).toEqual({ message: tooLarge });
    expect(probe.pulls).toBeLessThan(probe.chunks);
  });
});

describe("NUL characters in form fields", () => {
  it("an edit summary with a NUL is saved without it, not a 500", async () => {
    const author = await makeUser(t.db);
    const question = await makeQuestion(t.db, author.id);
    const fields = { title: "How do I export every invoice at once?", body: "I need all of last year's invoices as one CSV file.", tags: "exports", summary: "x\u0000y", baseRevision: "1" };
    const result = await callRoute(async () =>
      postEdit.action({ request: formRequest(`/posts/${question.id}/edit`, fields, await sessionCookieFor(t.db, author.id)), params: { id: String(question.id) }, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(302);
    const [latest] = await t.db.select().from(postRevisions).where(eq(postRevisions.postId, question.id)).orderBy(desc(postRevisions.revisionNumber)).limit(1);
    expect(latest.summary).toBe("xy");
  });

  it("a knowledge-base edit note with a NUL is saved without it, not a 500", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, staff.id, question.id, "Open Reports, choose Export, then pick CSV for the year.");
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    const fields = { title: "Export a year of invoices as CSV", body: "Open Reports, choose Export, then pick CSV for the year.", note: "n\u0000o", baseRevision: "1" };
    const result = await callRoute(async () =>
      kbEdit.action({ request: formRequest(`/kb/${article.slug}/edit`, fields, await sessionCookieFor(t.db, staff.id)), params: { slug: article.slug }, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(302);
    const [latest] = await t.db.select().from(kbArticleRevisions).where(eq(kbArticleRevisions.articleId, article.id)).orderBy(desc(kbArticleRevisions.revisionNumber)).limit(1);
    expect(latest.note).toBe("no");
  });
});

/** An Express app guarded exactly as the server is (guardRequests), answering 200 past the guards. */
async function guardedApp(trustProxy: string | undefined) {
  const app = express();
  guardRequests(app, { trustProxy, maxBodyBytes: FORM_BYTES_LIMIT });
  app.all("*", (_req, res) => void res.status(200).type("text/plain").send("reached the app"));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const port = (server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A raw HTTP request, so Host and the other headers are exactly what a client (or an attacker) sent. */
function send(port: number, method: string, headers: Record<string, string>, path = "/questions/ask") {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the cross-site check in front of every write", () => {
  const post = (port: number, headers: Record<string, string>) => send(port, "POST", { "Content-Length": "0", ...headers });

  it("without TRUST_PROXY, ignores X-Forwarded-Host and judges Origin and Referer against Host", async () => {
    const app = await guardedApp(undefined);
    try {
      const host = "help.example.com";
      expect((await post(app.port, { Host: host, Origin: `https://${host}` })).status).toBe(200);
      // A forged X-Forwarded-Host used to make any Origin "same-site".
      expect((await post(app.port, { Host: host, "X-Forwarded-Host": "evil.example", Origin: "https://evil.example" })).status).toBe(403);
      // No Origin: the Referer decides. A foreign one used to pass.
      expect((await post(app.port, { Host: host, Referer: "https://evil.example/forged-form" })).status).toBe(403);
      expect((await post(app.port, { Host: host, Referer: `https://${host}/questions/ask` })).status).toBe(200);
      expect((await post(app.port, { Host: host, Referer: "not a url" })).status).toBe(403);
      expect((await post(app.port, { Host: host, Origin: "null" })).status).toBe(403);
      // Neither header: allowed, since the SameSite=Lax session cookie is not sent cross-site.
      expect((await post(app.port, { Host: host })).status).toBe(200);
      // Reading is never refused.
      expect((await send(app.port, "GET", { Host: host, Origin: "https://evil.example" })).status).toBe(200);
      const refused = await post(app.port, { Host: host, Origin: "https://evil.example" });
      expect(refused).toEqual({ status: 403, body: "Cross-site form submissions are not allowed." });
    } finally {
      await app.close();
    }
  });

  it("lets a mail provider's one-click unsubscribe through from its own origin (the signed token authorizes it), and nothing else", async () => {
    const app = await guardedApp(undefined);
    try {
      const provider = { Host: "help.example.com", Origin: "https://mail.provider.example", "Content-Length": "0" };
      expect((await send(app.port, "POST", provider, "/unsubscribe?token=abc")).status).toBe(200);
      expect((await send(app.port, "POST", provider, "/unsubscribe/../settings")).status).toBe(403);
      expect((await send(app.port, "POST", provider, "/settings")).status).toBe(403);
    } finally {
      await app.close();
    }
  });

  it.each(["loopback", "1", "true"])("with TRUST_PROXY=%s, believes the proxy's X-Forwarded-Host", async (trustProxy) => {
    const app = await guardedApp(trustProxy);
    try {
      const behindProxy = { Host: "10.0.0.5:3000", "X-Forwarded-Host": "help.example.com" };
      expect((await post(app.port, { ...behindProxy, Origin: "https://help.example.com" })).status).toBe(200);
      expect((await post(app.port, { ...behindProxy, Referer: "https://help.example.com/questions/ask" })).status).toBe(200);
      expect((await post(app.port, { ...behindProxy, Origin: "https://evil.example" })).status).toBe(403);
      expect((await post(app.port, { ...behindProxy, Referer: "https://evil.example/" })).status).toBe(403);
    } finally {
      await app.close();
    }
  });

  it("a TRUST_PROXY naming other addresses does not trust this peer", async () => {
    const app = await guardedApp("10.0.0.0/8");
    try {
      expect((await post(app.port, { Host: "10.0.0.5:3000", "X-Forwarded-Host": "help.example.com", Origin: "https://help.example.com" })).status).toBe(403);
    } finally {
      await app.close();
    }
  });

  it("refuses a body that announces more than the cap before any route sees it", async () => {
    const app = await guardedApp(undefined);
    try {
      const result = await send(app.port, "POST", { Host: "help.example.com", "Content-Length": String(FORM_BYTES_LIMIT + 1) });
      expect(result).toEqual({ status: 413, body: tooLarge });
    } finally {
      await app.close();
    }
  });
});

describe("TRUST_PROXY as Express reads it", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["true", true],
    ["1", 1],
    ["2", 2],
    ["loopback", "loopback"],
    ["loopback, 10.0.0.0/8", "loopback, 10.0.0.0/8"],
  ])("%j becomes %j", (value, expected) => {
    expect(trustProxySetting(value)).toEqual(expected);
  });
});
