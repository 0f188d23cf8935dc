// The known-device cookie (see app/services/login-devices.server.ts). It outlives sessions on
// purpose: logging out does not make the browser a stranger to the account.
import { DEVICE_LIFETIME_SECONDS } from "~/services/login-devices.server";
import { readCookie, serializeCookie } from "./viewer.server";

export const DEVICE_COOKIE = "peerdesk_device";

export function readDeviceToken(request: Request): string | null {
  const token = readCookie(request, DEVICE_COOKIE);
  return token && token.length <= 100 ? token : null;
}

export function deviceCookie(token: string, secure: boolean): string {
  return serializeCookie(DEVICE_COOKIE, token, { maxAgeSeconds: DEVICE_LIFETIME_SECONDS }, secure);
}
