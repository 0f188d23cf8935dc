// One address per page: a question or profile reached at a wrong or missing slug answers 301 to
// the right one, so search engines index one URL and shared links keep working after a rename.
import { redirect } from "@remix-run/node";

/** Remix's own routing parameters (single fetch's `_routes`, the index marker) are not part of the address. */
const INTERNAL_PARAMS = ["_routes", "_data", "index"];

/** The query string a redirect keeps: what the visitor asked for, without Remix's own parameters. */
export function keptQuery(request: Request): string {
  const params = new URLSearchParams(new URL(request.url).search);
  for (const name of INTERNAL_PARAMS) params.delete(name);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Throws a 301 to `canonicalPath` (query kept) unless the request is already there. */
export function requireCanonicalPath(request: Request, canonicalPath: string): void {
  // Single fetch asks for `/questions/5/slug.data`: compare the page's own path.
  const pathname = new URL(request.url).pathname.replace(/\.data$/, "");
  if (safeDecode(pathname) === safeDecode(canonicalPath)) return;
  throw redirect(`${canonicalPath}${keptQuery(request)}`, 301);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
