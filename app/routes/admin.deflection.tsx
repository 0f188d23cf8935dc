// Staff: what ask-time suggestions saved, per day, and what customers searched for and did not find.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ABANDON_WINDOW_MINUTES } from "~/domain/deflection";
import { requireViewerAllowedTo } from "~/http/viewer.server";
import { getDeflectionReport } from "~/services/deflection.server";
import { reportParams } from "~/forms/route-inputs.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireViewerAllowedTo(request, context, { type: "viewStaffReports" });
  const { days } = reportParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  return getDeflectionReport(context.db, days);
}

export const meta: MetaFunction = () => [{ title: "Deflection - Staff - Peerdesk" }];

const PERIODS = [7, 30, 90, 365];

export default function DeflectionPage() {
  const { days, byDay, totals, solvedRate, misses } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Deflection</h1>
      <p className="muted">
        What the suggestions on the ask page did, counted once per visit to the ask page. "Abandoned after opening" means a suggestion was opened and
        no question was posted within {ABANDON_WINDOW_MINUTES} minutes; only "Solved" is a sure saving.
      </p>
      <p>
        <Link to="/admin/log">Staff action log</Link>
      </p>
      <Form method="get" className="inline-form">
        <label htmlFor="days">Period</label>
        <select id="days" name="days" defaultValue={String(days)}>
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              Last {period} days
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small button--secondary">
          Show
        </button>
      </Form>
      <dl className="stat-row">
        <div>
          <dt>Asks shown suggestions</dt>
          <dd>{totals.sessionsWithSuggestions}</dd>
        </div>
        <div>
          <dt>Solved by a suggestion</dt>
          <dd>{totals.solved}</dd>
        </div>
        <div>
          <dt>Solved rate</dt>
          <dd>{solvedRate === null ? "–" : `${solvedRate}%`}</dd>
        </div>
        <div>
          <dt>Posted anyway</dt>
          <dd>{totals.postedAnyway}</dd>
        </div>
      </dl>
      <section aria-labelledby="by-day-heading">
        <h2 id="by-day-heading">Per day</h2>
        {byDay.length === 0 ? (
          <p className="muted">No suggestions were shown in this period.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="by-day-heading">
            <table className="data-table data-table--numbers">
              <thead>
                <tr>
                  <th scope="col">Day (UTC)</th>
                  <th scope="col">Shown suggestions</th>
                  <th scope="col">Opened one</th>
                  <th scope="col">Solved</th>
                  <th scope="col">Abandoned after opening</th>
                  <th scope="col">Posted anyway</th>
                </tr>
              </thead>
              <tbody>
                {byDay.map((day) => (
                  <tr key={day.day}>
                    <th scope="row">{day.day}</th>
                    <td>{day.sessionsWithSuggestions}</td>
                    <td>{day.suggestionsOpened}</td>
                    <td>{day.solved}</td>
                    <td>{day.abandonedAfterOpening}</td>
                    <td>{day.postedAnyway}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="misses-heading">
        <h2 id="misses-heading">Searches that found nothing</h2>
        {misses.length === 0 ? (
          <p className="muted">Every search found something.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="misses-heading">
            <table className="data-table data-table--numbers">
              <thead>
                <tr>
                  <th scope="col">Search</th>
                  <th scope="col">Times</th>
                  <th scope="col">Last searched</th>
                </tr>
              </thead>
              <tbody>
                {misses.map((miss) => (
                  <tr key={miss.query}>
                    <th scope="row">{miss.query}</th>
                    <td>{miss.count}</td>
                    <td>{new Date(miss.lastSeenAt).toISOString().slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
