import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/field";
import { KbNav } from "~/components/kb-parts";
import { TimeAgo } from "~/components/time-ago";
import { UserName } from "~/components/user-name";
import { reviewReasonLabel, reviewReasons } from "~/domain/knowledge-base";
import { articlePageIntent } from "~/forms/kb-forms";
import { findArticle } from "~/http/kb-article.server";
import { failureFromServiceError, invalid, readForm } from "~/http/responses.server";
import { isStaff } from "~/domain/privileges";
import { getViewer, requireViewer } from "~/http/viewer.server";
import { visitorIdentity } from "~/http/visitor.server";
import { slugify } from "~/lib/slug";
import { changeArticleStatus, deleteArticle, recordFeedback, recordView, verifyArticle } from "~/services/knowledge-base.server";
import { feedbackComments as loadFeedbackComments, latestSourceRevision, relatedArticles, reviewAfterDays } from "~/services/kb-queries.server";

async function lookup(request: Request, context: LoaderFunctionArgs["context"], slug: string | undefined) {
  const viewer = await getViewer(request, context);
  const found = await findArticle(context.db, slug, viewer);
  if ("redirectTo" in found) throw redirect(found.redirectTo, 301);
  return { viewer, ...found.article };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { viewer, article, category, verifiedBy, credited, asker, question } = await lookup(request, context, params.slug);
  const staff = isStaff(viewer);
  if (article.status === "published" && !staff) await recordView(context.db, article.id);
  const related = await relatedArticles(context.db, article);
  const currentSourceRevisionNumber = article.sourceAnswerId ? await latestSourceRevision(context.db, article.sourceAnswerId) : null;
  const now = new Date();
  const feedbackComments = staff ? await loadFeedbackComments(context.db, article.id) : [];
  return {
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      bodyHtml: article.bodyHtml,
      status: article.status,
      publishedAt: article.publishedAt,
      updatedAt: article.updatedAt,
      lastVerifiedAt: article.lastVerifiedAt,
      sourceAnswerId: article.sourceAnswerId,
    },
    figures: staff ? { views: article.views, helpfulYes: article.helpfulYes, helpfulNo: article.helpfulNo, comments: feedbackComments } : null,
    review: staff ? reviewReasons({ ...article, currentSourceRevisionNumber }, now, reviewAfterDays()) : [],
    category,
    verifiedBy: verifiedBy?.id ? verifiedBy : null,
    contributors: [credited, asker].filter((user, index, all): user is NonNullable<typeof user> => !!user?.id && all.findIndex((other) => other?.id === user.id) === index),
    question: question?.id && !question.deletedAt ? { id: question.id, title: question.title ?? "" } : null,
    related,
    staff,
    signedIn: viewer !== null,
    now: now.toISOString(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = articlePageIntent.safeParse(Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")));
  if (!parsed.success) return invalid(form, { form: parsed.error.issues[0]?.message ?? "That action is not recognised." });
  const input = parsed.data;
  if (input.intent === "feedback") {
    const { article, viewer } = await lookup(request, context, params.slug);
    const visitor = viewer ? null : visitorIdentity(request, context.secureCookies);
    try {
      await recordFeedback(context.db, {
        articleId: article.id,
        voter: viewer ? { userId: viewer.id } : { visitorHash: visitor!.hash },
        helpful: input.helpful === "yes",
        comment: input.comment,
      });
    } catch (error) {
      return failureFromServiceError(error, form, { intent: "feedback" });
    }
    return data({ ok: true as const, intent: "feedback", helpful: input.helpful }, { headers: visitor?.setCookie ? { "Set-Cookie": visitor.setCookie } : {} });
  }
  // Everything else is staff work: the services check the role again, whatever the form says.
  const viewer = await requireViewer(request, context);
  const { article } = await lookup(request, context, params.slug);
  try {
    switch (input.intent) {
      case "status": {
        await changeArticleStatus(context.db, { actorId: viewer.id, articleId: article.id, change: input.change });
        return redirect(`/kb/${article.slug}`);
      }
      case "verify": {
        await verifyArticle(context.db, { actorId: viewer.id, articleId: article.id });
        return redirect(`/kb/${article.slug}`);
      }
      case "delete": {
        await deleteArticle(context.db, { actorId: viewer.id, articleId: article.id });
        return redirect("/kb/manage");
      }
    }
  } catch (error) {
    return failureFromServiceError(error, form, { intent: input.intent });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.article.title} - Knowledge base - Peerdesk` : "Article not found - Peerdesk" }];

const STATUS_LABEL = { draft: "Draft", published: "Published", archived: "Archived" } as const;

export default function ArticlePage() {
  const { article, figures, review, category, verifiedBy, contributors, question, related, staff, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && "errors" in result ? result : null;
  const voted = result && "helpful" in result ? result.helpful : null;
  return (
    <div className="page page--medium">
      <KbNav staff={staff} />
      <article className="kb-article" aria-labelledby="article-title">
        <p className="kb-article__crumbs muted">
          Knowledge base
          {category ? (
            <>
              {" "}
              › <Link to={`/kb/categories/${category.slug}`}>{category.name}</Link>
            </>
          ) : null}
        </p>
        <h1 id="article-title">{article.title}</h1>
        {staff ? (
          <p className={`status status--${article.status}`}>
            <span className="visually-hidden">Status: </span>
            {STATUS_LABEL[article.status]}
          </p>
        ) : null}
        <p className="muted kb-article__dates">
          {article.lastVerifiedAt ? (
            <>
              Last verified <TimeAgo date={article.lastVerifiedAt} now={now} />
              {verifiedBy ? (
                <>
                  {" "}
                  by <UserName user={verifiedBy} />
                </>
              ) : null}
            </>
          ) : (
            <>Not yet verified</>
          )}
        </p>
        <div className="prose" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {question ? (
          <aside className="provenance" aria-label="Where this article came from">
            <p>
              From the community: <Link to={`/questions/${question.id}/${slugify(question.title)}${article.sourceAnswerId ? `#answer-${article.sourceAnswerId}` : ""}`}>{question.title}</Link>
            </p>
            {contributors.length > 0 ? (
              <p className="muted">
                Contributors:{" "}
                {contributors.map((user, index) => (
                  <span key={user.id}>
                    {index > 0 ? ", " : ""}
                    <UserName user={user} />
                  </span>
                ))}
              </p>
            ) : null}
          </aside>
        ) : null}
      </article>

      {article.status === "published" ? (
        <section aria-labelledby="feedback-heading" className="feedback card">
          <h2 id="feedback-heading">Was this helpful?</h2>
          {voted ? (
            <p role="status">Thanks for your feedback{voted === "no" ? ": we'll use it to improve this article." : "!"}</p>
          ) : (
            <Form method="post" preventScrollReset className="stack">
              <FormError message={failure?.intent === "feedback" ? failure.errors.form ?? failure.errors.comment ?? failure.errors.helpful : undefined} />
              <input type="hidden" name="intent" value="feedback" />
              <div className="field">
                <label htmlFor="feedback-comment">What was missing or wrong? (optional, sent with No)</label>
                <textarea id="feedback-comment" name="comment" rows={2} maxLength={600} defaultValue={failure?.values?.comment} />
              </div>
              <div className="form-actions">
                <button type="submit" name="helpful" value="yes" className="button">
                  Yes
                </button>
                <button type="submit" name="helpful" value="no" className="button button--secondary">
                  No
                </button>
              </div>
            </Form>
          )}
        </section>
      ) : null}

      {related.length > 0 ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">Related articles</h2>
          <ul className="plain-list">
            {related.map((item) => (
              <li key={item.slug}>
                <Link to={`/kb/${item.slug}`}>{item.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {staff && figures ? (
        <section aria-labelledby="staff-heading" className="staff-panel card">
          <h2 id="staff-heading">For staff</h2>
          {failure && failure.intent !== "feedback" ? <FormError message={failure.errors.form} /> : null}
          {review.length > 0 ? (
            <p className="notice">
              Needs review: {review.map(reviewReasonLabel).join("; ")}. <Link to="/kb/manage#review">See what changed</Link>
            </p>
          ) : null}
          <dl className="profile-stats">
            <div>
              <dt>Views</dt>
              <dd>{figures.views}</dd>
            </div>
            <div>
              <dt>Helpful</dt>
              <dd>{figures.helpfulYes}</dd>
            </div>
            <div>
              <dt>Not helpful</dt>
              <dd>{figures.helpfulNo}</dd>
            </div>
            <div>
              <dt>Comments</dt>
              <dd>{figures.comments.length}</dd>
            </div>
          </dl>
          <div className="form-actions">
            <Link to={`/kb/${article.slug}/edit`} className="button button--secondary">
              Edit
            </Link>
            <Link to={`/kb/${article.slug}/history`} className="button button--quiet">
              History
            </Link>
            <Form method="post">
              <input type="hidden" name="intent" value="status" />
              {article.status === "draft" ? (
                <button type="submit" name="change" value="publish" className="button">
                  Publish
                </button>
              ) : null}
              {article.status === "published" ? (
                <button type="submit" name="change" value="unpublish" className="button button--secondary">
                  Unpublish
                </button>
              ) : null}
              {article.status === "archived" ? (
                <button type="submit" name="change" value="restore" className="button button--secondary">
                  Restore as draft
                </button>
              ) : (
                <button type="submit" name="change" value="archive" className="button button--quiet">
                  Archive
                </button>
              )}
            </Form>
            {article.status === "published" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="verify" />
                <button type="submit" className="button button--secondary">
                  Mark verified
                </button>
              </Form>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="button button--danger">
                Delete article
              </button>
            </Form>
          </div>
          {figures.comments.length > 0 ? (
            <>
              <h3>What readers said was missing</h3>
              <ul className="plain-list">
                {figures.comments.map((item, index) => (
                  <li key={index}>
                    {item.comment} <span className="muted">(<TimeAgo date={item.createdAt} now={now} />)</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
