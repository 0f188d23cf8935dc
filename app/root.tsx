import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary, errorTitle } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import { UserName } from "./components/user-name";
import { getSession, readSessionToken, sessionCookie } from "./http/viewer.server";
import stylesheet from "./styles/app.css?url";
import { userPath } from "./lib/paths";
import { hasPrivilege } from "./domain/privileges";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Only shown when no page's own meta applies: a URL that matches no route, or an error in the root.
export const meta: MetaFunction = ({ error }) => (error ? [{ title: errorTitle(error) }] : [{ title: "Peerdesk" }]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  const headers = new Headers();
  if (session?.renewed) {
    const token = readSessionToken(request);
    if (token) headers.append("Set-Cookie", sessionCookie(token, session.expiresAt, context.secureCookies));
  }
  const viewer = session?.user ?? null;
  return data(
    { viewer: viewer ? { id: viewer.id, displayName: viewer.displayName, role: viewer.role, reputation: viewer.reputation } : null },
    { headers },
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function useViewer() {
  return useRouteLoaderData<typeof loader>("root")?.viewer ?? null;
}

/** The header's search box: a plain GET form, so it works before (and without) JavaScript. */
function SiteSearch() {
  const location = useLocation();
  const current = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  return (
    <Form method="get" action="/search" role="search" className="site-search" key={current}>
      <label htmlFor="site-search-q" className="visually-hidden">
        Search
      </label>
      <input id="site-search-q" type="search" name="q" defaultValue={current} placeholder="e.g. export invoices to CSV" maxLength={500} />
      <button type="submit" className="button button--small button--secondary">
        Search
      </button>
    </Form>
  );
}

function SiteHeader() {
  const viewer = useViewer();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span aria-hidden="true" className="brand__mark">
            ◆
          </span>{" "}
          Peerdesk
        </Link>
        <nav aria-label="Main" className="site-nav">
          <NavLink to="/questions" end>
            Questions
          </NavLink>
          <NavLink to="/kb">Knowledge base</NavLink>
          <NavLink to="/tags">Tags</NavLink>
          <NavLink to="/users">Users</NavLink>
          {viewer && hasPrivilege(viewer, "review") ? <NavLink to="/review">Review</NavLink> : null}
          <Link to="/questions/ask" className="button button--small">
            Ask question
          </Link>
        </nav>
        <SiteSearch />
        <div className="site-account">
          {viewer ? (
            <>
              <Link to={userPath(viewer)} className="site-account__me">
                <UserName user={viewer} link={false} showReputation />
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="button button--quiet button--small">
                  Log out
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login">Log in</Link>
              <Link to="/signup" className="button button--small button--secondary">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Peerdesk: customers helping customers, with staff close at hand.</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
