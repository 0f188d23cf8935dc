import type { Database } from "../../db/client";
import type { Actor } from "~/domain/privileges";
import { getArticleBySlug, type ArticleLookup } from "~/services/kb-queries.server";
import { notFound, throwAsResponse } from "./responses.server";

/** The article a /kb/:slug URL names for this viewer (or where its old slug now points); 404 otherwise. */
export async function findArticle(db: Database, slug: string | undefined, viewer: Actor | null): Promise<ArticleLookup> {
  if (!slug || !/^[a-z0-9-]{1,90}$/.test(slug)) notFound("That article");
  try {
    return await getArticleBySlug(db, slug, viewer);
  } catch (error) {
    throwAsResponse(error);
  }
}
