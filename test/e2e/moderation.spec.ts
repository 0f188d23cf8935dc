// Moderation in the browser: staff close a question as a duplicate of another (the banner links
// the original), staff suspend a member who then sees why instead of the answer form, and the
// staff log and a closed question page pass axe.
import { expect, test, type Page } from "@playwright/test";
import { askViaHttp, createUserViaHttp, DEMO, expectNoAxeViolations, javaScriptEnabled, logIn, logOut, newQuestion, unique } from "./helpers";

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function expectNoSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `page is ${scrollWidth}px wide at a ${width}px viewport`).toBeLessThanOrEqual(width);
}

async function openModerate(page: Page) {
  const section = page.locator("#moderate");
  await section.getByText("Moderate", { exact: true }).click();
  await expect(section.getByLabel("Close reason")).toBeVisible();
  return section;
}

test("staff close a question as a duplicate; it stays readable and links its original", { tag: "@phone" }, async ({ page }) => {
  const asker = await createUserViaHttp("asker");
  const originalInput = newQuestion("original");
  const original = await askViaHttp(asker, originalInput);
  const duplicateInput = newQuestion("duplicate");
  const duplicate = await askViaHttp(asker, duplicateInput);
  const originalTitle = (await (await asker.api.get(original.path)).text()).match(/<h1[^>]*>([^<]+)<\/h1>/)![1];

  await logIn(page, DEMO.staff1, duplicate.path);
  await expect(page).toHaveURL(new RegExp(`/questions/${duplicate.id}`));
  const section = await openModerate(page);
  await section.getByLabel("Close reason").selectOption("duplicate");
  // A question cannot be a duplicate of itself: the field says so and keeps what was typed.
  await section.getByLabel("Original question").fill(duplicate.path);
  await section.getByRole("button", { name: "Close question" }).click();
  await expect(page.locator("#moderate").getByText("can't be a duplicate of itself")).toBeVisible();
  await expect(page.locator("#moderate").getByLabel("Original question")).toHaveValue(duplicate.path);

  // The original is found by words from its title and chosen from the list: as they are typed
  // with JavaScript, or after sending them without it.
  const moderate = page.locator("#moderate");
  await moderate.getByLabel("Close reason").selectOption("duplicate");
  const words = originalInput.title.split(" ").slice(1, 3).join(" ");
  await moderate.getByLabel("Original question").fill(words);
  if (!javaScriptEnabled()) {
    await moderate.getByRole("button", { name: "Close question" }).click();
    await expect(page.locator("#moderate").getByText("Choose the original question below")).toBeVisible();
    await expect(page.locator("#moderate").getByLabel("Original question")).toHaveValue(words);
    await page.locator("#moderate").getByLabel("Close reason").selectOption("duplicate");
  }
  const choices = page.locator("#moderate").getByRole("group", { name: "Matching questions" });
  await expect(choices.getByRole("radio")).toHaveCount(1);
  await choices.getByRole("radio", { name: new RegExp(escapeRegExp(originalTitle)) }).check();
  await page.locator("#moderate").getByRole("button", { name: "Close question" }).click();

  const banner = page.getByTestId("duplicate-banner");
  await expect(banner).toContainText("This question already has an answer here:");
  await expect(page.getByTestId("closed-notice")).toContainText(`Closed as duplicate by ${DEMO.staff1.displayName}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(duplicateInput.title);
  await expect(page.getByTestId("answer-blocked")).toContainText("This question is closed");
  await expect(page.getByRole("button", { name: "Post your answer" })).toHaveCount(0);

  await banner.getByRole("link", { name: originalTitle }).click();
  await expect(page).toHaveURL(new RegExp(`/questions/${original.id}/`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(originalTitle);

  // The action is in the staff log.
  await page.goto(`/admin/log?action=question_duplicate&staff=`);
  const row = page.getByTestId("log-entry").filter({ hasText: duplicateInput.title }).first();
  await expect(row).toContainText("Closed as duplicate");
  await expect(row).toContainText(`Duplicate of question #${original.id}`);
});

test("a suspended member sees the reason instead of the answer form, and an answer sent anyway is refused", { tag: "@phone" }, async ({ page }) => {
  const asker = await createUserViaHttp("asker");
  const member = await createUserViaHttp("member");
  const question = await askViaHttp(asker, newQuestion("suspension"));
  const reason = `Posted the same referral link in several answers (${unique()}).`;

  await logIn(page, DEMO.staff2, `/users/${member.id}`);
  const section = page.locator("#suspend");
  await section.getByLabel("Days").fill("3");
  await section.getByLabel("Reason (the member sees this)").fill(reason);
  await section.getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByTestId("suspension-status")).toContainText(reason);
  await logOut(page);

  await logIn(page, member, question.path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const notice = page.getByTestId("answer-blocked");
  await expect(notice).toContainText("Your account is suspended until");
  await expect(notice).toContainText(reason);
  await expect(page.getByRole("button", { name: "Post your answer" })).toHaveCount(0);

  await page.goto("/questions/ask");
  await expect(page.getByTestId("suspended-notice")).toContainText(reason);
  await expect(page.getByRole("button", { name: "Post your question" })).toHaveCount(0);

  // Sent anyway (an old tab, a script): refused on the server with 403 and the reason.
  const refused = await member.api.post(question.path, { form: { intent: "answer", body: "An answer sent while suspended, by hand." }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain(reason);
});

test("the staff log and a closed question page have no axe violations @axe", async ({ page }) => {
  await logIn(page, DEMO.staff1, "/admin/log");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff action log");
  await expect(page.getByTestId("log-entry").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // The demo's closed duplicate, reached from its log entry, with its Moderate section open.
  await page.goto("/admin/log?action=question_duplicate");
  await page.getByTestId("log-entry").filter({ hasText: "Can I make my invoice numbers continue" }).getByRole("link", { name: /^Question:/ }).click();
  await expect(page.getByTestId("duplicate-banner")).toBeVisible();
  await page.locator("#moderate").getByText("Moderate", { exact: true }).click();
  await expect(page.getByRole("button", { name: "Reopen question" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // The demo's suspended member's profile, as staff see it: the running suspension and the forms.
  await page.goto("/admin/log?action=user_suspended");
  await page.getByTestId("log-entry").filter({ hasText: "referral link" }).getByRole("link", { name: "Marcus Delaney" }).click();
  await expect(page.getByTestId("suspension-status")).toContainText("referral link");
  await expect(page.getByRole("button", { name: "Lift suspension" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
});
