import { isTheme, type Theme } from "~/lib/themes";
import { cookieFromHeader, serializeCookie } from "./viewer.server";

const THEME_COOKIE = "peerdesk_theme";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The theme this browser chose, or "system"; a tampered cookie counts as no choice. */
export function readTheme(request: Request): Theme {
  return themeFromCookieHeader(request.headers.get("cookie"));
}

export function themeFromCookieHeader(header: string | null | undefined): Theme {
  const value = cookieFromHeader(header, THEME_COOKIE);
  return isTheme(value) ? value : "system";
}

export function themeCookie(theme: Theme, secure: boolean): string {
  return serializeCookie(THEME_COOKIE, theme, { maxAgeSeconds: theme === "system" ? 0 : ONE_YEAR_SECONDS }, secure);
}
