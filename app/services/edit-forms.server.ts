// What the edit forms open with: the text as it is now and the revision it is at, which the
// form sends back so a save can tell whether someone else saved in between. Refused through
// can() like the saves themselves.
import type { Database } from "../../db/client";
import { nextStatus } from "~/domain/knowledge-base";
import { can, type Actor } from "~/domain/privileges";
import { requireAllowed } from "./actors.server";
import { getArticleBySlug, latestArticleRevision, listCategories } from "./kb-queries.server";
import { articleFacts } from "./knowledge-base.server";
import { getPostFacts, latestRevisionNumber } from "./posts.server";
import { getPostForEdit } from "./question-queries.server";

export async function getPostEditForm(db: Database, postId: number, viewer: Actor) {
  const post = await getPostForEdit(db, postId);
  requireAllowed(can(viewer, { type: "edit", post: await getPostFacts(db, postId) }));
  return { post, baseRevision: await latestRevisionNumber(db, postId) };
}

export async function getArticleEditForm(db: Database, slug: string, viewer: Actor) {
  const found = await getArticleBySlug(db, slug, viewer);
  if ("redirectTo" in found) return found;
  const { article } = found.article;
  requireAllowed(can(viewer, { type: "manageArticles", article: articleFacts(article) }), "That article");
  const latest = await latestArticleRevision(db, article.id);
  return {
    form: {
      article: { id: article.id, slug: article.slug, title: article.title, bodyMarkdown: article.bodyMarkdown, categoryId: article.categoryId, status: article.status },
      categories: await listCategories(db),
      baseRevision: latest?.revision ?? 1,
      /** Whether the form offers "Save and publish": only a draft can be published. */
      mayPublish: nextStatus(article.status, "publish") !== null,
    },
  };
}
