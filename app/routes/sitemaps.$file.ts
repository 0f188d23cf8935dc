// GET /sitemaps/questions-N.xml, /sitemaps/articles.xml, /sitemaps/tags.xml: one sitemap file each.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { urlsetXml } from "~/lib/crawler-files";
import { notFound } from "~/http/responses.server";
import { xmlResponse } from "~/http/crawler-responses.server";
import { articleSitemap, questionSitemap, tagSitemap } from "~/services/seo.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  if (file === "articles.xml") return xmlResponse(urlsetXml(await articleSitemap(context.db)));
  if (file === "tags.xml") return xmlResponse(urlsetXml(await tagSitemap(context.db)));
  const questions = /^questions-([1-9]\d{0,6})\.xml$/.exec(file);
  if (!questions) notFound("That sitemap");
  const entries = await questionSitemap(context.db, Number(questions[1]));
  if (!entries) notFound("That sitemap");
  return xmlResponse(urlsetXml(entries));
}
