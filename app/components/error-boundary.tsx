import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That request could not be understood",
  403: "You can't do that",
  404: "Page not found",
  413: "That submission is too large",
  429: "Slow down a little",
};

/** The page title for an error, so even a URL that matches nothing has a distinct <title>. */
export function errorTitle(error: unknown): string {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return `${TITLES[status] ?? "Something went wrong"} - Peerdesk`;
}

export function GeneralErrorBoundary() {
  const error = useRouteError();
  let status = 500;
  let message = "Something went wrong on our side. Please try again in a moment.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const payload = error.data as { message?: string } | string | undefined;
    message = (typeof payload === "string" ? payload : payload?.message) || TITLES[status] || message;
  } else {
    console.error(error);
  }
  return (
    <div className="error-page">
      <h1>{TITLES[status] ?? "Something went wrong"}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Back to the questions</Link>
      </p>
    </div>
  );
}
