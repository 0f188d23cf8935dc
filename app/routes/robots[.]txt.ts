// GET /robots.txt: crawl everything public, not the private or per-person pages; where the sitemap is.
import { robotsTxt } from "~/lib/crawler-files";
import { CRAWLER_CACHE } from "~/http/crawler-responses.server";
import { publicUrl } from "~/services/email.server";

export function loader() {
  return new Response(robotsTxt(publicUrl("/sitemap.xml")), { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": CRAWLER_CACHE } });
}
