import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary, errorTitle } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import { UserName } from "./components/user-name";
import { getSession, readSessionToken, sessionCookie } from "./http/viewer.server";
import stylesheet from "./styles/app.css?url";
import { settingsPath, userPath } from "./lib/paths";
import { hasPrivilege } from "./domain/privileges";
import { readTheme } from "./http/theme.server";
import { BellIcon, LogoMark, MenuIcon, SearchIcon } from "./components/icons";
import { Avatar } from "./components/avatar";
import { THEMES, type Theme } from "./lib/themes";
import { unreadCountText } from "./lib/unread";

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
    {
      viewer: viewer ? { id: viewer.id, displayName: viewer.displayName, role: viewer.role, reputation: viewer.reputation, unreadNotifications: viewer.unreadNotifications } : null,
      theme: readTheme(request),
    },
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
      <input id="site-search-q" type="search" name="q" defaultValue={current} placeholder="Search" maxLength={500} />
      <button type="submit" className="button button--small button--secondary site-search__button">
        <SearchIcon size={18} />
        <span className="site-search__label">Search</span>
      </button>
    </Form>
  );
}

type Section = "questions" | "kb" | "tags" | "users" | "review" | "ask" | null;

/** Which part of the site a path belongs to, so its navigation link is marked on every page, "/" included. */
function sectionOf(pathname: string): Section {
  if (pathname === "/questions/ask" || pathname.startsWith("/questions/ask/")) return "ask";
  if (pathname === "/" || pathname.startsWith("/questions")) return "questions";
  if (pathname.startsWith("/kb")) return "kb";
  if (pathname.startsWith("/tags")) return "tags";
  if (pathname.startsWith("/users")) return "users";
  if (pathname.startsWith("/review")) return "review";
  return null;
}

function NavLinks({ section }: { section: Section }) {
  const viewer = useViewer();
  const link = (to: string, name: Section, label: string) => (
    <Link to={to} aria-current={section === name ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <>
      {link("/questions", "questions", "Questions")}
      {link("/kb", "kb", "Knowledge base")}
      {link("/tags", "tags", "Tags")}
      {link("/users", "users", "Users")}
      {viewer && hasPrivilege(viewer, "review") ? link("/review", "review", "Review") : null}
    </>
  );
}

function AccountLinks({ inMenu }: { inMenu: boolean }) {
  const viewer = useViewer();
  const location = useLocation();
  if (!viewer) {
    const back = location.pathname === "/login" || location.pathname === "/signup" ? "" : `?redirectTo=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <>
        <Link to={`/login${back}`}>Log in</Link>
        <Link to="/signup" className="button button--small button--secondary">
          Sign up
        </Link>
      </>
    );
  }
  const links = (
    <>
      <Link to={userPath(viewer)} className="site-account__me">
        <UserName user={viewer} link={false} showReputation />
      </Link>
      <Link to={settingsPath()} aria-current={location.pathname.startsWith("/settings") ? "page" : undefined}>
        Settings
      </Link>
      <Form method="post" action="/logout">
        <button type="submit" className="button button--quiet button--small">
          Log out
        </button>
      </Form>
    </>
  );
  if (inMenu) return links;
  // On a wide screen the account folds behind its avatar, as on most forums, so the header stays one row.
  return (
    <details className="account-menu" key={location.key}>
      <summary className="account-menu__toggle">
        <Avatar user={viewer} size={32} />
        <span className="visually-hidden">Your account</span>
      </summary>
      <div className="account-menu__panel">{links}</div>
    </details>
  );
}

/** The signed-in member's way to their notifications, with the unread count; on every screen size. */
function NotificationBell() {
  const viewer = useViewer();
  const location = useLocation();
  if (!viewer) return null;
  const unread = viewer.unreadNotifications;
  const shown = unreadCountText(unread);
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-label={unread > 0 ? `Notifications, ${shown} unread` : "Notifications"}
      aria-current={location.pathname === "/notifications" ? "page" : undefined}
    >
      <BellIcon size={20} />
      {unread > 0 ? (
        <span className="notification-bell__count" aria-hidden="true">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}

function SiteHeader() {
  const location = useLocation();
  const section = sectionOf(location.pathname);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <LogoMark size={18} /> <span className="brand__name">Peerdesk</span>
        </Link>
        <nav aria-label="Main" className="site-nav site-nav--wide">
          <NavLinks section={section} />
        </nav>
        <SiteSearch />
        <Link to="/questions/ask" className="button button--small site-ask site-ask--wide" aria-current={section === "ask" ? "page" : undefined}>
          Ask question
        </Link>
        <NotificationBell />
        <div className="site-account site-account--wide">
          <AccountLinks inMenu={false} />
        </div>
        {/* On a phone the links fold into one menu, so the header stays one row. Keyed by the
            location, so it closes after a link is followed. A details element needs no script. */}
        <details className="site-menu" key={location.key}>
          <summary className="button button--quiet button--small site-menu__toggle">
            <MenuIcon size={18} /> Menu
          </summary>
          <div className="site-menu__panel">
            <Link to="/questions/ask" className="button button--small" aria-current={section === "ask" ? "page" : undefined}>
              Ask question
            </Link>
            <nav aria-label="Main" className="site-nav site-nav--menu">
              <NavLinks section={section} />
            </nav>
            <div className="site-account site-account--menu">
              <AccountLinks inMenu />
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}

const THEME_LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Light, dark, or the system's choice: three buttons in one small form, remembered in a cookie. */
function ThemeSwitch({ theme }: { theme: Theme }) {
  const location = useLocation();
  return (
    <Form method="post" action="/preferences/theme" className="theme-switch" reloadDocument>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map((option) => (
          <button key={option} type="submit" name="theme" value={option} aria-pressed={theme === option} className="theme-switch__option">
            {THEME_LABELS[option]}
          </button>
        ))}
      </fieldset>
    </Form>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const theme = useRouteLoaderData<typeof loader>("root")?.theme ?? "system";
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
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
          <div className="site-footer__inner">
            <p>Peerdesk: customers helping customers, with staff close at hand.</p>
            <nav aria-label="Footer" className="site-footer__links">
              <Link to="/kb">Knowledge base</Link>
              <Link to="/tags">Tags</Link>
              <Link to="/users">Users</Link>
              <Link to="/badges">Badges</Link>
            </nav>
            <ThemeSwitch theme={theme} />
          </div>
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
