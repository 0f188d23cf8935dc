import { NotFoundError } from "~/services/errors";

/** Crawlers fetch these files often and they change slowly: an hour's staleness costs nothing. */
export const CRAWLER_CACHE = "public, max-age=3600";

export function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": CRAWLER_CACHE } });
}

/** Feed readers poll; five minutes' staleness is fine and spares the database. */
const FEED_CACHE = "public, max-age=300";

/** An Atom feed, or a plain 404 when what it follows does not exist (a resource route has no error page). */
export async function feedResponse(build: () => Promise<string>): Promise<Response> {
  try {
    return new Response(await build(), { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": FEED_CACHE } });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(error.message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
