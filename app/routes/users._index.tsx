import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Avatar } from "~/components/avatar";
import { DirectoryControls, NextPageLink } from "~/components/directory-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TimeAgo } from "~/components/time-ago";
import { UserName } from "~/components/user-name";
import { readDirectoryQuery } from "~/http/directory-query.server";
import { throwAsResponse } from "~/http/responses.server";
import { USER_SORTS, listUsers, type UserSort } from "~/services/user-directory.server";
import directoriesCss from "../styles/directories.css?url";
import { formatCount } from "~/lib/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: directoriesCss }];

const SORT_LABELS: Record<UserSort, string> = { reputation: "Reputation", new: "New members", name: "Name" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = readDirectoryQuery(request, USER_SORTS);
  try {
    const page = await listUsers(context.db, query);
    return { ...page, sort: query.sort, filter: query.filter, now: new Date().toISOString() };
  } catch (error) {
    throwAsResponse(error);
  }
}

export const meta: MetaFunction = () => [{ title: "Users - Peerdesk" }, { name: "description", content: "The people who ask and answer on Peerdesk." }];

export default function UsersPage() {
  const { users, nextCursor, sort, filter, now } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Users</h1>
      <p className="muted">Everyone who has asked or answered a question.</p>
      <DirectoryControls basePath="/users" sorts={SORT_LABELS} current={sort} filter={filter} filterLabel="Filter by name" label="Sort users" />
      {users.length === 0 ? (
        <p className="empty">{filter ? `No one whose name contains “${filter}”.` : "No one has contributed yet."}</p>
      ) : (
        <ul className="user-grid" aria-label="Users">
          {users.map((user) => (
            <li key={user.id} className="user-card">
              <Avatar user={user} size={48} />
              <div className="user-card__text">
                <UserName user={user} />
                <span className="user-card__rep">
                  {user.role === "customer" ? (
                    <>
                      <strong>{formatCount(user.reputation)}</strong> reputation
                    </>
                  ) : (
                    "Staff"
                  )}
                </span>
                <span className="muted user-card__meta">
                  {user.answerCount} {user.answerCount === 1 ? "answer" : "answers"}, {user.questionCount} {user.questionCount === 1 ? "question" : "questions"}
                </span>
                <span className="muted user-card__meta">
                  {user.location ? <>{user.location} · </> : null}joined <TimeAgo date={user.createdAt} now={now} />
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <NextPageLink basePath="/users" sort={sort} filter={filter} nextCursor={nextCursor}>
        More users
      </NextPageLink>
      {filter ? (
        <p>
          <Link to={`/users?sort=${sort}`}>Show everyone</Link>
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
