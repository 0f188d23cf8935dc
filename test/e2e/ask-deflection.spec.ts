// Ask-time deflection in every project (desktop, no JavaScript, phone): a customer starts a
// question that a published article answers, sees it suggested (live with JavaScript, after
// "Check for existing answers" without), reads it in place on the ask page, marks it "This
// solved my problem", and staff see the solve counted on /admin/deflection. The @axe test checks
// the ask page with suggestions showing and with one open, and saves both as screenshots
// (test/e2e/artifacts/screenshots/<project>-ask-suggestions*.png) for a visual review.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BASE_URL, DEMO, createUserViaHttp, expectNoAxeViolations, javaScriptEnabled, logIn } from "./helpers";

/** A question the demo knowledge base answers (app/seed: the CSV export article). */
const TITLE = "How do I export all my invoices to a CSV file for my accountant?";

const SCREENSHOT_DIR = fileURLToPath(new URL("./artifacts/screenshots/", import.meta.url));

function suggestionsSection(page: Page) {
  return page.getByRole("region", { name: "Already answered?" });
}

/** The suggestions that are knowledge-base articles (their kind badge reads "Article"). */
function articleSuggestions(page: Page) {
  return suggestionsSection(page)
    .getByRole("listitem")
    .filter({ has: page.getByText("Article", { exact: true }) });
}

/** Opens the ask page and types the title; the suggestions then show, live or after the check step. */
async function startAsking(page: Page) {
  await page.goto("/questions/ask");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask a question");
  const section = suggestionsSection(page);
  if (javaScriptEnabled()) {
    // Shown once the list is live (hydrated): typing before that would not be followed.
    await expect(section.getByText("As you type the title")).toBeVisible();
  }
  await page.getByLabel("Title", { exact: true }).fill(TITLE);
  if (javaScriptEnabled()) {
    // Announced politely while the customer keeps typing; no button to press.
    await expect(section.locator('[aria-live="polite"]')).toHaveText(/^\d+ existing answers? may help\.$/);
    await expect(section.getByRole("button", { name: "Check for existing answers" })).toHaveCount(0);
  } else {
    await section.getByRole("button", { name: "Check for existing answers" }).click();
    // The same page again, the title kept, now with the list.
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(TITLE);
  }
  await expect(articleSuggestions(page).first()).toBeVisible();
}

/** A page in a browser of its own (its own cookies), with this project's screen and scripting. */
async function separateBrowserPage(browser: Browser) {
  const use = test.info().project.use;
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: use.viewport,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    userAgent: use.userAgent,
    deviceScaleFactor: use.deviceScaleFactor,
    javaScriptEnabled: use.javaScriptEnabled,
  });
  return { page: await context.newPage(), close: () => context.close() };
}

/** Today's figures (UTC) on the staff page: column name to number; all 0 when today has no row yet. */
async function todaysDeflection(staffPage: Page): Promise<Record<string, number>> {
  await staffPage.goto("/admin/deflection");
  await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText("Deflection");
  const byDay = staffPage.getByRole("region", { name: "Per day" });
  const today = new Date().toISOString().slice(0, 10);
  const row = byDay.getByRole("row").filter({ has: staffPage.getByRole("rowheader", { name: today, exact: true }) });
  const headers = (await byDay.getByRole("columnheader").allInnerTexts()).map((text) => text.trim());
  const figures: Record<string, number> = {};
  if ((await row.count()) === 0) {
    for (const header of headers.slice(1)) figures[header] = 0;
    return figures;
  }
  const cells = (await row.getByRole("cell").allInnerTexts()).map((text) => Number(text.trim()));
  headers.slice(1).forEach((header, i) => (figures[header] = cells[i]));
  return figures;
}

test("a customer finds the answer in a suggested article, marks it solved, and staff see it counted", { tag: "@phone" }, async ({ page, browser }) => {
  test.slow(); // two browsers, two sign-ins, the staff page twice
  const staff = await separateBrowserPage(browser);
  try {
    await logIn(staff.page, DEMO.staff1);
    const before = await todaysDeflection(staff.page);
    expect(before).toHaveProperty("Solved");

    const customer = await createUserViaHttp("deflect");
    await logIn(page, customer);
    await startAsking(page);

    // Read the article right here, without leaving (or losing) the question being written.
    const article = articleSuggestions(page).first();
    const articleTitle = (await article.locator(".ask-suggestion__title").innerText()).replace("(opens in a new tab)", "").replace("↗", "").trim();
    await article.getByRole("button", { name: "Read it here" }).click();
    const opened = page.getByRole("region", { name: articleTitle });
    await expect(opened).toBeVisible();
    await expect(opened).toContainText("Export → CSV");
    await expect(opened.getByRole("link", { name: /Open the full article/ })).toHaveAttribute("href", /^\/kb\//);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(TITLE);

    await opened.getByRole("button", { name: "This solved my problem" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glad that solved it");
    await expect(page.getByRole("main").getByRole("link", { name: articleTitle })).toHaveAttribute("href", /^\/kb\//);

    const after = await todaysDeflection(staff.page);
    // Other projects run this test against the same server at the same time: at least our one.
    expect(after["Solved"], "solved today, before and after").toBeGreaterThanOrEqual(before["Solved"] + 1);
    expect(after["Opened one"], "opened today, before and after").toBeGreaterThanOrEqual(before["Opened one"] + 1);
    expect(after["Shown suggestions"], "shown today, before and after").toBeGreaterThanOrEqual(before["Shown suggestions"] + 1);
  } finally {
    await staff.close();
  }
});

test("the suggestion's title still opens it in a new tab", async ({ page }) => {
  await logIn(page, await createUserViaHttp("deflect-tab"));
  await startAsking(page);
  const link = articleSuggestions(page).first().locator("a.ask-suggestion__title");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAccessibleName(/\(opens in a new tab\)$/);
  const href = (await link.getAttribute("href"))!;
  // The address records the opening, then goes to the article.
  await page.goto(href);
  await expect(page).toHaveURL(/\/kb\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CSV");
});

test("the ask page with suggestions showing, and with one open, passes axe and fits the screen @axe", async ({ page }) => {
  test.slow(); // axe three times over a long page
  await logIn(page, await createUserViaHttp("deflect-axe"));
  await startAsking(page);
  // The best three show; the rest wait behind a disclosure, so the Body field stays within reach.
  const section = suggestionsSection(page);
  const visibleFirst = section.getByRole("listitem").filter({ visible: true });
  await expect(visibleFirst).toHaveCount(3);
  await checkAndSave(page, "ask-suggestions");
  await section.getByText(/^\d+ more suggestions?$/).click();
  await expect(visibleFirst.nth(3)).toBeVisible();
  await expectNoAxeViolations(page);

  await articleSuggestions(page).first().getByRole("button", { name: "Read it here" }).click();
  await expect(suggestionsSection(page).getByRole("button", { name: "This solved my problem" }).first()).toBeVisible();
  await expect(page.locator(".ask-suggestion-reader")).toBeVisible();
  await checkAndSave(page, "ask-suggestion-open");
});

async function checkAndSave(page: Page, name: string) {
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${test.info().project.name}-${name}.png`, fullPage: true, animations: "disabled", caret: "hide" });
}
