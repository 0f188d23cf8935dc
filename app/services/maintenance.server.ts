import { eq, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posts } from "../../db/schema";
import { RENDERER_VERSION, renderMarkdown } from "~/lib/markdown.server";

/** Re-renders stored HTML written by an older markdown renderer (see RENDERER_VERSION). */
export async function rerenderStalePosts(db: Database): Promise<number> {
  const stale = await db
    .select({ id: posts.id, bodyMarkdown: posts.bodyMarkdown })
    .from(posts)
    .where(lt(posts.rendererVersion, RENDERER_VERSION));
  for (const post of stale) {
    await db
      .update(posts)
      .set({ bodyHtml: renderMarkdown(post.bodyMarkdown), rendererVersion: RENDERER_VERSION })
      .where(eq(posts.id, post.id));
  }
  return stale.length;
}
