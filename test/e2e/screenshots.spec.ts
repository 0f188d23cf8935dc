// Full-page screenshots for a visual review, written to artifacts/screenshots/<project>-<page>.png.
// Runs in the desktop and phone projects (the no-js project ignores this file in the config).
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createUserViaHttp, logIn } from "./helpers";

const dir = fileURLToPath(new URL("./artifacts/screenshots/", import.meta.url));
mkdirSync(dir, { recursive: true });

async function shoot(page: Page, project: string, name: string) {
  // Wait for the stylesheet and web fonts, so the picture is what a person sees.
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const hasStyles = await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.cssRules.length > 0));
  expect(hasStyles, "the stylesheet is applied").toBe(true);
  const file = `${dir}${project}-${name}.png`;
  await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
  expect(statSync(file).size).toBeGreaterThan(10_000);
}

test("home", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All questions");
  await shoot(page, testInfo.project.name, "home");
});

test("question with an accepted answer", async ({ page }, testInfo) => {
  const user = await createUserViaHttp("shots");
  await logIn(page, user);
  await page.goto("/tags/webhooks");
  await page.getByRole("link", { name: /Webhook signature verification always fails/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Webhook signature verification");
  await expect(page.getByTestId("accepted")).toBeVisible();
  await expect(page.getByRole("button", { name: "Post your answer" })).toBeVisible();
  await shoot(page, testInfo.project.name, "question");
});

test("ask, with a live preview", async ({ page }, testInfo) => {
  const user = await createUserViaHttp("shots");
  await logIn(page, user);
  await page.goto("/questions/ask");
  // The editor shows its empty preview once hydrated; type after that so the preview follows.
  await expect(page.getByText("Start typing to see a preview.")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("Exported CSV has the wrong date format for my accountant");
  await page
    .getByLabel("Body", { exact: true })
    .fill("When I export **invoices** to CSV the dates come out as `MM/DD/YYYY`:\n\n```\n03/04/2025,INV-0147,£120.00\n```\n\n- my locale is *en-GB*\n- the PDF dates are fine");
  await page.getByLabel("Tags", { exact: true }).fill("csv exports");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.locator("strong")).toHaveText("invoices");
  await expect(preview.locator("pre")).toContainText("INV-0147");
  await shoot(page, testInfo.project.name, "ask");
});

test("profile", async ({ page }, testInfo) => {
  await page.goto("/tags/webhooks");
  await page.getByRole("link", { name: /Webhook signature verification always fails/ }).click();
  await page.getByRole("article").first().locator('a[href^="/users/"]').first().click();
  await expect(page.getByTestId("reputation")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reputation history" })).toBeVisible();
  await shoot(page, testInfo.project.name, "profile");
});

test("login", async ({ page }, testInfo) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in");
  await shoot(page, testInfo.project.name, "login");
});

test("knowledge base and an article", async ({ page }, testInfo) => {
  await page.goto("/kb");
  await expect(page.getByRole("heading", { name: "Most helpful" })).toBeVisible();
  await shoot(page, testInfo.project.name, "kb");
  await page.getByRole("region", { name: "Newest" }).getByRole("link").first().click();
  await expect(page.getByText("From the community:")).toBeVisible();
  await shoot(page, testInfo.project.name, "kb-article");
});
