// Tokens that carry their own claim and expiry, signed with HMAC-SHA256 under a site key: a link
// that works without logging in (an email's unsubscribe link) and cannot be made up or altered.
import { createHmac, timingSafeEqual } from "node:crypto";

export type TokenCheck = { ok: true; claim: string } | { ok: false; reason: "forged" | "expired" };

function mac(key: string, signed: string) {
  return createHmac("sha256", key).update(signed).digest("base64url");
}

/** "<claim in base64url>.<expiry in unix seconds>.<signature>". */
export function signToken(key: string, claim: string, expiresAt: Date): string {
  const signed = `${Buffer.from(claim, "utf8").toString("base64url")}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${signed}.${mac(key, signed)}`;
}

/** The claim, if the signature is ours and the token has not expired. A forgery is told apart from an expiry only after the signature checks. */
export function verifyToken(key: string, token: string, now: Date): TokenCheck {
  const match = /^([A-Za-z0-9_-]{1,200})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "forged" };
  const [, claim, expiry, signature] = match;
  const expected = Buffer.from(mac(key, `${claim}.${expiry}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" };
  if (Number(expiry) * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, claim: Buffer.from(claim, "base64url").toString("utf8") };
}
