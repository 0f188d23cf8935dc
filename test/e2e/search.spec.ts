// /search in every project (desktop, no JavaScript, phone): results from the demo community, a
// result opened, the helpful page for an empty query, a long query cut with a note, and axe.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";

const SOLVED_TITLE = "How do I export all my invoices to a CSV file for my accountant?";

/** The search page's own form (the header may hold another search box). */
function searchForm(page: Page) {
  return page.getByRole("search", { name: "Search the community" });
}

async function searchFor(page: Page, q: string) {
  await searchForm(page).getByLabel("Search terms").fill(q);
  await searchForm(page).getByRole("button", { name: "Search" }).click();
}

function results(page: Page) {
  return page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
}

test("a customer searches, sees kinds, marks and highlights, and opens a solved question", { tag: "@phone" }, async ({ page }) => {
  await page.goto("/search");
  await expect(page).toHaveTitle("Search - Peerdesk");
  await searchFor(page, "export invoices CSV");
  await expect(page).toHaveURL(/\/search\?q=export\+invoices\+CSV/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search results for “export invoices CSV”");

  const question = results(page).filter({ hasText: "Solved" }).filter({ has: page.getByRole("link", { name: SOLVED_TITLE }) }).first();
  await expect(question).toContainText("Question");
  await expect(question).toContainText(/\d+ votes?/);
  await expect(question).toContainText(/\d+ answers?/);
  await expect(question.getByRole("list", { name: "Tags" }).getByRole("link", { name: "csv" })).toBeVisible();
  await expect(question.locator("mark").first()).toBeVisible();
  const article = results(page).filter({ hasText: "Knowledge base" }).first();
  await expect(article).toContainText("Article");

  await question.getByRole("link", { name: SOLVED_TITLE }).click();
  await expect(page).toHaveURL(/\/questions\/\d+\/how-do-i-export-all-my-invoices/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SOLVED_TITLE);
});

test("an empty or one-letter search gets tips and popular tags, never an error", async ({ page }) => {
  for (const q of ["", "a", "?!"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("term").filter({ hasText: "[tag]" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Popular tags" })).toBeVisible();
  }
  await page.getByRole("link", { name: '"bank feed"' }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText('Search results for “"bank feed"”');
  await expect(results(page).first()).toBeVisible();
});

test("operators filter, a long query is cut with a note, text is never markup", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("is:article invoices")}`);
  const kinds = await results(page).locator(".search-result__kind").allInnerTexts();
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds.map((kind) => kind.toLowerCase()))).toEqual(new Set(["article"]));

  await page.goto(`/search?q=${encodeURIComponent("invoice ".repeat(60))}`);
  await expect(page.getByText(/only its first 200 characters/)).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent('<img src=x onerror="document.title=1"> footer')}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<img src=x");
  await expect(page.locator("main img")).toHaveCount(0);
});

test("pages are numbered", async ({ page }) => {
  await page.goto("/search?q=invoice");
  const pages = page.getByRole("navigation", { name: "Search result pages" });
  await expect(pages).toContainText("Page 1");
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("navigation", { name: "Search result pages" })).toContainText("Page 2");
  await expect(page.getByRole("navigation", { name: "Search result pages" }).getByRole("link", { name: "Previous page" })).toBeVisible();
});

for (const path of ["/search", "/search?q=export+invoices+CSV", "/search?q=zzzznothing+qqqq", "/search?q=invoice&page=2"]) {
  test(`${path} passes axe and fits the screen @axe`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
  });
}
