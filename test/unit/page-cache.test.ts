// The anonymous page cache's rules, with a clock passed in: who it answers, when a kept page is
// thrown away, and the script hashes its Content-Security-Policy carries.
import { createHash } from "node:crypto";
import type { Request } from "express";
import { describe, expect, it } from "vitest";
import { PageCache } from "../../app/server/page-cache";
import { hashedScriptsPolicy } from "../../app/server/security";

function request(originalUrl: string, cookie?: string, method = "GET") {
  return { method, originalUrl, path: originalUrl.split("?")[0], headers: cookie ? { cookie } : {} } as unknown as Request;
}

function cacheAt(clock: { now: number }, maxBytes = 1024 * 1024) {
  return new PageCache({ maxBytes, maxAgeMs: 60_000, production: true, now: () => clock.now });
}

/** Stores a page through a slot and waits for the background compression to finish. */
async function keep(cache: PageCache, key: string, html: string) {
  const etag = cache.slot(key).store(Buffer.from(html), new Headers({ "Content-Type": "text/html; charset=utf-8", "Set-Cookie": "x=1" }));
  await cache.settled();
  return etag;
}

describe("page cache", () => {
  it("answers anonymous GETs of documents, keyed by address and theme; never a signed-in reader, a data request or a form post", () => {
    const cache = cacheAt({ now: 0 });
    expect(cache.keyFor(request("/questions/1/a?sort=votes"))).toBe("system /questions/1/a?sort=votes");
    expect(cache.keyFor(request("/", "peerdesk_theme=dark"))).toBe("dark /");
    expect(cache.keyFor(request("/", "peerdesk_theme=dark; peerdesk_session=abc"))).toBeNull();
    expect(cache.keyFor(request("/questions.data"))).toBeNull();
    expect(cache.keyFor(request("/questions", undefined, "POST"))).toBeNull();
  });

  it("serves a kept page until something changes, and drops a render that began before the change", async () => {
    const clock = { now: 0 };
    const cache = cacheAt(clock);
    const etag = await keep(cache, "k", "<p>hello</p>");
    const page = cache.lookup("k");
    expect(page?.etag).toBe(etag);
    expect(page?.identity.toString()).toBe("<p>hello</p>");
    expect(page?.headers).toEqual([["content-type", "text/html; charset=utf-8"]]);

    const slowRender = cache.slot("k");
    cache.invalidate();
    expect(cache.lookup("k")).toBeNull();
    slowRender.store(Buffer.from("<p>old data</p>"), new Headers());
    await cache.settled();
    expect(cache.lookup("k")).toBeNull();
  });

  it("lets a kept page go after a minute, so its relative dates stay near the truth", async () => {
    const clock = { now: 0 };
    const cache = cacheAt(clock);
    await keep(cache, "k", "<p>hello</p>");
    clock.now = 59_000;
    expect(cache.lookup("k")).not.toBeNull();
    clock.now = 61_000;
    expect(cache.lookup("k")).toBeNull();
  });

  it("stays within its size by letting the least recently read pages go", async () => {
    const cache = cacheAt({ now: 0 }, 1_500); // room for three
    const page = (n: number) => `<p>${n}</p>${"x".repeat(400 + n)}`; // about 0.5 KB, compressing small
    await keep(cache, "a", page(1));
    await keep(cache, "b", page(2));
    await keep(cache, "c", page(3));
    cache.lookup("a"); // a is now read more recently than b
    await keep(cache, "d", page(4));
    await keep(cache, "e", page(5));
    expect(cache.lookup("b")).toBeNull();
    expect(cache.lookup("c")).toBeNull();
    expect(cache.lookup("a")).not.toBeNull();
    expect(cache.lookup("e")).not.toBeNull();
  });

  it("allows exactly the inline scripts the page was rendered with", () => {
    const html = `<script nonce="n">window.a = 1;</script><script src="/build/x.js"></script><script type="module">import "/y.js";</script>`;
    const policy = hashedScriptsPolicy(true, html);
    const hash = (body: string) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`;
    expect(policy).toContain(`script-src 'self' ${hash("window.a = 1;")} ${hash('import "/y.js";')};`);
    expect(policy).not.toContain("nonce");
    expect(policy).toContain("object-src 'none'");
  });
});
