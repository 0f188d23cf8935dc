// Sign-up by emailed link, so the form answers the same whether or not the email has an account
// (OWASP ASVS: no account enumeration). A new email gets a link that creates the account; the
// owner of an existing one is told someone tried. The account exists only once the link is used.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { signupRequests, users } from "../../db/schema";
import { safeRedirect } from "~/http/safe-redirect";
import { signUpConfirmPath } from "~/lib/paths";
import { publicUrl, queueEmail } from "./email.server";
import { InvalidInputError } from "./errors";
import { RATE_LIMITS, hitRateLimit } from "./rate-limits.server";
import { generateSessionToken, tokenHash } from "./sessions.server";
import { hashPassword, insertUser, requireFreeDisplayName } from "./users.server";

export const SIGN_UP_LINK_HOURS = 24;

const LINK_NO_LONGER_WORKS = "This sign-up link has expired or has already been used. Sign up again to get a new one.";

/**
 * Step one, from the web form: limited per address and per email; the display name is checked
 * now (names are public); then either a sign-up link to a new email or a notice to an existing one.
 */
export async function requestSignUp(
  db: Database,
  input: { email: string; displayName: string; password: string; clientIp: string; redirectTo?: unknown },
  now = new Date(),
) {
  await hitRateLimit(db, `signup:ip:${input.clientIp}`, RATE_LIMITS.signUpPerIp, now, "Too many sign-ups from your network. Please try again later.");
  // Per email too, so nobody floods one inbox from many networks.
  await hitRateLimit(db, `signup:account:${input.email}`, RATE_LIMITS.signUpPerAccount, now, "Too many sign-up attempts for this email. Please try again later.");
  // Hashed whichever way it goes, so both answers take as long.
  const passwordHash = await hashPassword(input.password);
  const token = generateSessionToken();
  await db.transaction(async (tx) => {
    await requireFreeDisplayName(tx, input.displayName);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) {
      await queueEmail(tx, { to: input.email, subject: "Someone tried to sign up with your email", text: existingAccountText() }, now);
      return;
    }
    const expiresAt = new Date(now.getTime() + SIGN_UP_LINK_HOURS * 60 * 60 * 1000);
    await tx.insert(signupRequests).values({ tokenHash: tokenHash(token), email: input.email, displayName: input.displayName, passwordHash, createdAt: now, expiresAt });
    const link = publicUrl(signUpConfirmPath(token, safeRedirect(input.redirectTo)));
    await queueEmail(tx, { to: input.email, subject: "Finish creating your Peerdesk account", text: confirmText(link) }, now);
  });
}

// The display name typed on the form is left out of both emails: whoever fills in the form
// chooses it, and it should not put their words in someone else's inbox.
function confirmText(link: string) {
  return `Hello,\n\nTo finish creating your Peerdesk account, open this link within ${SIGN_UP_LINK_HOURS} hours and choose "Create my account":\n\n${link}\n\nIf you did not sign up, ignore this email: no account is created without that step.\n`;
}

function existingAccountText() {
  return `Hello,\n\nSomeone (perhaps you) tried to create a Peerdesk account with this email address, but it already has one. To log in:\n\n${publicUrl("/login")}\n\nIf it was not you, you can ignore this email: nothing has changed on your account.\n`;
}

/** For the page behind the link: what the link would create, or null if it no longer works. Uses nothing up. */
export async function findPendingSignUp(db: Database, token: string, now = new Date()) {
  const [request] = await db
    .select({ email: signupRequests.email, displayName: signupRequests.displayName, expiresAt: signupRequests.expiresAt, usedAt: signupRequests.usedAt })
    .from(signupRequests)
    .where(eq(signupRequests.tokenHash, tokenHash(token)));
  if (!request || request.usedAt || request.expiresAt.getTime() <= now.getTime()) return null;
  return { email: request.email, displayName: request.displayName };
}

/**
 * Step two, the button behind the link: in one transaction the link is used up and the account
 * created (with a new display name if the first was taken meanwhile). Returns the new user.
 */
export async function confirmSignUp(db: Database, input: { token: string; displayName?: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(signupRequests).where(eq(signupRequests.tokenHash, tokenHash(input.token))).for("update");
    if (!request || request.usedAt || request.expiresAt.getTime() <= now.getTime()) throw new InvalidInputError({ form: LINK_NO_LONGER_WORKS });
    const user = await insertUser(tx, { email: request.email, displayName: input.displayName ?? request.displayName, passwordHash: request.passwordHash }, now);
    // Another link to the same address was used first; whoever holds this one reads that mailbox.
    if (!user) throw new InvalidInputError({ form: "An account with this email already exists. Log in instead." });
    // Every other link to this address is spent too: the account they would make now exists.
    await tx.update(signupRequests).set({ usedAt: now }).where(and(eq(signupRequests.email, request.email), isNull(signupRequests.usedAt)));
    return user;
  });
}
