import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ArticleContent, FeedbackForm, RelatedArticles, StaffPanel, type ArticleFailure } from "~/components/article-page-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { KbNav } from "~/components/kb-parts";
import { articlePageIntent } from "~/forms/kb-forms.server";
import { findArticle, parseArticleSlug } from "~/http/kb-article.server";
import { failureFromServiceError, invalid, parseForm, readForm, throwAsResponse } from "~/http/responses.server";
import { getViewer, requireViewerAllowedTo } from "~/http/viewer.server";
import { addressKey, articleReader, visitorIdentity } from "~/http/visitor.server";
import { articlePath } from "~/lib/paths";
import { keptQuery } from "~/http/canonical.server";
import { pageSeo } from "~/http/page-seo.server";
import { missingPageMeta, pageMeta } from "~/lib/page-meta";
import { getArticlePage } from "~/services/article-page.server";
import { recordFeedback } from "~/services/kb-readers.server";
import { changeArticleStatus, deleteArticle, verifyArticle } from "~/services/knowledge-base.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = parseArticleSlug(params.slug);
  const viewer = await getViewer(request, context);
  // A first visit gets its visitor cookie here, so a vote sent from this page arrives with it.
  const { reader, setCookie } = articleReader(request, context, viewer);
  const now = new Date();
  let result;
  try {
    result = await getArticlePage(context.db, slug, viewer, reader, now);
  } catch (error) {
    throwAsResponse(error);
  }
  if ("redirectTo" in result) throw redirect(`${result.redirectTo}${keptQuery(request)}`, 301);
  const { article } = result.page;
  const seo = pageSeo({ title: article.title, path: articlePath(article), description: result.page.description, type: "article", noindex: article.status !== "published" });
  return data({ ...result.page, seo, now: now.toISOString() }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

/** The article this URL names, as the action needs it (an old slug is followed; 404 otherwise). */
async function articleId(request: Request, context: ActionFunctionArgs["context"], slug: string | undefined) {
  const found = await findArticle(context.db, slug, await getViewer(request, context));
  if ("redirectTo" in found) throw redirect(found.redirectTo, 301);
  return found.article.article;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(articlePageIntent, form);
  const intent = form.get("intent") === "feedback" ? "feedback" : undefined;
  if (!parsed.success) return invalid(form, { form: Object.values(parsed.errors)[0] ?? "That action is not recognised." }, { intent });
  const input = parsed.data;
  if (input.intent === "feedback") {
    const viewer = await getViewer(request, context);
    const article = await articleId(request, context, params.slug);
    const visitor = viewer ? null : visitorIdentity(request, context.secureCookies);
    try {
      await recordFeedback(context.db, {
        articleId: article.id,
        voter: visitor ? { visitorHash: visitor.hash, address: addressKey(context), hadCookie: visitor.hadCookie } : { userId: viewer!.id },
        helpful: input.helpful === "yes",
        comment: input.comment,
      });
    } catch (error) {
      return failureFromServiceError(error, form, { intent: "feedback" });
    }
    return data({ ok: true as const, intent: "feedback", helpful: input.helpful }, { headers: visitor?.setCookie ? { "Set-Cookie": visitor.setCookie } : {} });
  }
  const viewer = await requireViewerAllowedTo(request, context, { type: "manageArticles" });
  const article = await articleId(request, context, params.slug);
  try {
    switch (input.intent) {
      case "status":
        await changeArticleStatus(context.db, { actorId: viewer.id, articleId: article.id, change: input.change });
        return redirect(articlePath(article));
      case "verify":
        await verifyArticle(context.db, { actorId: viewer.id, articleId: article.id });
        return redirect(articlePath(article));
      case "delete":
        await deleteArticle(context.db, { actorId: viewer.id, articleId: article.id });
        return redirect("/kb/manage");
    }
  } catch (error) {
    return failureFromServiceError(error, form, { intent: input.intent });
  }
}

export { retryAfterHeaders as headers } from "~/http/headers";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.seo, { section: "Knowledge base", structuredData: data.structuredData }) : missingPageMeta("Article not found"));

export default function ArticlePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && "errors" in result ? (result as ArticleFailure) : null;
  const voted = result && "helpful" in result ? result.helpful : null;
  return (
    <div className="page page--medium">
      <KbNav staff={page.may.manage} />
      <ArticleContent page={page} now={page.now} staffPanel={page.staff ? <StaffPanel article={page.article} staff={page.staff} failure={failure} now={page.now} /> : null} />
      {page.may.rate ? <FeedbackForm voted={voted} failure={failure} /> : null}
      <RelatedArticles related={page.related} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
