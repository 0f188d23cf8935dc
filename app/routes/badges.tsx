// /badges: every earned badge, what earns it, how many members have it and who earned it lately.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BadgeDirectory } from "~/components/badge-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { badgeDirectory } from "~/services/badges.server";

export async function loader({ context }: LoaderFunctionArgs) {
  return { badges: await badgeDirectory(context.db), now: new Date().toISOString() };
}

export const meta: MetaFunction = () => [
  { title: "Badges - Peerdesk" },
  { name: "description", content: "Badges members earn by helping: accepted answers, well-voted answers, edits, knowledge-base answers and helpful flags." },
];

export default function BadgesPage() {
  const { badges, now } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Badges</h1>
      <p className="muted">
        Members earn badges by helping others: gold is rare, silver takes effort, bronze marks a first step. Each badge is earned once. The{" "}
        <strong>Staff</strong> label is not a badge: it shows who works for the company.
      </p>
      <BadgeDirectory badges={badges} now={now} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
