// Notifications by email: what goes out at once, what waits for the daily digest, each member's
// choices, and the signed unsubscribe link that works without logging in.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox, notifications } from "../../db/schema";
import { SUBJECT_CHARS, UNSUBSCRIBE_LINK_DAYS } from "~/domain/email-notifications";
import * as settingsRoute from "~/routes/settings";
import * as unsubscribeRoute from "~/routes/unsubscribe";
import { deliverPendingEmails, folderTransport } from "~/services/email.server";
import { DIGEST_EVERY_MS, emailDeliveries, readUnsubscribeLink, saveEmailDeliveries, sendDueDigests, unsubscribe } from "~/services/email-notifications.server";
import { ExpiredLinkError, InvalidInputError } from "~/services/errors";
import { setTagFollow } from "~/services/follows.server";
import { deletePost } from "~/services/deletion.server";
import { addComment, askQuestion } from "~/services/posting.server";
import { useTestDatabase } from "../support/databases";
import { emailsTo, makeAnswer, makeQuestion, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();
const HOUR = 3_600_000;

/** Follows a tag, making it first (a tag exists once a question has it). */
async function followTag(userId: number, tag: string) {
  const starter = await makeUser(t.db);
  await askQuestion(t.db, { authorId: starter.id, title: `Which ${tag} settings matter most for a new account?`, body: "Starting out and want to get it right.", tags: [tag] });
  await setTagFollow(t.db, { userId, tag, follow: true });
}

const askIn = (tag: string, authorId: number, title: string) => askQuestion(t.db, { authorId, title, body: "I looked in the settings and could not find it.", tags: [tag] });

/** The unsubscribe token at the foot of an email, and the whole link. */
function unsubscribeLinkIn(text: string) {
  const match = /^Stop emails about .*: (http\S+)$/m.exec(text);
  if (!match) throw new Error(`no unsubscribe link in:\n${text}`);
  return { url: match[1], token: new URL(match[1]).searchParams.get("token")! };
}

describe(`notification emails on ${t.plan.label}`, () => {
  it("an answer emails the asker at once: the notice's words, a subject cut at a word, a full link, and one-click unsubscribe headers", async () => {
    const asker = await makeUser(t.db, { name: "Asker Amara" });
    const helper = await makeUser(t.db, { name: "Helper Hugo" });
    const title = "Why does the quarterly VAT report show a different total from the invoice list when I filter by customer?";
    const question = await makeQuestion(t.db, asker.id, title);
    const answer = await makeAnswer(t.db, helper.id, question.id);

    const [email] = await emailsTo(t.db, asker.email);
    expect(email.subject.length).toBeLessThanOrEqual(SUBJECT_CHARS);
    expect(email.subject).toBe("Helper Hugo answered your question “Why does the quarterly VAT report show a different total from…");
    // The body says it as the inbox does (a long title cut there too); the link has the whole question.
    expect(email.text).toContain("Helper Hugo answered your question “Why does the quarterly VAT report show a different total from the invoice");
    expect(email.text).toContain(`http://localhost:3000/questions/${question.id}/`);
    expect(email.text).toContain(`#answer-${answer.id}`);
    // The one who acted hears nothing.
    expect(await emailsTo(t.db, helper.email)).toEqual([]);

    // The message as sent carries RFC 8058's headers, pointing at the same link as the footer.
    await deliverPendingEmails(t.db, { describe: "discard", send: async () => {} }, new Date(0));
    const folder = mkdtempSync(path.join(os.tmpdir(), "peerdesk-notice-mail-"));
    await deliverPendingEmails(t.db, folderTransport(folder));
    const sent = readdirSync(folder)
      .map((file) => readFileSync(path.join(folder, file), "utf8"))
      .find((message) => message.includes(`To: ${asker.email}`))!;
    const unfolded = sent.replace(/=\r?\n/g, "").replace(/\r?\n\s+/g, " ");
    expect(unfolded).toContain(`List-Unsubscribe: <${unsubscribeLinkIn(email.text).url}>`);
    expect(unfolded).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  });

  it("follows each member's choice: never means inbox only, daily waits for one digest a day later, with everything since", async () => {
    const asker = await makeUser(t.db, { name: "Asker Aiko" });
    const helper = await makeUser(t.db, { name: "Helper Hedda", reputation: 100 });
    await saveEmailDeliveries(t.db, asker.id, { answer: "off", comment: "daily" });
    const start = new Date(Date.now() + HOUR);
    const question = await makeQuestion(t.db, asker.id, "Can two people share one login?");
    const answer = await makeAnswer(t.db, helper.id, question.id);
    await addComment(t.db, { authorId: helper.id, postId: question.id, body: "Which plan are you on?" }, start);
    await addComment(t.db, { authorId: helper.id, postId: question.id, body: "Team plans have seats for this." }, new Date(start.getTime() + 2 * HOUR));
    // Nothing by email yet: the answer is inbox-only, the comments wait.
    expect(await emailsTo(t.db, asker.email)).toEqual([]);
    const [answered] = await t.db.select().from(notifications).where(and(eq(notifications.userId, asker.id), eq(notifications.postId, answer.id)));
    expect(answered).toMatchObject({ kind: "answer", emailDigest: false, emailedAt: null });

    expect(await sendDueDigests(t.db, new Date(start.getTime() + DIGEST_EVERY_MS - 1))).toEqual({ sent: 0 });
    const due = new Date(start.getTime() + DIGEST_EVERY_MS);
    // Two job runners at once (two app processes): one digest.
    const runs = await Promise.all([sendDueDigests(t.db, due), sendDueDigests(t.db, due)]);
    expect(runs[0].sent + runs[1].sent).toBe(1);
    const [digest, ...others] = await emailsTo(t.db, asker.email);
    expect(others).toEqual([]);
    expect(digest.subject).toBe("Your Peerdesk digest: 2 new notifications");
    expect(digest.text).toContain("- Helper Hedda commented on your question “Can two people share one login?”.");
    expect(digest.text.match(/commented on your question/g)).toHaveLength(2);
    expect(digest.text).not.toContain("answered");
    expect(unsubscribeLinkIn(digest.text).url).toMatch(/^http:\/\/localhost:3000\/unsubscribe\?token=/);
    // Sent once: the next runs find nothing.
    expect(await sendDueDigests(t.db, new Date(due.getTime() + 2 * DIGEST_EVERY_MS))).toEqual({ sent: 0 });
  });

  it("a digest leaves out what the member turned off since, and notices about posts deleted since", async () => {
    const asker = await makeUser(t.db, { name: "Asker Ines" });
    const helper = await makeUser(t.db, { name: "Helper Holt", reputation: 100 });
    const follower = await makeUser(t.db);
    await saveEmailDeliveries(t.db, asker.id, { comment: "daily", edited: "daily" });
    await followTag(follower.id, "payroll");
    const question = await askIn("payroll", asker.id, "Where is the payroll export?");
    const gone = await askIn("payroll", helper.id, "Does payroll run on bank holidays?");
    await addComment(t.db, { authorId: helper.id, postId: question.id, body: "Under Reports, then Payroll." });
    await deletePost(t.db, { actorId: helper.id, postId: gone.id });
    await saveEmailDeliveries(t.db, asker.id, { comment: "off" });

    await sendDueDigests(t.db, new Date(Date.now() + DIGEST_EVERY_MS + HOUR));
    expect(await emailsTo(t.db, asker.email)).toEqual([]);
    const [digest] = await emailsTo(t.db, follower.email);
    expect(digest.subject).toBe("Your Peerdesk digest: Asker Ines asked “Where is the payroll export?” in payroll, a tag you follow");
    expect(digest.text).not.toContain("bank holidays");
    // What was left out is no longer waiting.
    const waiting = await t.db.select().from(notifications).where(and(eq(notifications.emailDigest, true), isNull(notifications.emailedAt), eq(notifications.userId, asker.id)));
    expect(waiting).toEqual([]);
  });

  it("the settings page saves the choices and shows them back; a bad value is refused with a message", async () => {
    const member = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, member.id);
    const page = await callRoute(() => settingsRoute.loader({ request: getRequest("/settings", cookie), params: {}, context: contextFor(t.db) }));
    expect(page.data.emailDeliveries).toMatchObject({ answer: "instant", new_question: "daily" });
    const fields = { intent: "emailNotifications", email_answer: "daily", email_comment: "off", email_accepted: "instant", email_answer_promoted: "instant", email_edited: "off", email_new_question: "instant", email_badge_earned: "off", email_moderated: "instant", email_mention: "instant", email_escalated: "instant" };
    const saved = await callRoute(() => settingsRoute.action({ request: formRequest("/settings", fields, cookie), params: {}, context: contextFor(t.db) }));
    expect(saved.data).toMatchObject({ ok: true, message: "Your email choices are saved." });
    expect(await emailDeliveries(t.db, member.id)).toEqual({ answer: "daily", comment: "off", accepted: "instant", answer_promoted: "instant", edited: "off", new_question: "instant", badge_earned: "off", moderated: "instant", mention: "instant", escalated: "instant" });
    const bad = await callRoute(() => settingsRoute.action({ request: formRequest("/settings", { ...fields, email_answer: "hourly" }, cookie), params: {}, context: contextFor(t.db) }));
    expect(bad.status).toBe(400);
    expect(bad.data.errors.email_answer).toBe("Choose right away, daily digest or never.");
    expect(bad.data.values.email_answer).toBe("hourly");
    expect((await emailDeliveries(t.db, member.id)).answer).toBe("daily");
  });
});

