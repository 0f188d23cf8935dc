import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, TextAreaField } from "~/components/field";
import { Pager, QuestionList, SortTabs } from "~/components/question-list";
import { can } from "~/domain/privileges";
import { LIMITS, TAG_PATTERN } from "~/forms/limits";
import { loadQuestionPage } from "~/http/question-list.server";
import { failureFromServiceError, invalid, notFound, readForm } from "~/http/responses.server";
import { getViewer, requireViewer, requireViewerAllowedTo } from "~/http/viewer.server";
import { followsTag, setTagFollow } from "~/services/follows.server";
import { FollowForm } from "~/components/follow-form";
import { getTag, setTagDescription } from "~/services/tag-directory.server";
import directoriesCss from "../styles/directories.css?url";
import { pageSeo } from "~/http/page-seo.server";
import { missingPageMeta, pageMeta } from "~/lib/page-meta";
import { feedPaths, tagPath } from "~/lib/paths";
import { formatCount } from "~/lib/format";
import { describeTagForm } from "~/forms/route-inputs.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: directoriesCss }];

function tagFromParams(params: { tag?: string }) {
  const tag = (params.tag ?? "").toLowerCase();
  if (!TAG_PATTERN.test(tag) || tag.length > 35) notFound("That tag");
  return tag;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const name = tagFromParams(params);
  const [page, tag, viewer] = await Promise.all([loadQuestionPage(context.db, request, name), getTag(context.db, name), getViewer(request, context)]);
  if (!tag) notFound("That tag");
  const count = `${tag.questionCount} ${tag.questionCount === 1 ? "question" : "questions"}`;
  const seo = pageSeo({
    title: `Questions tagged ${name}`,
    path: `${tagPath(name)}${page.canonicalQuery}`,
    description: tag.description ? `${tag.description} ${count}.` : `${count} about ${name}, answered by the community and staff.`,
  });
  const following = viewer ? await followsTag(context.db, viewer.id, name) : false;
  return { ...page, tag, seo, canDescribe: can(viewer, { type: "editTagDescription" }).allowed, signedIn: viewer !== null, following };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const name = tagFromParams(params);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "follow" || intent === "unfollow") {
    const member = await requireViewer(request, context);
    try {
      await setTagFollow(context.db, { userId: member.id, tag: name, follow: intent === "follow" });
      return redirect(tagPath(name));
    } catch (error) {
      return failureFromServiceError(error, form);
    }
  }
  const viewer = await requireViewerAllowedTo(request, context, { type: "editTagDescription" }, "describe tags");
  const parsed = describeTagForm.safeParse({ description: form.get("description") ?? "" });
  if (!parsed.success) return invalid(form, { description: parsed.error.issues[0]?.message ?? "Check the description." });
  try {
    await setTagDescription(context.db, viewer, { name, description: parsed.data.description });
    return redirect(tagPath(name));
  } catch (error) {
    return failureFromServiceError(error, form);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.seo, { feed: { title: `Newest questions tagged ${data.tag.name}`, href: feedPaths.tag(data.tag.name) } }) : missingPageMeta("Tag not found"));

export default function TagPage() {
  const { questions, sort, nextCursor, now, tag, canDescribe, signedIn, following } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const base = tagPath(tag.name);
  return (
    <div className="page">
      <div className="page-heading">
        <h1>
          Questions tagged <span className="tag tag--large">{tag.name}</span>
        </h1>
        <Link to="/tags">All tags</Link>
      </div>
      {tag.description ? <p className="tag-description">{tag.description}</p> : null}
      <p className="muted">
        {formatCount(tag.questionCount)} {tag.questionCount === 1 ? "question" : "questions"}
      </p>
      {signedIn ? <FollowForm following={following} what="tag" /> : null}
      {canDescribe ? (
        <details className="tag-describe" open={failure ? true : undefined}>
          <summary>{tag.description ? "Edit the description" : "Describe this tag"}</summary>
          <Form method="post" className="stack">
            <FormError message={failure?.errors.form} />
            <TextAreaField
              name="description"
              label="Description"
              hint={`What belongs under this tag, in a sentence or two (up to ${LIMITS.tagDescription.max} characters). Shown on /tags and here.`}
              rows={3}
              defaultValue={failure?.values.description ?? tag.description ?? ""}
              error={failure?.errors.description}
            />
            <button type="submit" className="button button--small">
              Save description
            </button>
          </Form>
        </details>
      ) : null}
      <SortTabs basePath={base} current={sort} />
      <QuestionList questions={questions} now={now} />
      <Pager basePath={base} sort={sort} nextCursor={nextCursor} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
