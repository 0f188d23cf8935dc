import type { HeadersFunction } from "@remix-run/node";

/**
 * Remix copies only Set-Cookie from loaders and actions into a document response; a route that
 * can answer 429 exports this as `headers` so Retry-After reaches the browser too.
 */
export const retryAfterHeaders: HeadersFunction = ({ parentHeaders, loaderHeaders, actionHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders);
  for (const source of [loaderHeaders, actionHeaders, errorHeaders]) {
    const value = source?.get("Retry-After");
    if (value) headers.set("Retry-After", value);
  }
  return headers;
};
