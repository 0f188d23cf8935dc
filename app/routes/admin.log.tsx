// Staff: every moderation action, newest first, filterable by staff member, member concerned and
// action; a page at a time. Read-only: nothing here edits or deletes an entry (the table refuses too).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { UserName } from "~/components/user-name";
import { MODERATION_ACTIONS } from "~/domain/moderation";
import { moderationActionLabel } from "~/domain/moderation-log";
import { requireViewerAllowedTo } from "~/http/viewer.server";
import { questionPath } from "~/lib/paths";
import { decodeLogCursor, listModerationLog, logFilterChoices } from "~/services/moderation-log-queries.server";
import { logParams } from "~/forms/route-inputs.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireViewerAllowedTo(request, context, { type: "viewStaffReports" });
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const params = logParams.parse(raw);
  const filters = { actorId: params.staff ?? null, targetUserId: params.member ?? null, action: params.action ?? null };
  const [page, choices] = await Promise.all([listModerationLog(context.db, filters, decodeLogCursor(params.after)), logFilterChoices(context.db)]);
  return { ...page, choices, filters: { staff: params.staff ?? null, member: params.member ?? null, action: params.action ?? null }, paged: Boolean(params.after) };
}

export const meta: MetaFunction = () => [{ title: "Staff action log - Staff - Peerdesk" }];

function when(value: string | Date) {
  return new Date(value).toISOString().slice(0, 16).replace("T", " ");
}

export default function ModerationLogPage() {
  const { entries, next, choices, filters, paged } = useLoaderData<typeof loader>();
  const query = (extra: Record<string, string>) => {
    const search = new URLSearchParams();
    if (filters.staff) search.set("staff", String(filters.staff));
    if (filters.member) search.set("member", String(filters.member));
    if (filters.action) search.set("action", filters.action);
    for (const [key, value] of Object.entries(extra)) search.set(key, value);
    const text = search.toString();
    return text ? `?${text}` : "";
  };
  return (
    <div className="page">
      <h1>Staff action log</h1>
      <p className="muted">
        Every moderation action, newest first: who did it, to whom, and why. Entries cannot be changed or removed. See also the{" "}
        <Link to="/review">review queue</Link> and <Link to="/admin/deflection">deflection figures</Link>.
      </p>
      <Form method="get" className="inline-form" aria-label="Filter the log">
        <label htmlFor="log-staff">Staff member</label>
        <select id="log-staff" name="staff" defaultValue={filters.staff ? String(filters.staff) : ""}>
          <option value="">Anyone</option>
          {choices.staff.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName}
            </option>
          ))}
        </select>
        <label htmlFor="log-member">Member concerned</label>
        <select id="log-member" name="member" defaultValue={filters.member ? String(filters.member) : ""}>
          <option value="">Anyone</option>
          {choices.targets.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName}
            </option>
          ))}
        </select>
        <label htmlFor="log-action">Action</label>
        <select id="log-action" name="action" defaultValue={filters.action ?? ""}>
          <option value="">Any action</option>
          {MODERATION_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {moderationActionLabel(action)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small button--secondary">
          Filter
        </button>
        {filters.staff || filters.member || filters.action ? <Link to="/admin/log">Clear filters</Link> : null}
      </Form>
      {entries.length === 0 ? (
        <p className="muted">{paged ? "No older entries." : "Nothing matches these filters."}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="log-caption">
          <table className="data-table log-table">
            <caption id="log-caption" className="visually-hidden">
              Moderation actions, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="log-entry">
                  <td data-label="When">
                    <time dateTime={new Date(entry.createdAt).toISOString()}>{when(entry.createdAt)}</time>
                  </td>
                  <td data-label="Who">{entry.actor ? <UserName user={entry.actor} /> : entry.community ? "Community vote" : "System"}</td>
                  <td data-label="Action">{moderationActionLabel(entry.action)}</td>
                  <td data-label="Target">
                    {entry.target ? <UserName user={entry.target} /> : null}
                    {entry.target && entry.post ? <br /> : null}
                    {entry.post ? (
                      entry.post.type === "question" ? (
                        <Link to={questionPath({ id: entry.post.id, title: entry.post.title })}>Question: {entry.post.title}</Link>
                      ) : (
                        <Link to={`/posts/${entry.post.id}`}>Answer on: {entry.post.title}</Link>
                      )
                    ) : null}
                    {!entry.target && !entry.post ? "–" : null}
                  </td>
                  <td data-label="Reason">{entry.reason ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Log pages" className="pager">
        {paged ? <Link to={`/admin/log${query({})}`}>Newest entries</Link> : null}
        {next ? <Link to={`/admin/log${query({ after: next })}`}>Older entries</Link> : null}
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
