// The app's development outbox during an end-to-end run: a folder of .eml files named after the
// port, so the tests can open what the app emails (a sign-up link) the way a person would.
import { readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function outboxDir(port = process.env.E2E_PORT ?? "3100"): string {
  return path.join(os.tmpdir(), `peerdesk-e2e-outbox-${port}`);
}

export interface ReceivedEmail {
  to: string;
  subject: string;
  text: string;
}

/** One .eml as nodemailer writes it: headers, a blank line, a text body (7bit or quoted-printable). */
export function parseEml(source: string): ReceivedEmail | null {
  const split = source.search(/\r?\n\r?\n/);
  if (split < 0) return null; // still being written
  const headerBlock = source.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}: *(.*)$`, "im").exec(headerBlock)?.[1]?.trim() ?? "";
  let body = source.slice(split).replace(/^\r?\n\r?\n/, "");
  if (/quoted-printable/i.test(header("Content-Transfer-Encoding"))) body = decodeQuotedPrintable(body);
  return { to: header("To"), subject: decodeEncodedWords(header("Subject")), text: body };
}

/** RFC 2047 encoded words ("=?UTF-8?Q?…?=", "=?UTF-8?B?…?="), as nodemailer writes a subject with curly quotes; the space between two of them is not text. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(encoded: string): string {
  const unfolded = encoded.replace(/=\r?\n/g, ""); // soft line breaks
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const hex = unfolded.slice(i + 1, i + 3);
    if (unfolded[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(unfolded[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Waits for the newest email to `to` whose subject is `subject` (or passes it, for a subject cut to length), as the app's outbox delivers it. */
export async function waitForEmail(to: string, subject: string | ((subject: string) => boolean), timeoutMs = 20_000): Promise<ReceivedEmail> {
  const matches = typeof subject === "string" ? (candidate: string) => candidate === subject : subject;
  const dir = outboxDir();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((file) => file.endsWith(".eml")).sort().reverse();
    } catch {
      // the folder appears with the first email
    }
    for (const file of files) {
      const email = parseEml(readFileSync(path.join(dir, file), "utf8"));
      if (email && email.to === to && matches(email.subject)) return email;
    }
    if (Date.now() > deadline) throw new Error(`no email ${typeof subject === "string" ? `"${subject}"` : "with a matching subject"} to ${to} in ${dir} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The sign-up link in an email, as a path on this site (`/signup/confirm?token=…`). */
export function signUpLinkIn(email: ReceivedEmail): string {
  const match = /https?:\/\/\S+?(\/signup\/confirm\?\S+)/.exec(email.text);
  if (!match) throw new Error(`no sign-up link in: ${email.text}`);
  return match[1];
}
