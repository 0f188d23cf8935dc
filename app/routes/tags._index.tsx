import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DirectoryControls, NextPageLink } from "~/components/directory-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TagLink } from "~/components/question-list";
import { readDirectoryQuery } from "~/http/directory-query.server";
import { throwAsResponse } from "~/http/responses.server";
import { TAG_SORTS, listTags, type TagSort } from "~/services/tag-directory.server";
import directoriesCss from "../styles/directories.css?url";
import { formatCount } from "~/lib/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: directoriesCss }];

const SORT_LABELS: Record<TagSort, string> = { popular: "Popular", name: "Name" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = readDirectoryQuery(request, TAG_SORTS);
  try {
    const page = await listTags(context.db, query);
    return { ...page, sort: query.sort, filter: query.filter };
  } catch (error) {
    throwAsResponse(error);
  }
}

export const meta: MetaFunction = () => [{ title: "Tags - Peerdesk" }, { name: "description", content: "Every topic people ask about on Peerdesk, with how many questions each has." }];

export default function TagsPage() {
  const { tags, nextCursor, sort, filter } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Tags</h1>
      <p className="muted">A tag groups questions about one topic. Follow a tag’s link to see its questions.</p>
      <DirectoryControls basePath="/tags" sorts={SORT_LABELS} current={sort} filter={filter} filterLabel="Filter tags" label="Sort tags" />
      {tags.length === 0 ? (
        <p className="empty">{filter ? `No tag contains “${filter}”.` : "No tags yet."}</p>
      ) : (
        <ul className="tag-grid" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag.name} className="tag-card">
              <TagLink tag={tag.name} />
              <span className="tag-card__count">
                {formatCount(tag.questionCount)} {tag.questionCount === 1 ? "question" : "questions"}
              </span>
              {tag.description ? <p className="tag-card__description">{tag.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <NextPageLink basePath="/tags" sort={sort} filter={filter} nextCursor={nextCursor}>
        More tags
      </NextPageLink>
      {filter ? (
        <p>
          <Link to={`/tags?sort=${sort}`}>Show every tag</Link>
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
