// Accounts after sign-up: resetting a forgotten password by email, the settings page (password,
// sessions, deleting the account), and their pages' accessibility, also at phone width.
import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, PASSWORD, accountLink, askViaHttp, createUserViaHttp, expectNoAxeViolations, logIn, logOut, newQuestion, siteHeader } from "./helpers";
import { waitForEmail, type ReceivedEmail } from "./outbox";

const RESET_SUBJECT = "Reset your Peerdesk password";

function resetLinkIn(email: ReceivedEmail): string {
  const match = /https?:\/\/\S+?(\/reset-password\?\S+)/.exec(email.text);
  if (!match) throw new Error(`no reset link in: ${email.text}`);
  return match[1];
}

async function askForResetLink(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forgot your password?");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByRole("status")).toContainText(`If ${email} belongs to an account`);
  return resetLinkIn(await waitForEmail(email, RESET_SUBJECT));
}

test("a forgotten password is reset from the emailed link, and the new one logs in", { tag: "@phone" }, async ({ page }) => {
  const user = await createUserViaHttp("forgetful");
  const link = await askForResetLink(page, user.email);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("at least 8 characters");
  const newPassword = "a remembered passphrase";
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(await accountLink(page, user.displayName)).toBeVisible();
  // The session the account had elsewhere ended with the reset.
  const elsewhere = await user.api.get("/settings", { maxRedirects: 0 });
  expect(elsewhere.status()).toBe(302);

  await logOut(page);
  await logIn(page, { ...user, password: newPassword });
  // The link worked once.
  const again = await page.goto(link);
  expect(again?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await expect(page.getByRole("link", { name: "Ask for a new reset link" })).toHaveAttribute("href", "/forgot-password");
});

test("changing the password ends the session in another browser, and keeps this one", { tag: "@phone" }, async ({ page, browser }) => {
  const user = await createUserViaHttp("changer");
  const other = await browser.newContext({ baseURL: BASE_URL });
  const otherPage = await other.newPage();
  await logIn(otherPage, user);
  await logIn(page, user);

  await page.goto("/settings");
  const sessions = page.getByRole("region", { name: "Where you are logged in" });
  await expect(sessions.getByText("This device")).toHaveCount(1);
  await expect(sessions.getByRole("listitem")).toHaveCount(3); // the two browsers and the setup's own session

  const form = page.getByRole("region", { name: "Change password" });
  await form.getByLabel("Current password", { exact: true }).fill(PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("an entirely new password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Your password is changed. 2 other devices were logged out.");
  await expect(sessions.getByRole("listitem")).toHaveCount(1);

  await otherPage.goto("/settings");
  await expect(otherPage).toHaveURL(`${BASE_URL}/login?redirectTo=%2Fsettings`);
  await expect((await siteHeader(otherPage)).getByRole("link", { name: "Log in" })).toBeVisible();
  await other.close();

  await page.reload();
  await expect(await accountLink(page, user.displayName)).toBeVisible();
});

test("a deleted account's posts stay, under \"Former member N\"", { tag: "@phone" }, async ({ page }) => {
  const user = await createUserViaHttp("leaver");
  const question = await askViaHttp(user, newQuestion("leaver"));
  await logIn(page, user);
  await page.goto("/settings");
  const form = page.getByRole("region", { name: "Delete my account" });
  await form.getByLabel("Current password", { exact: true }).fill(PASSWORD);
  await form.getByLabel("Confirmation", { exact: true }).fill("delete my account");
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is deleted");
  await expect((await siteHeader(page)).getByRole("link", { name: "Log in" })).toBeVisible();

  await page.goto(question.path);
  const placeholder = `Former member ${user.id}`;
  await expect(page.getByRole("main").getByRole("link", { name: placeholder }).first()).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(user.displayName);
  await page.getByRole("main").getByRole("link", { name: placeholder }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(placeholder);
  await expect(page.getByText("This member deleted their account.")).toBeVisible();

  // Nobody logs in with the old details.
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
});

test("the settings page fits a 375 px phone without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const user = await createUserViaHttp("narrow");
  await logIn(page, user);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
});

test.describe("accessibility", () => {
  test("/forgot-password, and its answer, have no WCAG 2.2 AA violations", { tag: "@axe" }, async ({ page }) => {
    await page.goto("/forgot-password");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("alert")).toContainText("Email is required.");
    await expectNoAxeViolations(page);
  });

  test("/reset-password, working and spent, has no WCAG 2.2 AA violations", { tag: "@axe" }, async ({ page }) => {
    const user = await createUserViaHttp("a11y-reset");
    const link = await askForResetLink(page, user.email);
    await expectNoAxeViolations(page);
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
    await expectNoAxeViolations(page);
    await page.goto("/reset-password?token=nosuchtoken");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
    await expectNoAxeViolations(page);
  });

  test("/settings, with and without errors, has no WCAG 2.2 AA violations and is usable by keyboard", { tag: "@axe" }, async ({ page }) => {
    const user = await createUserViaHttp("a11y-settings");
    await logIn(page, user);
    await page.goto("/settings");
    await expectNoAxeViolations(page);
    const form = page.getByRole("region", { name: "Change email" });
    await form.getByLabel("New email", { exact: true }).fill("not an email");
    await form.getByLabel("Current password", { exact: true }).focus();
    await page.keyboard.type("wrong");
    await page.keyboard.press("Enter");
    await expect(form.getByRole("alert")).toContainText("Enter an email address like name@example.com.");
    await expectNoAxeViolations(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(page.viewportSize()!.width);
  });
});
