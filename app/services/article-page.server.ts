// The knowledge-base article page as one viewer sees it: the article, where it came from, and
// what this viewer may do (the same can() the actions enforce), so the page shows exactly the
// buttons that will work. Reading a published article counts a view (once a reader a day).
import type { Database } from "../../db/client";
import { reviewReasons } from "~/domain/knowledge-base";
import { can, type Actor } from "~/domain/privileges";
import { answerPath, questionPath } from "~/lib/paths";
import { feedbackComments, getArticleBySlug, latestSourceRevision, relatedArticles, reviewAfterDays } from "./kb-queries.server";
import { recordView, type ArticleReader } from "./kb-readers.server";
import { articleFacts } from "./knowledge-base.server";
import { articleSearchData } from "./seo.server";

export async function getArticlePage(db: Database, slug: string, viewer: Actor | null, reader: ArticleReader | null, now = new Date()) {
  const found = await getArticleBySlug(db, slug, viewer);
  if ("redirectTo" in found) return found;
  const { article, category, verifiedBy, credited, asker, question } = found.article;
  const facts = articleFacts(article);
  const manage = can(viewer, { type: "manageArticles", article: facts }).allowed;
  const rate = can(viewer, { type: "rateArticle", article: facts }).allowed;
  // Staff reading their own knowledge base are not readers.
  if (reader && rate && !manage) await recordView(db, { articleId: article.id, ...reader }, now);

  let staff = null;
  if (manage) {
    const currentSourceRevisionNumber = article.sourceAnswerId ? await latestSourceRevision(db, article.sourceAnswerId) : null;
    const comments = await feedbackComments(db, article.id);
    staff = {
      views: article.views,
      helpfulYes: article.helpfulYes,
      helpfulNo: article.helpfulNo,
      comments,
      review: reviewReasons({ ...article, currentSourceRevisionNumber }, now, reviewAfterDays()),
    };
  }
  const liveQuestion = question?.id && !question.deletedAt ? { id: question.id, title: question.title ?? "" } : null;
  return {
    page: {
      article: {
        id: article.id,
        slug: article.slug,
        title: article.title,
        bodyHtml: article.bodyHtml,
        status: article.status,
        publishedAt: article.publishedAt,
        updatedAt: article.updatedAt,
        lastVerifiedAt: article.lastVerifiedAt,
      },
      category: category?.slug ? category : null,
      verifiedBy: verifiedBy?.id ? verifiedBy : null,
      source: liveQuestion
        ? {
            title: liveQuestion.title,
            path: article.sourceAnswerId ? answerPath(liveQuestion, article.sourceAnswerId) : questionPath(liveQuestion),
            contributors: [credited, asker].filter(
              (user, index, all): user is NonNullable<typeof user> => !!user?.id && all.findIndex((other) => other?.id === user.id) === index,
            ),
          }
        : null,
      related: await relatedArticles(db, article),
      /** The meta description, and Article JSON-LD when published. */
      ...articleSearchData({ ...article, credited: credited?.id ? credited : null }),
      /** What this viewer may do here. */
      may: { rate, manage },
      /** Figures and review state, for those who manage articles. */
      staff,
    },
  };
}

export type ArticlePage = Extract<Awaited<ReturnType<typeof getArticlePage>>, { page: unknown }>["page"];
