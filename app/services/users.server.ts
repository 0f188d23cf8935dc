import { hash, verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users, type Role } from "../../db/schema";
import { can } from "~/domain/privileges";
import { normaliseDisplayName } from "~/forms/account-forms.server";
import { InvalidInputError, NotFoundError } from "./errors";
import { findActor, requireAllowed } from "./actors.server";
import { findKnownDevice, rememberDevice } from "./login-devices.server";
import { RATE_LIMITS, countHit, hitRateLimit, resetRateLimit } from "./rate-limits.server";
import { isUniqueViolation } from "./unique-violation.server";

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1).
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, ARGON2_OPTIONS);
}

// Verifying against a real hash when the account does not exist keeps login timing the same.
let dummyHash: Promise<string> | undefined;

export const DISPLAY_NAME_TAKEN = "That display name is taken.";

/** Refuses a name that reads the same as a member's (the database compares peerdesk_name_key). */
export async function requireFreeDisplayName(tx: Database, displayName: string) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.displayNameKey} = peerdesk_name_key(${normaliseDisplayName(displayName)})`);
  if (taken) throw new InvalidInputError({ displayName: DISPLAY_NAME_TAKEN });
}

/**
 * Inserts an account whose password is already hashed. Returns null when the email has one.
 * A name that differs from a member's only by case, width, spacing or invisible characters
 * violates the unique index on display_name_key: "taken", never a 500.
 */
export async function insertUser(
  tx: Database,
  input: { email: string; displayName: string; passwordHash: string; role?: Role },
  now: Date,
): Promise<{ id: number } | null> {
  try {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, displayName: normaliseDisplayName(input.displayName), passwordHash: input.passwordHash, role: input.role ?? "customer", createdAt: now })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    return user ?? null;
  } catch (error) {
    if (isUniqueViolation(error, "users_display_name_key_unique")) throw new InvalidInputError({ displayName: DISPLAY_NAME_TAKEN });
    throw error;
  }
}

/** An account made at once, for the demo seed and scripts (the web asks for an emailed link first). */
export async function signUp(
  db: Database,
  input: { email: string; displayName: string; password: string; role?: Role },
  now = new Date(),
) {
  const passwordHash = await hashPassword(input.password);
  const user = await insertUser(db, { ...input, passwordHash }, now);
  if (!user) throw new InvalidInputError({ email: "An account with this email already exists. Log in instead?" });
  return user;
}

export async function verifyLogin(db: Database, input: { email: string; password: string }) {
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email));
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verify(await dummyHash, input.password).catch(() => false);
    return null;
  }
  const ok = await verify(user.passwordHash, input.password).catch(() => false);
  return ok ? { id: user.id } : null;
}

/**
 * Log in. Every attempt counts against the address. Then, unless the browser is a known device
 * of this account (with tries left), against the account from this address and against the
 * account from everywhere (a higher ceiling that slows a guesser spread over many addresses).
 * A success clears the failures it was counted with, and makes or refreshes the known device.
 * A wrong password is an InvalidInputError for the form.
 */
export async function authenticate(
  db: Database,
  input: { email: string; password: string; clientIp: string; deviceToken?: string | null },
  now = new Date(),
) {
  const message = "Too many login attempts. Please wait a few minutes and try again.";
  await hitRateLimit(db, `login:ip:${input.clientIp}`, RATE_LIMITS.loginPerIp, now, message);
  const device = input.deviceToken ? await findKnownDevice(db, input.deviceToken, input.email, now) : null;
  const deviceKey = device ? `login:device:${device.tokenHash}` : null;
  const pairKey = `login:account-ip:${input.email}:${input.clientIp}`;
  // A known device that has spent its own tries is treated like any other browser.
  const trusted = deviceKey !== null && (await countHit(db, deviceKey, RATE_LIMITS.loginPerDevice, now)).allowed;
  if (!trusted) {
    await hitRateLimit(db, pairKey, RATE_LIMITS.loginPerAccountIp, now, message);
    await hitRateLimit(db, `login:account:${input.email}`, RATE_LIMITS.loginPerAccount, now, message);
  }
  const user = await verifyLogin(db, input);
  if (!user) throw new InvalidInputError({ form: "That email and password do not match an account." });
  if (!trusted) await resetRateLimit(db, pairKey);
  if (deviceKey) await resetRateLimit(db, deviceKey);
  const deviceToken = await rememberDevice(db, user.id, device, now);
  return { id: user.id, deviceToken };
}

export async function setRole(db: Database, input: { actorId: number; targetId: number; role: Role }) {
  return db.transaction(async (tx) => {
    const actor = await findActor(tx, input.actorId);
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.targetId)).for("update");
    if (!target) throw new NotFoundError("That user");
    requireAllowed(can(actor, { type: "changeRole", target }));
    await tx.update(users).set({ role: input.role }).where(eq(users.id, input.targetId));
  });
}

/** For the shell (`npm run user:role`): no actor, the operator is trusted. */
export async function setRoleByEmail(db: Database, email: string, role: Role) {
  const updated = await db
    .update(users)
    .set({ role })
    .where(eq(users.email, email.trim().toLowerCase()))
    .returning({ id: users.id });
  return updated.length > 0;
}

/** A member's display name, for building their profile's address (slug included); null if there is no such member. */
export async function displayNameOf(db: Database, userId: number): Promise<string | null> {
  const [row] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.displayName ?? null;
}