describe(`unsubscribe links on ${t.plan.label}`, () => {
  async function answeredAsker() {
    const asker = await makeUser(t.db);
    const helper = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    await makeAnswer(t.db, helper.id, question.id);
    const [email] = await emailsTo(t.db, asker.email);
    return { asker, helper, question, ...unsubscribeLinkIn(email.text) };
  }

  it("opening the link changes nothing; the mail client's one-click POST, signed out, turns that kind off; again is harmless", async () => {
    const { asker, helper, question, url } = await answeredAsker();
    const path = url.replace("http://localhost:3000", "");
    const opened = await callRoute(() => unsubscribeRoute.loader({ request: getRequest(path), params: {}, context: contextFor(t.db) }));
    expect(opened.data).toMatchObject({ what: "answers to your questions and to questions you follow", problem: null });
    expect((await emailDeliveries(t.db, asker.id)).answer).toBe("instant");

    const oneClick = () => callRoute(() => unsubscribeRoute.action({ request: formRequest(path, { "List-Unsubscribe": "One-Click" }), params: {}, context: contextFor(t.db) }));
    expect((await oneClick()).data).toMatchObject({ ok: true, changed: true });
    expect(await emailDeliveries(t.db, asker.id)).toMatchObject({ answer: "off", comment: "instant" });
    expect((await oneClick()).data).toMatchObject({ ok: true, changed: false });
    // The next answer reaches the inbox only.
    await makeAnswer(t.db, helper.id, question.id, "Another way: the Export button on the list itself.");
    expect(await emailsTo(t.db, asker.email)).toHaveLength(1);
  });

  it("a forged or altered token is refused with 400, an old one with 410, and neither changes anything", async () => {
    const { asker, token } = await answeredAsker();
    const [claim, expiry, signature] = token.split(".");
    const otherClaim = Buffer.from(`${asker.id + 1}:answer`).toString("base64url");
    const forgeries = [`${otherClaim}.${expiry}.${signature}`, `${claim}.${Number(expiry) + 10_000_000}.${signature}`, `${claim}.${expiry}.${"A".repeat(43)}`, "", "not-a-token"];
    for (const forged of forgeries) {
      await expect(readUnsubscribeLink(t.db, forged)).rejects.toBeInstanceOf(InvalidInputError);
      const posted = await callRoute(() => unsubscribeRoute.action({ request: formRequest("/unsubscribe", { token: forged }), params: {}, context: contextFor(t.db) }));
      expect(posted.status).toBe(400);
      expect(posted.data.errors.token).toMatch(/not valid/);
    }
    const later = new Date(Date.now() + (UNSUBSCRIBE_LINK_DAYS + 1) * 86_400_000);
    await expect(unsubscribe(t.db, token, later)).rejects.toBeInstanceOf(ExpiredLinkError);
    expect((await emailDeliveries(t.db, asker.id)).answer).toBe("instant");
    const page = await callRoute(() => unsubscribeRoute.loader({ request: getRequest(`/unsubscribe?token=${encodeURIComponent(forgeries[0])}`), params: {}, context: contextFor(t.db) }));
    expect(page.status).toBe(400);
    expect(page.data.problem).toMatch(/not valid/);
  });

  it("the digest's link stops everything the digest carries, and nothing sent at once", async () => {
    const member = await makeUser(t.db);
    const asker = await makeUser(t.db);
    await followTag(member.id, "branding");
    await askIn("branding", asker.id, "Can I add a logo to invoices?");
    await sendDueDigests(t.db, new Date(Date.now() + DIGEST_EVERY_MS + HOUR));
    const [digest] = await emailsTo(t.db, member.email);
    await unsubscribe(t.db, unsubscribeLinkIn(digest.text).token);
    expect(await emailDeliveries(t.db, member.id)).toEqual({ answer: "instant", comment: "instant", accepted: "instant", answer_promoted: "instant", edited: "off", new_question: "off", badge_earned: "off", moderated: "instant", mention: "instant", escalated: "instant" });
    const queued = await t.db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.toAddress, member.email));
    expect(queued).toHaveLength(1);
  });
});
