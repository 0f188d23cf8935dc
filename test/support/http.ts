// Talking to a running server the way a browser does, for the tests that start one: a form post
// from the same origin (the CSRF check wants it), a page read, and the question score on a page.
export function postForm(origin: string, path: string, fields: Record<string, string>, cookie?: string) {
  return fetch(`${origin}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

export async function readPage(origin: string, path: string, cookie?: string) {
  const response = await fetch(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** The question's score as its page shows it. */
export function questionScore(html: string): number {
  return Number(/data-testid="question-score">(-?\d+)</.exec(html)![1]);
}

/**
 * An anonymous page as the page cache serves it: read until the answer comes from the cache (a page
 * is kept once compressed, just after the render that made it), for two seconds at most; the
 * caller checks that it did (its CSP lists script hashes, not a nonce).
 */
export async function readCachedPage(origin: string, path: string) {
  const deadline = Date.now() + 2000;
  for (;;) {
    const response = await fetch(`${origin}${path}`);
    const html = await response.text();
    if (/'sha256-/.test(response.headers.get("content-security-policy") ?? "") || Date.now() > deadline) return { headers: response.headers, html };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
