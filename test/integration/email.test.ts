import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emailOutbox } from "../../db/schema";
import { deliverPendingEmails, folderTransport, type MailTransport } from "~/services/email.server";
import { promoteAnswer } from "~/services/knowledge-base.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser } from "../support/fixtures";

const t = useTestDatabase();

describe("email through the outbox", () => {
  it("tells the asker about a new answer and the author about a promotion, written as .eml files", async () => {
    await deliverPendingEmails(t.db, { describe: "discard", send: async () => {} });
    const asker = await makeUser(t.db, { name: "Asker Person" });
    const answerer = await makeUser(t.db, { name: "Helpful Person" });
    const staff = await makeUser(t.db, { role: "staff" });
    const question = await makeQuestion(t.db, asker.id, "Why is my VAT return total off by a penny?");
    const answer = await makeAnswer(t.db, answerer.id, question.id, "Rounding per line vs per invoice: switch to per invoice.");
    await makeAnswer(t.db, asker.id, question.id, "Answering my own question for the record.");
    await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });

    const folder = mkdtempSync(path.join(os.tmpdir(), "peerdesk-outbox-test-"));
    expect(await deliverPendingEmails(t.db, folderTransport(folder))).toEqual({ sent: 2, failed: 0 });
    const messages = readdirSync(folder).map((file) => readFileSync(path.join(folder, file), "utf8"));
    expect(messages).toHaveLength(2);
    const toAsker = messages.find((message) => message.includes(`To: ${asker.email}`))!;
    // Subjects are encoded (the title's curly quotes); the body says the same in full.
    expect(toAsker).toMatch(/Subject: =\?UTF-8\?Q\?Helpful_Person_answered_your_question_\?=/);
    // Quoted-printable folds long lines with "=\n": unfold before looking for the link.
    expect(toAsker.replace(/=\r?\n/g, "")).toContain(`/questions/${question.id}/why-is-my-vat-return-total-off-by-a-penny#answer-${answer.id}`);
    const toAuthor = messages.find((message) => message.includes(`To: ${answerer.email}`))!;
    expect(toAuthor.replace(/=\r?\n/g, "")).toContain("is turning your answer to =E2=80=9CWhy is my VAT return total off by a penny?=E2=80=9D into a knowledge-base article");
    // Nothing is sent twice.
    expect(await deliverPendingEmails(t.db, folderTransport(folder))).toEqual({ sent: 0, failed: 0 });
  });

  it("keeps a failed message for a later retry with the error recorded", async () => {
    await deliverPendingEmails(t.db, { describe: "discard", send: async () => {} });
    const asker = await makeUser(t.db);
    const answerer = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    await makeAnswer(t.db, answerer.id, question.id);
    const broken: MailTransport = { describe: "broken", send: async () => Promise.reject(new Error("connection refused")) };
    const now = new Date();
    expect(await deliverPendingEmails(t.db, broken, now)).toEqual({ sent: 0, failed: 1 });
    const [row] = (await t.db.select().from(emailOutbox)).filter((email) => email.toAddress === asker.email);
    expect(row).toMatchObject({ attempts: 1, sentAt: null });
    expect(row.lastError).toContain("connection refused");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    // Not due yet; then due a minute later, and delivered.
    const sentTo: string[] = [];
    const working: MailTransport = { describe: "working", send: async (email) => void sentTo.push(email.to) };
    expect(await deliverPendingEmails(t.db, working, now)).toEqual({ sent: 0, failed: 0 });
    expect(await deliverPendingEmails(t.db, working, new Date(now.getTime() + 61_000))).toEqual({ sent: 1, failed: 0 });
    expect(sentTo).toEqual([asker.email]);
  });
});
