import type { Database } from "../../db/client";
import type { Actor } from "~/domain/privileges";
import { getArticleBySlug, type ArticleLookup } from "~/services/kb-queries.server";
import { notFound, throwAsResponse } from "./responses.server";

/** A /kb/:slug parameter, or 404: what could never be a slug is not looked up. */
export function parseArticleSlug(slug: string | undefined): string {
  if (!slug || !/^[a-z0-9-]{1,90}$/.test(slug)) notFound("That article");
  return slug;
}

/** The article a /kb/:slug URL names for this viewer (or where its old slug now points); 404 otherwise. */
export async function findArticle(db: Database, slug: string | undefined, viewer: Actor | null): Promise<ArticleLookup> {
  const valid = parseArticleSlug(slug);
  try {
    return await getArticleBySlug(db, valid, viewer);
  } catch (error) {
    throwAsResponse(error);
  }
}
