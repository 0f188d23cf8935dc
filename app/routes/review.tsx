// The review queue: staff, and members with the `review` privilege (who may dismiss, edit and
// vote to close; the rest is staff's). Oldest first, keyset-paginated; every decision is one
// form post, and a decision someone else made first comes back as a clear 409.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { staffQueuePath } from "~/lib/paths";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, TextAreaField } from "~/components/field";
import { TimeAgo } from "~/components/time-ago";
import { UserName } from "~/components/user-name";
import { DECISION_RULES, REVIEW_DECISION_LABELS, REVIEW_REASON_LABELS, type ReviewDecision } from "~/domain/flags";
import { FLAG_KIND_LABELS, REVIEW_REASONS, type ReviewReason } from "~/domain/moderation";
import { reviewDecisionForm } from "~/forms/flag-forms.server";
import { FLAG_LIMITS } from "~/forms/limits";
import { failureFromServiceError, invalid, parseForm, readForm } from "~/http/responses.server";
import { requireViewer, requireViewerAllowedTo } from "~/http/viewer.server";
import { answerPath, questionPath, reviewPath, userPath } from "~/lib/paths";
import { reviewQueue } from "~/services/review.server";
import { decideReviewItem } from "~/services/review.server";
import styles from "../styles/moderation-flags.css?url";
import { formatCount } from "~/lib/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** `?reason=flagged` and `?after=cursor`, both optional; anything unknown is ignored. */
function queueParams(url: URL) {
  const reason = url.searchParams.get("reason");
  return {
    reason: (REVIEW_REASONS as readonly string[]).includes(reason ?? "") ? (reason as ReviewReason) : null,
    after: url.searchParams.get("after"),
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewerAllowedTo(request, context, { type: "review", destructive: false });
  const { reason, after } = queueParams(new URL(request.url));
  const queue = await reviewQueue(context.db, viewer, { after, reason });
  return { ...queue, reason, after, now: new Date().toISOString() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const form = await readForm(request);
  const parsed = parseForm(reviewDecisionForm, form);
  if (!parsed.success) return invalid(form, parsed.errors);
  try {
    await decideReviewItem(context.db, { reviewerId: viewer.id, itemId: parsed.data.itemId, decision: parsed.data.decision, note: parsed.data.note });
  } catch (error) {
    return failureFromServiceError(error, form);
  }
  const back = reviewPath(queueParams(new URL(request.url)));
  return redirect(`${back}${back.includes("?") ? "&" : "?"}done=${parsed.data.decision}`);
}

export const meta: MetaFunction = () => [{ title: "Review queue - Peerdesk" }];

const STATE_NOTES = {
  live: null,
  hidden: "Hidden from customers until a decision.",
  held: "Held back: nobody else sees it until it is approved.",
  deleted: "Already deleted.",
} as const;

export default function ReviewPage() {
  const { items, next, staff, reason, after, counts, now } = useLoaderData<typeof loader>();
  const paged = after !== null;
  const total = counts.reduce((sum, row) => sum + row.n, 0);
  const countOf = (which: ReviewReason) => counts.find((row) => row.reason === which)?.n ?? 0;
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const done = params.get("done") as ReviewDecision | null;
  // A decision refused on an item still listed shows beside it; otherwise (decided meanwhile) at the top.
  const failedItem = result && items.some((item) => String(item.id) === result.values?.itemId) ? result.values.itemId : undefined;
  return (
    <div className="page">
      <h1>Review queue</h1>
      <p className="muted">
        Flagged posts, first posts of new members and posts held back or hidden automatically, oldest first.
        {staff ? null : " As a reviewer you can dismiss flags, edit posts and vote to close; staff take the other decisions."}
      </p>
      {staff ? (
        <p className="review-links">
          <Link to={staffQueuePath}>Staff queue</Link> · <Link to="/admin/log">Staff action log</Link>
        </p>
      ) : null}
      <nav aria-label="Filter by reason" className="review-filters">
        <ul className="review-item__links">
          <li>
            <Link to={reviewPath()} aria-current={reason === null ? "page" : undefined}>
              All ({total})
            </Link>
          </li>
          {REVIEW_REASONS.map((which) => (
            <li key={which}>
              <Link to={reviewPath({ reason: which })} aria-current={reason === which ? "page" : undefined}>
                {REVIEW_REASON_LABELS[which]} ({countOf(which)})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {done && done in REVIEW_DECISION_LABELS && !result ? (
        <p role="status" className="notice">
          Decision recorded: {REVIEW_DECISION_LABELS[done]}.
        </p>
      ) : null}
      {result && !failedItem ? <FormError message={result.errors.form ?? Object.values(result.errors)[0]} /> : null}
      {items.length === 0 ? (
        <p className="card">Nothing waits for review{paged ? " on this page" : ""}. Thank you!</p>
      ) : (
        <ol className="review-list" aria-label="Items to review">
          {items.map((item) => {
            const thread = { id: item.thread.id, title: item.thread.title };
            const postLink = item.post.type === "answer" ? answerPath(thread, item.post.id) : questionPath(thread);
            const what = item.comment ? "Comment" : item.post.type === "answer" ? "Answer" : "Question";
            const headingId = `review-item-${item.id}`;
            const mine = failedItem === String(item.id) ? result : undefined;
            return (
              <li key={item.id}>
                <article className="card stack review-item" aria-labelledby={headingId}>
                  <div className="review-item__meta">
                    <h2 id={headingId}>
                      {what} by <bdi>{item.author.displayName}</bdi> in <Link to={postLink}>“{item.thread.title}”</Link>
                    </h2>
                    <span className="badge badge--warn">{REVIEW_REASON_LABELS[item.reason]}</span>
                    <span className="muted">
                      In the queue since <TimeAgo date={item.createdAt} now={now} />
                    </span>
                  </div>
                  {STATE_NOTES[item.state] ? <p className="deleted-note">{STATE_NOTES[item.state]}</p> : null}
                  {item.comment ? (
                    <blockquote className="review-item__post">{item.comment.body}</blockquote>
                  ) : (
                    <div className="review-item__post prose" dangerouslySetInnerHTML={{ __html: item.post.bodyHtml }} />
                  )}
                  <section aria-label="Flags">
                    <h3>Flags</h3>
                    {item.flags.length === 0 ? (
                      <p className="muted">No open flags.</p>
                    ) : (
                      <ul className="review-item__flags">
                        {item.flags.map((flag) => (
                          <li key={flag.id}>
                            <strong>{FLAG_KIND_LABELS[flag.kind]}</strong>
                            {flag.duplicateOfId ? (
                              <>
                                {" "}
                                of <Link to={questionPath({ id: flag.duplicateOfId })}>question {flag.duplicateOfId}</Link>
                              </>
                            ) : null}
                            {flag.reason ? <>: “{flag.reason}”</> : null} – <UserName user={flag.flagger} />{" "}
                            <span className="muted">
                              <TimeAgo date={flag.createdAt} now={now} />
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                  <section aria-label="About the author" className="review-item__history">
                    <h3>About the author</h3>
                    <p>
                      <UserName user={item.author} showReputation /> joined <TimeAgo date={item.author.createdAt} now={now} />, reputation{" "}
                      {formatCount(item.author.reputation)}. Flags against them: {item.author.flagsAgainst.helpful} upheld,{" "}
                      {item.author.flagsAgainst.declined} declined, {item.author.flagsAgainst.open} open.
                    </p>
                    <ul>
                      {item.author.recent.map((post) => (
                        <li key={post.id}>
                          {post.type === "answer" ? "Answer" : "Question"} in{" "}
                          <Link to={post.type === "answer" ? answerPath({ id: post.threadId, title: post.threadTitle }, post.id) : questionPath({ id: post.threadId, title: post.threadTitle })}>
                            “{post.threadTitle}”
                          </Link>{" "}
                          <span className="muted">
                            <TimeAgo date={post.createdAt} now={now} />, score {post.score}
                            {post.deletedAt ? ", deleted" : ""}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </section>
                  <ul className="review-item__links" aria-label="More actions">
                    {item.comment ? null : (
                      <li>
                        <Link to={`/posts/${item.post.id}/edit`}>Edit {what.toLowerCase()}</Link>
                      </li>
                    )}
                    <li>
                      <Link to={`${questionPath({ id: item.thread.id })}#moderate`}>{staff ? "Close, mark duplicate or lock" : "Vote to close"}</Link>
                    </li>
                    {staff ? (
                      <li>
                        <Link to={`${userPath({ id: item.author.id })}#suspend`}>Suspend author</Link>
                      </li>
                    ) : null}
                  </ul>
                  {item.decisions.length > 0 ? (
                    <Form method="post" action={reviewPath({ reason, after })} className="stack review-item__decide">
                      <FormError message={mine?.errors.form ?? mine?.errors.decision} />
                      <input type="hidden" name="itemId" value={item.id} />
                      <TextAreaField
                        id={`review-${item.id}-note`}
                        name="note"
                        label="Reason"
                        hint={item.decisions.some((decision) => DECISION_RULES[decision].needsReason) ? "Needed to delete or hide; optional otherwise. Goes to the staff log." : "Optional. Goes to the staff log."}
                        rows={2}
                        maxLength={FLAG_LIMITS.note.max}
                        defaultValue={mine?.values.note}
                        error={mine?.errors.note}
                      />
                      <div className="form-actions">
                        {item.decisions.map((decision) => (
                          <button
                            key={decision}
                            type="submit"
                            name="decision"
                            value={decision}
                            disabled={busy}
                            className={`button button--small${DECISION_RULES[decision].destructive && DECISION_RULES[decision].flagsBecome === "helpful" ? " button--danger" : " button--secondary"}`}
                          >
                            {REVIEW_DECISION_LABELS[decision]}
                          </button>
                        ))}
                      </div>
                    </Form>
                  ) : (
                    <p className="muted">Only staff can decide this one.</p>
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
      <nav aria-label="Queue pages" className="form-actions">
        {paged ? <Link to={reviewPath({ reason })}>Oldest items</Link> : null}
        {next ? <Link to={reviewPath({ reason, after: next })}>Next page</Link> : null}
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
