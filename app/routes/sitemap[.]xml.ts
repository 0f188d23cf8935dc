// GET /sitemap.xml: the sitemap index, naming every sitemap file (questions in id ranges, articles, tags).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapIndexXml } from "~/lib/crawler-files";
import { sitemapIndex } from "~/services/seo.server";
import { xmlResponse } from "~/http/crawler-responses.server";

export async function loader({ context }: LoaderFunctionArgs) {
  return xmlResponse(sitemapIndexXml(await sitemapIndex(context.db)));
}
