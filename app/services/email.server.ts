// Email: queued in the database with the change it reports (a transactional outbox), delivered
// by whichever app process gets to it first. SMTP in production (SMTP_URL); in development and
// tests, a local outbox folder of .eml files to open in any mail client.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull, lte, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Database } from "../../db/client";
import { emailOutbox } from "../../db/schema";
import { config } from "~/config.server";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** A one-click unsubscribe address: sent as List-Unsubscribe with List-Unsubscribe-Post (RFC 8058). */
  unsubscribeUrl?: string | null;
}

export interface MailTransport {
  describe: string;
  send(email: OutgoingEmail): Promise<void>;
}

const MAX_ATTEMPTS = 8;

/** The site's public address, for links in emails. */
export function publicUrl(pathname: string) {
  return new URL(pathname, config().publicUrl).toString();
}

/**
 * A nodemailer transporter made on first use: nodemailer takes a third of a second to load, which
 * every start paid (and most processes never send mail themselves).
 */
function lazyTransporter(options: Parameters<typeof import("nodemailer").createTransport>[0]): () => Promise<Transporter> {
  let made: Promise<Transporter> | undefined;
  return () => (made ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(options)));
}

/** What nodemailer sends for one email: the site's sender, and the unsubscribe headers when there is a link. */
function message(email: OutgoingEmail) {
  return {
    from: config().MAIL_FROM,
    to: email.to,
    subject: email.subject,
    text: email.text,
    headers: email.unsubscribeUrl ? { "List-Unsubscribe": `<${email.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {},
  };
}

export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = lazyTransporter(smtpUrl);
  return {
    describe: `SMTP ${new URL(smtpUrl).host}`,
    async send(email) {
      await (await transporter()).sendMail(message(email));
    },
  };
}

/** Writes each message, fully formed (headers and all), as an .eml file in a folder. */
export function folderTransport(folder: string): MailTransport {
  const transporter = lazyTransporter({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    describe: `outbox folder ${folder}`,
    async send(email) {
      mkdirSync(folder, { recursive: true });
      const info = await (await transporter()).sendMail(message(email));
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^a-z0-9]/gi, "").slice(0, 24)}.eml`;
      writeFileSync(path.join(folder, name), info.message as Buffer);
    },
  };
}

/** Call inside the use case's transaction: the email is sent only if the change commits. */
export async function queueEmail(tx: Database, email: OutgoingEmail, now = new Date()) {
  await queueEmails(tx, [email], now);
}

/** Several at once, in one statement (a notice to every follower of a question). */
export async function queueEmails(tx: Database, emails: OutgoingEmail[], now = new Date()) {
  if (emails.length === 0) return;
  await tx
    .insert(emailOutbox)
    .values(emails.map((email) => ({ toAddress: email.to, subject: email.subject, bodyText: email.text, unsubscribeUrl: email.unsubscribeUrl ?? null, createdAt: now, nextAttemptAt: now })));
}

/**
 * Sends what is due. Each message is claimed with FOR UPDATE SKIP LOCKED inside its own
 * transaction, so several processes can run this at once without sending anything twice.
 */
export async function deliverPendingEmails(db: Database, transport: MailTransport, now = new Date(), limit = 20) {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [email] = await tx
        .select()
        .from(emailOutbox)
        .where(and(isNull(emailOutbox.sentAt), lte(emailOutbox.nextAttemptAt, now), sql`${emailOutbox.attempts} < ${MAX_ATTEMPTS}`))
        .orderBy(emailOutbox.nextAttemptAt, emailOutbox.id)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!email) return "idle" as const;
      try {
        await transport.send({ to: email.toAddress, subject: email.subject, text: email.bodyText, unsubscribeUrl: email.unsubscribeUrl });
        await tx.update(emailOutbox).set({ sentAt: now, attempts: email.attempts + 1, lastError: null }).where(eq(emailOutbox.id, email.id));
        return "sent" as const;
      } catch (error) {
        // Back off: 1, 2, 4 … minutes.
        const retryAt = new Date(now.getTime() + 60_000 * 2 ** email.attempts);
        await tx
          .update(emailOutbox)
          .set({ attempts: email.attempts + 1, lastError: String(error).slice(0, 500), nextAttemptAt: retryAt })
          .where(eq(emailOutbox.id, email.id));
        return "failed" as const;
      }
    });
    if (outcome === "idle") break;
    if (outcome === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}
