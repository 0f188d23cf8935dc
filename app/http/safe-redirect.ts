// Where to send someone after they sign in: only ever a path on this site, so a crafted link
// (/login?redirectTo=…) cannot bounce a freshly signed-in user to another host.
// An ordinary module, not *.server.ts: route loaders import it and the classic compiler would
// otherwise empty it in the browser bundle.

const DUMMY_ORIGIN = "http://peerdesk.invalid";
/** Longer than any path of ours; a huge value is someone probing, not a link to follow. */
const MAX_LENGTH = 2048;
// Browsers drop tabs and newlines inside URLs and read "\" as "/", so "/\t/evil.example" or
// "/\\evil.example" would become "//evil.example": a raw target with either is refused outright.
const UNSAFE_RAW = /[\u0000-\u001f\u007f\\]/;

/**
 * The target as a same-origin path that starts with a single "/" followed by anything but "/"
 * or "\", or the fallback. Judged after the URL parser's own normalisation (dot segments,
 * "%2e%2e", backslashes), because that is what turned "/.//evil.example" into "//evil.example";
 * and judged again after percent-decoding, so nothing that a proxy or a later decode would turn
 * into a protocol-relative URL gets through either.
 */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length > MAX_LENGTH || UNSAFE_RAW.test(target)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return fallback; // a malformed %-escape is no link of ours
  }
  const path = sitePath(target);
  return path !== null && sitePath(decoded) !== null ? path : fallback;
}

function sitePath(candidate: string): string | null {
  if (!candidate.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(candidate, DUMMY_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== DUMMY_ORIGIN) return null;
  const path = url.pathname + url.search + url.hash;
  return /^\/(?![/\\])/.test(path) ? path : null;
}
