/** Crawlers fetch these files often and they change slowly: an hour's staleness costs nothing. */
export const CRAWLER_CACHE = "public, max-age=3600";

export function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": CRAWLER_CACHE } });
}
