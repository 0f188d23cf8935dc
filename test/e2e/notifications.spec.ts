// The notification bell and inbox: an answer to your question shows as an unread count in the
// header, the inbox names who answered and links to the answer, and reading clears the count.
import { expect, test } from "@playwright/test";
import { DEMO, answerViaHttp, askViaHttp, createUserViaHttp, javaScriptEnabled, logIn, newQuestion } from "./helpers";
import { waitForEmail } from "./outbox";

test("an answer to your question rings the bell; the inbox links to it and reading clears the count", { tag: "@phone" }, async ({ page }) => {
  const asker = await createUserViaHttp("bell-asker");
  const helper = await createUserViaHttp("bell-helper");
  const question = newQuestion("bell");
  const { path } = await askViaHttp(asker, question);
  const answerId = await answerViaHttp(helper, path, "Reconnect the bank feed from Settings, then Banking, and re-import the statement.");

  await logIn(page, asker);
  const bell = page.getByRole("link", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  await expect(page.getByRole("status")).toHaveText("1 unread.");
  const item = page.getByRole("link", { name: `${helper.displayName} answered your question “${question.title}”` });
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute("href", new RegExp(`#answer-${answerId}$`));

  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("status")).toHaveText("You have no unread notifications.");
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  // The notification stays, read, and still leads to the answer.
  await page.getByRole("link", { name: `${helper.displayName} answered your question “${question.title}”` }).click();
  await expect(page).toHaveURL(new RegExp(`${path}#answer-${answerId}$`));
});

test("the inbox asks a visitor to log in first, and comes back after", async ({ page }) => {
  await page.goto("/notifications");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fnotifications$/);
});

test("following a question and a tag from their pages brings their news to the inbox", { tag: "@phone" }, async ({ page }) => {
  const asker = await createUserViaHttp("follow-asker");
  const helper = await createUserViaHttp("follow-helper");
  const follower = await createUserViaHttp("follower");
  const question = newQuestion("follow");
  const { path } = await askViaHttp(asker, question);

  await logIn(page, follower);
  await page.goto(path);
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unfollow" })).toHaveAccessibleDescription("You are told of new answers in your notifications.");
  await page.goto(`/tags/${question.tag}`);
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unfollow" })).toBeVisible();

  await answerViaHttp(helper, path, "Export the ledger from Reports, then filter it by account before sending it.");
  const second = { ...newQuestion("follow-tag"), tags: question.tag };
  await askViaHttp(asker, second);
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: `${helper.displayName} answered a question you follow: “${question.title}”` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${asker.displayName} asked “${second.title}” in ${question.tag}, a tag you follow` })).toBeVisible();
});

test("an answer is emailed to the asker, and the email's unsubscribe link works without logging in", { tag: "@phone" }, async ({ page }) => {
  const asker = await createUserViaHttp("mail-asker");
  const helper = await createUserViaHttp("mail-helper");
  const question = newQuestion("mail");
  const { path } = await askViaHttp(asker, question);
  await answerViaHttp(helper, path, "Turn on per-invoice rounding under Settings, then Tax, and the totals agree.");

  const email = await waitForEmail(asker.email, (subject) => subject.startsWith(`${helper.displayName} answered your question “`));
  expect(email.text).toContain(path);
  const unsubscribe = /^Stop emails about .*: (http\S+)$/m.exec(email.text)?.[1];
  expect(unsubscribe, email.text).toBeTruthy();

  // Signed out: the link asks first, and the button stops these emails.
  await page.goto(new URL(unsubscribe!).pathname + new URL(unsubscribe!).search);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stop these emails?");
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are unsubscribed");
  await expect(page.getByRole("status")).toHaveText(
    "You will no longer get emails about answers to your questions and to questions you follow. They still appear in your notifications on the site.",
  );

  // The settings page shows the choice, and other kinds are as they were.
  await logIn(page, asker);
  await page.goto("/settings#notifications");
  await expect(page.getByLabel("Answers to your questions and to questions you follow")).toHaveValue("off");
  await expect(page.getByLabel("Comments on your posts")).toHaveValue("instant");
  await page.getByLabel("Comments on your posts").selectOption("daily");
  await page.getByRole("button", { name: "Save email choices" }).click();
  await expect(page.getByText("Your email choices are saved.")).toBeVisible();
  await expect(page.getByLabel("Comments on your posts")).toHaveValue("daily");
});

test("the asker requests staff help with a private note; staff find it in the queue and see the note; the asker sees when staff will look", { tag: "@phone" }, async ({ page, browser }) => {
  const asker = await createUserViaHttp("ladder-asker");
  const question = newQuestion("ladder");
  const { path } = await askViaHttp(asker, question);

  await logIn(page, asker);
  await page.goto(path);
  const box = page.getByRole("region", { name: "Where your question stands" });
  await expect(box).toContainText("The community has your question first.");
  await expect(box).toContainText("Staff will look at this by");
  await box.getByText("Need staff?").click();
  await box.getByLabel("Private note for staff (optional)").fill("Account 88-1203, locked since the password reset.");
  await box.getByRole("button", { name: "Request staff help" }).click();
  await expect(box).toContainText("You asked for staff help: your question is in the staff queue.");
  await expect(box).toContainText("Account 88-1203, locked since the password reset.");

  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await logIn(staffPage, DEMO.staff2);
  await staffPage.goto("/staff/queue");
  const item = staffPage.getByRole("listitem").filter({ has: staffPage.getByRole("link", { name: question.title }) });
  await expect(item).toContainText("The asker asked for staff");
  await expect(item).toContainText("left");
  await item.getByRole("link", { name: question.title }).click();
  await expect(staffPage.getByRole("region", { name: "Where this question stands" })).toContainText("Account 88-1203");
  await staffContext.close();
});

test("typing @ and part of a name offers the thread's people; the chosen one hears of the mention (without JavaScript, typing the handle does the same)", async ({ page, browser }) => {
  const asker = await createUserViaHttp("mention-asker");
  const helper = await createUserViaHttp("mention-helper");
  const question = newQuestion("mention");
  const { path } = await askViaHttp(asker, question);
  await answerViaHttp(helper, path, "Check the reminder rules under Settings, then Reminders.");
  const handle = helper.displayName.replace(/[^\p{L}\p{N}]+/gu, "");

  await logIn(page, asker);
  await page.goto(path);
  const body = page.getByLabel("Body", { exact: true });
  if (javaScriptEnabled()) {
    await body.pressSequentially(`Thanks @${handle.slice(0, 8)}`);
    await page.getByRole("group", { name: "Mention someone in this thread" }).getByRole("button", { name: new RegExp(`^@${handle}`) }).click();
    await body.pressSequentially("that was it: the legacy rule sent the second reminder.");
    await expect(body).toHaveValue(`Thanks @${handle} that was it: the legacy rule sent the second reminder.`);
  } else {
    await body.fill(`Thanks @${handle} that was it: the legacy rule sent the second reminder.`);
  }
  await page.getByRole("button", { name: "Post your answer" }).click();
  await expect(page.getByText("the legacy rule sent the second reminder")).toBeVisible();

  const helperContext = await browser.newContext({ javaScriptEnabled: javaScriptEnabled() });
  const helperPage = await helperContext.newPage();
  await logIn(helperPage, helper);
  await helperPage.goto("/notifications");
  await expect(helperPage.getByRole("link", { name: `${asker.displayName} mentioned you in an answer to “${question.title}”` })).toBeVisible();
  await helperContext.close();
});
