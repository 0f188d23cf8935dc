// The notification inbox, through the real services and routes: who hears about what (never the
// one who acted, never twice), the unread count the header shows, paging, and marking read.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, reviewItems } from "../../db/schema";
import * as inbox from "~/routes/notifications";
import * as settings from "~/routes/settings";
import { promoteAnswer } from "~/services/knowledge-base.server";
import { markNotificationsRead, notificationPage, notify, unreadCount } from "~/services/notifications.server";
import { addComment, askQuestion, editPost, postAnswer } from "~/services/posting.server";
import { flagPost } from "~/services/flags.server";
import { decideReviewItem } from "~/services/review.server";
import { validateSessionToken } from "~/services/sessions.server";
import { acceptAnswer } from "~/services/voting.server";
import { NotFoundError } from "~/services/errors";
import { followsQuestion, followsTag, setQuestionFollow, setTagFollow } from "~/services/follows.server";
import { useTestDatabase } from "../support/databases";
import { emailsTo, makeAnswer, makeQuestion, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();

/** What a member's inbox says, newest first, as the page shows it. */
async function inboxLines(userId: number) {
  const page = await notificationPage(t.db, userId);
  return page.notifications.map((item) => (item.actor ? `${item.actor.displayName} ${item.message}` : item.message));
}

describe(`notifications on ${t.plan.label}`, () => {
  it("an answer, a comment, an accept and an edit each reach the author, named by who acted", async () => {
    const asker = await makeUser(t.db, { name: "Asker Ada" });
    const helper = await makeUser(t.db, { name: "Helper Hal", reputation: 2000 });
    const question = await makeQuestion(t.db, asker.id, "Why does my bank feed stop syncing every Monday morning?");
    const answer = await makeAnswer(t.db, helper.id, question.id);
    await addComment(t.db, { authorId: asker.id, postId: answer.id, body: "Thanks, that worked for the main account." });
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    await editPost(t.db, { editorId: helper.id, postId: question.id, body: "My bank feed stops syncing every Monday morning, since the app update.", title: "Why does my bank feed stop syncing every Monday morning?" });

    expect(await inboxLines(asker.id)).toEqual([
      "Helper Hal edited your question “Why does my bank feed stop syncing every Monday morning?”",
      "Helper Hal answered your question “Why does my bank feed stop syncing every Monday morning?”",
    ]);
    expect(await inboxLines(helper.id)).toEqual([
      "You earned the “Editor” badge (bronze): Improved someone else's question or answer with an edit.",
      "Asker Ada accepted your answer to “Why does my bank feed stop syncing every Monday morning?”",
      "You earned the “Helper” badge (bronze): Wrote an answer that the asker accepted.",
      "Asker Ada commented on your answer to “Why does my bank feed stop syncing every Monday morning?”",
    ]);
    const [answered] = (await notificationPage(t.db, asker.id)).notifications.slice(-1);
    expect(answered.link).toBe(`/questions/${question.id}/why-does-my-bank-feed-stop-syncing-every-monday-morning#answer-${answer.id}`);
  });

  it("the asker follows their question; other followers hear of answers too; unfollowing stops them", async () => {
    const asker = await makeUser(t.db);
    const follower = await makeUser(t.db);
    const helper = await makeUser(t.db, { name: "Helper Hana" });
    const question = await makeQuestion(t.db, asker.id, "Can I undo a bank reconciliation?");
    expect(await followsQuestion(t.db, asker.id, question.id)).toBe(true);
    await setQuestionFollow(t.db, { userId: follower.id, questionId: question.id, follow: true });
    await setQuestionFollow(t.db, { userId: follower.id, questionId: question.id, follow: true });
    await makeAnswer(t.db, helper.id, question.id);
    expect(await inboxLines(asker.id)).toEqual(["Helper Hana answered your question “Can I undo a bank reconciliation?”"]);
    expect(await inboxLines(follower.id)).toEqual(["Helper Hana answered a question you follow: “Can I undo a bank reconciliation?”"]);

    await setQuestionFollow(t.db, { userId: asker.id, questionId: question.id, follow: false });
    await makeAnswer(t.db, helper.id, question.id, "Open Banking, then Reconciliations, and choose Undo on the last one.");
    expect(await inboxLines(asker.id)).toHaveLength(1);
    expect(await inboxLines(follower.id)).toHaveLength(2);
    await expect(setQuestionFollow(t.db, { userId: follower.id, questionId: 999_999, follow: true })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a new question in a followed tag reaches the tag's followers (once, whatever the tags), never its asker", async () => {
    const follower = await makeUser(t.db);
    const asker = await makeUser(t.db, { name: "Asker Ari" });
    await makeQuestion(t.db, asker.id); // makes the tags "exports" and "invoices"
    await setTagFollow(t.db, { userId: follower.id, tag: "invoices", follow: true });
    await setTagFollow(t.db, { userId: follower.id, tag: "exports", follow: true });
    await setTagFollow(t.db, { userId: asker.id, tag: "exports", follow: true });
    expect(await followsTag(t.db, follower.id, "exports")).toBe(true);
    await makeQuestion(t.db, asker.id, "Exporting invoices with their attachments?");
    expect(await inboxLines(follower.id)).toEqual(["Asker Ari asked “Exporting invoices with their attachments?” in exports, a tag you follow"]);
    expect(await inboxLines(asker.id)).toEqual([]);
    await setTagFollow(t.db, { userId: follower.id, tag: "exports", follow: false });
    await setTagFollow(t.db, { userId: follower.id, tag: "invoices", follow: false });
    await makeQuestion(t.db, asker.id, "Exporting credit notes?");
    expect(await inboxLines(follower.id)).toHaveLength(1);
    await expect(setTagFollow(t.db, { userId: follower.id, tag: "no-such-tag", follow: true })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("nobody is told about their own answer, comment, accept or edit", async () => {
    const member = await makeUser(t.db, { reputation: 50 });
    const question = await makeQuestion(t.db, member.id);
    const answer = await makeAnswer(t.db, member.id, question.id);
    await addComment(t.db, { authorId: member.id, postId: question.id, body: "Adding the version: 4.2 on Windows." });
    await acceptAnswer(t.db, { actorId: member.id, answerId: answer.id });
    await editPost(t.db, { editorId: member.id, postId: answer.id, body: "Go to Reports, then Export, choose CSV and tick 'all years'." });
    expect(await inboxLines(member.id)).toEqual([]);
  });

  it("an event that fires again tells nobody twice; one person named twice in one event hears once", async () => {
    const asker = await makeUser(t.db);
    const helper = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, helper.id, question.id);
    // Accept, undo, accept again: one notice for the accept.
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id, undo: true });
    await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
    expect((await inboxLines(helper.id)).filter((line) => line.includes("accepted your answer"))).toHaveLength(1);

    const notice = { userId: asker.id, kind: "comment" as const, message: "commented on your question", link: "/", dedupeKey: "test:1" };
    expect(await notify(t.db, helper.id, [notice, { ...notice, dedupeKey: "test:2" }])).toBe(1);
    expect(await notify(t.db, helper.id, [notice])).toBe(0);
  });

  it("a promotion tells the answer's author, by the staff member who promoted it", async () => {
    const staff = await makeUser(t.db, { role: "staff", name: "Staff Sam" });
    const asker = await makeUser(t.db);
    const helper = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id, "How do I merge two customer records?");
    const answer = await makeAnswer(t.db, helper.id, question.id);
    await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
    expect(await inboxLines(helper.id)).toContain("Staff Sam is turning your answer to “How do I merge two customer records?” into a knowledge-base article");
  });

  it("counts unread (up to 100) with the session, pages by id, and marks only the member's own read", async () => {
    const member = await makeUser(t.db);
    const other = await makeUser(t.db);
    for (let i = 0; i < 105; i++) await notify(t.db, other.id, [{ userId: member.id, kind: "comment", message: `commented ${i}`, link: "/", dedupeKey: `bulk:${i}` }]);
    await notify(t.db, member.id, [{ userId: other.id, kind: "comment", message: "commented", link: "/", dedupeKey: "other:1" }]);
    expect(await unreadCount(t.db, member.id)).toBe(100);
    const cookie = await sessionCookieFor(t.db, member.id);
    const session = await validateSessionToken(t.db, cookie.split("=")[1]);
    expect(session?.user.unreadNotifications).toBe(100);

    const first = await notificationPage(t.db, member.id);
    expect(first.notifications).toHaveLength(30);
    expect(first.notifications[0].message).toBe("commented 104");
    const second = await notificationPage(t.db, member.id, { before: first.nextBefore });
    expect(second.notifications[0].message).toBe("commented 74");
    await expect(notificationPage(t.db, member.id, { before: "not-a-number" })).rejects.toThrow();

    // Someone else's notification id marks nothing.
    const [theirs] = await t.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, other.id));
    expect(await markNotificationsRead(t.db, member.id, [theirs.id])).toBe(0);
    expect(await markNotificationsRead(t.db, member.id, [first.notifications[0].id])).toBe(1);
    expect(await unreadCount(t.db, other.id)).toBe(1);
    expect(await markNotificationsRead(t.db, member.id, "all")).toBe(104);
    expect(await unreadCount(t.db, member.id)).toBe(0);
  });

  it("the page: log in first; a member reads their own; a bad button or page link is a 400", async () => {
    const member = await makeUser(t.db);
    const other = await makeUser(t.db);
    await notify(t.db, other.id, [{ userId: member.id, kind: "comment", message: "commented on your question “Exports”", link: "/", dedupeKey: "page:1" }]);
    const anonymous = await callRoute(() => inbox.loader({ request: getRequest("/notifications"), params: {}, context: contextFor(t.db) }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe("/login?redirectTo=%2Fnotifications");

    const cookie = await sessionCookieFor(t.db, member.id);
    const page = await callRoute(() => inbox.loader({ request: getRequest("/notifications", cookie), params: {}, context: contextFor(t.db) }));
    expect(page.data.unread).toBe(1);
    expect(page.data.notifications[0]).toMatchObject({ message: "commented on your question “Exports”", actor: { id: other.id } });

    const bad = await callRoute(() => inbox.action({ request: formRequest("/notifications", { intent: "read", id: "x" }, cookie), params: {}, context: contextFor(t.db) }));
    expect(bad.status).toBe(400);
    const badPage = await callRoute(() => inbox.loader({ request: getRequest("/notifications?before=abc", cookie), params: {}, context: contextFor(t.db) }));
    expect(badPage.status).toBe(400);

    const done = await callRoute(() => inbox.action({ request: formRequest("/notifications", { intent: "read-all" }, cookie), params: {}, context: contextFor(t.db) }));
    expect(done.status).toBe(302);
    expect(await unreadCount(t.db, member.id)).toBe(0);
  });

  it("a reviewer's decision on a flagged post tells its author, with the reason; dismissing a flag tells nobody", async () => {
    const asker = await makeUser(t.db);
    const author = await makeUser(t.db);
    const flagger = await makeUser(t.db, { reputation: 100 });
    const staff = await makeUser(t.db, { role: "staff", name: "Staff Sol" });
    const question = await makeQuestion(t.db, asker.id, "How do I merge two customer records?");
    const answer = await makeAnswer(t.db, author.id, question.id);
    await flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: "off_topic" });
    const before = await inboxLines(author.id);
    const item = await openReviewItem(answer.id, "flagged");
    await decideReviewItem(t.db, { reviewerId: staff.id, itemId: item, decision: "hide", note: "It answers a different question; please edit it to fit." });
    expect((await inboxLines(author.id)).slice(0, -before.length || undefined)).toEqual([
      "Staff Sol hid your answer to “How do I merge two customer records?”: It answers a different question; please edit it to fit.",
    ]);
    const [email] = await emailsTo(t.db, author.email);
    expect(email.subject).toBe("Staff Sol hid your answer to “How do I merge two customer records?”: It answers a different…");

    const other = await makeAnswer(t.db, author.id, question.id, "Use Contacts, then Merge, and pick the record to keep.");
    await flagPost(t.db, { flaggerId: flagger.id, postId: other.id, kind: "off_topic" });
    const count = (await inboxLines(author.id)).length;
    await decideReviewItem(t.db, { reviewerId: staff.id, itemId: await openReviewItem(other.id, "flagged"), decision: "dismiss" });
    expect(await inboxLines(author.id)).toHaveLength(count);
  });

  it("a held question is news to nobody until approved; then its tag's followers hear of it from the asker, and the asker hears it is public", async () => {
    const follower = await makeUser(t.db);
    const starter = await makeUser(t.db);
    await askQuestion(t.db, { authorId: starter.id, title: "Which desktop app version is current?", body: "Checking before I update.", tags: ["desktop"] });
    await setTagFollow(t.db, { userId: follower.id, tag: "desktop", follow: true });
    const newbie = await makeUser(t.db, { name: "Newbie Noor", createdAt: new Date(Date.now() - 3600_000) });
    const question = await askQuestion(t.db, {
      authorId: newbie.id,
      title: "Where can I download the desktop app for Linux?",
      body: "I tried https://a.example and https://b.example and https://c.example",
      tags: ["desktop"],
    });
    expect(question.held).toBe(true);
    expect(await inboxLines(follower.id)).toEqual([]);
    const staff = await makeUser(t.db, { role: "staff", name: "Staff Saoirse" });
    await decideReviewItem(t.db, { reviewerId: staff.id, itemId: await openReviewItem(question.id, "new_user_links"), decision: "approve" });
    expect(await inboxLines(follower.id)).toEqual(["Newbie Noor asked “Where can I download the desktop app for Linux?” in desktop, a tag you follow"]);
    expect(await inboxLines(newbie.id)).toContain("Staff Saoirse approved your question “Where can I download the desktop app for Linux?”: everyone can see it now");
  });

  it("a held answer, once approved, reaches the asker like any answer", async () => {
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id, "Is there a Linux build of the desktop app?");
    const newbie = await makeUser(t.db, { name: "Newbie Nia", createdAt: new Date(Date.now() - 3600_000) });
    const answer = await postAnswer(t.db, { authorId: newbie.id, questionId: question.id, body: "See https://a.example, https://b.example and https://c.example" });
    expect(await inboxLines(asker.id)).toEqual([]);
    const staff = await makeUser(t.db, { role: "staff" });
    await decideReviewItem(t.db, { reviewerId: staff.id, itemId: await openReviewItem(answer.id, "new_user_links"), decision: "approve" });
    expect(await inboxLines(asker.id)).toEqual(["Newbie Nia answered your question “Is there a Linux build of the desktop app?”"]);
  });

  it("settings list what a member follows, and Unfollow there stops it; an unknown tag is a clear 404", async () => {
    const member = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, member.id);
    const mine = await makeQuestion(t.db, member.id, "How do I archive old clients?");
    const other = await makeUser(t.db);
    const theirs = await makeQuestion(t.db, other.id, "Can I bulk-edit tax rates?");
    await setQuestionFollow(t.db, { userId: member.id, questionId: theirs.id, follow: true });
    await setTagFollow(t.db, { userId: member.id, tag: "invoices", follow: true });
    const page = await callRoute(() => settings.loader({ request: getRequest("/settings", cookie), params: {}, context: contextFor(t.db) }));
    expect(page.data.follows).toEqual({ tags: ["invoices"], questions: [{ id: theirs.id, title: "Can I bulk-edit tax rates?" }, { id: mine.id, title: "How do I archive old clients?" }] });

    const post = (fields: Record<string, string>) => callRoute(() => settings.action({ request: formRequest("/settings", fields, cookie), params: {}, context: contextFor(t.db) }));
    expect((await post({ intent: "unfollowTag", tag: "invoices" })).data).toMatchObject({ ok: true, message: "You no longer follow invoices." });
    expect((await post({ intent: "unfollowQuestion", questionId: String(mine.id) })).data).toMatchObject({ ok: true });
    expect(await followsTag(t.db, member.id, "invoices")).toBe(false);
    expect(await followsQuestion(t.db, member.id, mine.id)).toBe(false);
    expect(await followsQuestion(t.db, member.id, theirs.id)).toBe(true);
    const unknown = await post({ intent: "unfollowTag", tag: "no-such-tag" });
    expect(unknown.status).toBe(404);
    expect(unknown.data.errors.form).toBe("That tag does not exist.");
  });

  it("@mentions reach people in the thread once, from answers, comments and edits; never strangers, code or the one writing", async () => {
    const asker = await makeUser(t.db, { name: "Asker Ama" });
    const commenter = await makeUser(t.db, { name: "Cora Lind", reputation: 100 });
    const stranger = await makeUser(t.db, { name: "Stan Gray" });
    const helper = await makeUser(t.db, { name: "Hal Berg", reputation: 100 });
    const question = await makeQuestion(t.db, asker.id, "Why do reminders go out twice?");
    await addComment(t.db, { authorId: commenter.id, postId: question.id, body: "Same here since Monday." });
    const answer = await makeAnswer(t.db, helper.id, question.id, "@CoraLind @StanGray @HalBerg `@AskerAma` and @AskerAma: turn off the legacy reminder rule.");
    expect(await inboxLines(commenter.id)).toEqual(["Hal Berg mentioned you in an answer to “Why do reminders go out twice?”"]);
    expect(await inboxLines(stranger.id)).toEqual([]);
    // The asker hears once: the answer to their question, not a second time as a mention.
    expect(await inboxLines(asker.id)).toEqual([
      "Hal Berg answered your question “Why do reminders go out twice?”",
      "Cora Lind commented on your question “Why do reminders go out twice?”",
    ]);
    expect((await inboxLines(helper.id)).filter((line) => line.includes("mentioned"))).toEqual([]);

    await addComment(t.db, { authorId: commenter.id, postId: answer.id, body: "@halberg that fixed it, thanks!" });
    expect((await inboxLines(helper.id))[0]).toBe("Cora Lind commented on your answer to “Why do reminders go out twice?”");
    await addComment(t.db, { authorId: asker.id, postId: answer.id, body: "Thanks @HalBerg and @CoraLind." });
    expect((await inboxLines(commenter.id))[0]).toBe("Asker Ama mentioned you in a comment on “Why do reminders go out twice?”");

    // An edit that adds a mention tells the newly mentioned once; saving it again tells nobody again.
    const edit = (body: string) => editPost(t.db, { editorId: helper.id, postId: answer.id, body });
    const before = (await inboxLines(asker.id)).length;
    await edit("@CoraLind @AskerAma turn off the legacy reminder rule under Settings, then Reminders.");
    await edit("@CoraLind @AskerAma turn off the legacy reminder rule under Settings, then Reminders (both of them).");
    const added = (await inboxLines(asker.id)).slice(0, (await inboxLines(asker.id)).length - before);
    expect(added).toEqual(["Hal Berg mentioned you in an answer to “Why do reminders go out twice?”"]);
  });
});

async function openReviewItem(postId: number, reason: string) {
  const [item] = await t.db
    .select({ id: reviewItems.id })
    .from(reviewItems)
    .where(and(eq(reviewItems.postId, postId), eq(reviewItems.status, "open"), eq(reviewItems.reason, reason as "flagged")));
  return item.id;
}
