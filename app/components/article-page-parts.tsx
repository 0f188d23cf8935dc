// The knowledge-base article page's parts: the article with where it came from, the "Was this
// helpful?" form, and the staff panel with its figures and status forms.
import type { ReactNode } from "react";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { reviewReasonLabel } from "~/domain/knowledge-base";
import { LIMITS } from "~/forms/limits";
import { articlePath } from "~/lib/paths";
import type { ArticlePage } from "~/services/article-page.server";
import { FormError } from "./field";
import { TimeAgo } from "./time-ago";
import { UserName } from "./user-name";

export interface ArticleFailure {
  ok: false;
  errors: Record<string, string | undefined>;
  values?: Record<string, string>;
  intent?: string;
}

const STATUS_LABEL = { draft: "Draft", published: "Published", archived: "Archived" } as const;

type PageData = ArticlePage;

/**
 * The article with where it came from. `staffPanel` sits beside the title (under it on a phone),
 * so staff see the state and the actions before they scroll.
 */
export function ArticleContent({ page, now, staffPanel }: { page: Pick<PageData, "article" | "category" | "verifiedBy" | "source" | "may">; now: string; staffPanel?: ReactNode }) {
  const { article, category, verifiedBy, source } = page;
  return (
    <article className="kb-article" aria-labelledby="article-title">
      <div className="kb-article__head">
        <div className="kb-article__heading">
          <p className="kb-article__crumbs muted">
            <Link to="/kb">Knowledge base</Link>
            {category ? (
              <>
                {" "}
                › <Link to={`/kb/categories/${category.slug}`}>{category.name}</Link>
              </>
            ) : null}
          </p>
          <h1 id="article-title">{article.title}</h1>
          {page.may.manage ? (
            <p className={`status status--${article.status}`}>
              <span className="visually-hidden">Status: </span>
              {STATUS_LABEL[article.status]}
            </p>
          ) : null}
        </div>
        {staffPanel}
      </div>
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
      {source ? (
        <aside className="provenance" aria-label="Where this article came from">
          <p>
            From the community: <Link to={source.path}>{source.title}</Link>
          </p>
          {source.contributors.length > 0 ? (
            <p className="muted">
              Contributors:{" "}
              {source.contributors.map((user, index) => (
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
  );
}

export function FeedbackForm({ voted, failure }: { voted: "yes" | "no" | null; failure: ArticleFailure | null }) {
  const mine = failure?.intent === "feedback" ? failure : null;
  return (
    <section aria-labelledby="feedback-heading" className="feedback card">
      <h2 id="feedback-heading">Was this helpful?</h2>
      {voted ? (
        <p role="status">Thanks for your feedback{voted === "no" ? ": we'll use it to improve this article." : "!"}</p>
      ) : (
        <Form method="post" preventScrollReset className="stack">
          <FormError message={mine ? (mine.errors.form ?? mine.errors.comment ?? mine.errors.helpful) : undefined} />
          <input type="hidden" name="intent" value="feedback" />
          <div className="field">
            <label htmlFor="feedback-comment">What was missing or wrong? (optional, sent with No)</label>
            <textarea id="feedback-comment" name="comment" rows={2} maxLength={LIMITS.feedback.max} defaultValue={mine?.values?.comment} />
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
  );
}

export function RelatedArticles({ related }: { related: { slug: string; title: string }[] }) {
  if (related.length === 0) return null;
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">Related articles</h2>
      <ul className="plain-list">
        {related.map((item) => (
          <li key={item.slug}>
            <Link to={articlePath(item)}>{item.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Delete this article?": the step between Delete and deleting (a GET to ?delete, so it needs no JavaScript). */
function DeleteConfirmation({ path }: { path: string }) {
  return (
    <div className="delete-confirmation" role="group" aria-labelledby="delete-article-question">
      <p id="delete-article-question">
        <strong>Delete this article?</strong> Customers will no longer find it, and the promotion bonus is reversed.
      </p>
      <div className="form-actions">
        <Form method="post" action={path}>
          <button type="submit" name="intent" value="delete" className="button button--small button--danger" autoFocus>
            Yes, delete
          </button>
        </Form>
        <Link to={path} className="button button--small button--quiet">
          Cancel
        </Link>
      </div>
    </div>
  );
}

function StatusForms({ status, path }: { status: PageData["article"]["status"]; path: string }) {
  const [params] = useSearchParams();
  const confirming = params.has("delete");
  return (
    <>
      <Form method="post" className="staff-panel__form">
        <input type="hidden" name="intent" value="status" />
        {status === "draft" ? (
          <button type="submit" name="change" value="publish" className="button button--small">
            Publish
          </button>
        ) : null}
        {status === "published" ? (
          <button type="submit" name="change" value="unpublish" className="button button--small button--secondary">
            Unpublish
          </button>
        ) : null}
        {status === "archived" ? (
          <button type="submit" name="change" value="restore" className="button button--small button--secondary">
            Restore as draft
          </button>
        ) : (
          <button type="submit" name="change" value="archive" className="button button--small button--quiet">
            Archive
          </button>
        )}
      </Form>
      {status === "published" ? (
        <Form method="post" className="staff-panel__form">
          <input type="hidden" name="intent" value="verify" />
          <button type="submit" className="button button--small button--secondary">
            Mark verified
          </button>
        </Form>
      ) : null}
      {confirming ? (
        <DeleteConfirmation path={path} />
      ) : (
        // An explicit action: without one, a GET from this index route would carry "?index" along.
        <Form method="get" action={path} className="staff-panel__form">
          <input type="hidden" name="delete" value="" />
          <button type="submit" className="button button--small button--danger">
            Delete article
          </button>
        </Form>
      )}
    </>
  );
}

export function StaffPanel({ article, staff, failure, now }: { article: PageData["article"]; staff: NonNullable<PageData["staff"]>; failure: ArticleFailure | null; now: string }) {
  const path = articlePath(article);
  return (
    <section aria-labelledby="staff-heading" className="staff-panel card">
      <h2 id="staff-heading">For staff</h2>
      {failure && failure.intent !== "feedback" ? <FormError message={failure.errors.form} /> : null}
      {staff.review.length > 0 ? (
        <p className="notice">
          Needs review: {staff.review.map(reviewReasonLabel).join("; ")}. <Link to="/kb/manage#review">See what changed</Link>
        </p>
      ) : null}
      <dl className="staff-panel__figures">
        <div>
          <dt>Views</dt>
          <dd>{staff.views}</dd>
        </div>
        <div>
          <dt>Helpful</dt>
          <dd>{staff.helpfulYes}</dd>
        </div>
        <div>
          <dt>Not helpful</dt>
          <dd>{staff.helpfulNo}</dd>
        </div>
        <div>
          <dt>Comments</dt>
          <dd>{staff.comments.length}</dd>
        </div>
      </dl>
      <div className="staff-panel__actions">
        <Link to={`${path}/edit`} className="button button--small button--secondary">
          Edit
        </Link>
        <Link to={`${path}/history`} className="button button--small button--quiet">
          History
        </Link>
        <StatusForms status={article.status} path={path} />
      </div>
      {staff.comments.length > 0 ? (
        <details className="staff-panel__comments">
          <summary>What readers said was missing ({staff.comments.length})</summary>
          <ul className="plain-list">
            {staff.comments.map((item, index) => (
              <li key={index}>
                {item.comment} <span className="muted">(<TimeAgo date={item.createdAt} now={now} />)</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
