// Issue 14, "Fix what a new user saw": the knowledge-base home leads with a search box and shows
// customers only categories with articles; deleting an article asks first; a draft can be saved
// and published from the editor; the staff panel sits by the title. In every project: desktop,
// no JavaScript, and (for @phone and @axe) a 375 px phone.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, answerBy, answerViaHttp, askViaHttp, createUserViaHttp, expectNoAxeViolations, logIn, logOut, newQuestion, unique } from "./helpers";

/** The demo's article on invoice numbering (app/seed/demo-content.ts). */
const DEMO_ARTICLE_TITLE = "How do I change the invoice number sequence? I want to start from INV-2025-0147";

function kbSearch(page: Page) {
  return page.getByRole("search", { name: "Search the knowledge base" });
}

/** A fresh draft of this test's own (never a demo article: every project shares one server), opened in the editor by staff. */
async function draftInEditor(page: Page) {
  const customer = await createUserViaHttp("kbp");
  const question = newQuestion("kb-polish");
  const { path } = await askViaHttp(customer, question);
  await answerViaHttp(customer, path, `Open Settings, then Numbering, and set the next number (${unique()}).`);
  await logIn(page, DEMO.staff1);
  await page.goto(path);
  await answerBy(page, customer.displayName).getByRole("button", { name: "Promote to knowledge base" }).click();
  await expect(page).toHaveURL(/\/kb\/[a-z0-9-]+\/edit$/);
  return { title: question.title };
}

/** The staff panel sits by the title: beside it on a wide screen, right under it on a phone. */
async function expectStaffPanelByTitle(page: Page) {
  const title = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
  const panel = (await page.getByRole("region", { name: "For staff" }).boundingBox())!;
  const body = (await page.locator(".kb-article .prose").boundingBox())!;
  // Before the article's text either way.
  expect(panel.y).toBeLessThan(body.y);
  if ((page.viewportSize()?.width ?? 1280) >= 700) {
    expect(panel.x).toBeGreaterThan(title.x + title.width - 1);
    expect(panel.y).toBeLessThan(title.y + title.height);
  } else {
    expect(panel.y).toBeGreaterThanOrEqual(title.y + title.height - 1);
    expect(panel.x + panel.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }
}

test("the knowledge-base home leads with a search box that finds articles, and shows customers no empty category", { tag: "@phone" }, async ({ page }) => {
  await page.goto("/kb");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Knowledge base");
  // The page does not link to itself; the demo has no "Getting started" article, so customers do not see it.
  await expect(page.getByRole("main").getByRole("link", { name: "Knowledge base home" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: /Getting started/ })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: /Invoicing/ })).toBeVisible();

  await kbSearch(page).getByLabel("Search the knowledge base").fill("invoice number sequence");
  await kbSearch(page).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=invoice\+number\+sequence\+is%3Aarticle$/);
  const result = page.getByRole("main").getByRole("link", { name: DEMO_ARTICLE_TITLE });
  await expect(result).toHaveAttribute("href", /^\/kb\//);
  // Articles only: no question of the same title among the results.
  await expect(page.getByRole("main").locator('a[href^="/questions/"]').filter({ hasText: DEMO_ARTICLE_TITLE })).toHaveCount(0);
  await result.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_ARTICLE_TITLE);
  // Sub-pages keep a way back.
  await expect(page.getByRole("main").getByRole("link", { name: "Knowledge base home" })).toBeVisible();
});

test("staff see the empty category, marked empty", async ({ page }) => {
  await logIn(page, DEMO.staff2);
  await page.goto("/kb");
  await expect(page.getByRole("main").getByRole("link", { name: /Getting started.*Empty/ })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Manage articles" })).toBeVisible();
});

test("Save and publish from the editor makes a draft public; the staff panel is by the title", { tag: "@phone" }, async ({ page }) => {
  test.slow();
  await draftInEditor(page);
  const title = `Set where invoice numbers start ${unique()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Status: Published")).toBeVisible();
  await expectStaffPanelByTitle(page);
  const articleUrl = page.url();
  // A published article's editor saves; there is nothing left to publish.
  await page.getByRole("region", { name: "For staff" }).getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("button", { name: "Save edits" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save and publish" })).toHaveCount(0);

  await logOut(page);
  const response = await page.goto(articleUrl);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("region", { name: "For staff" })).toHaveCount(0);
});

test("deleting an article asks first; Cancel keeps it, Yes deletes it", async ({ page }) => {
  test.slow();
  await draftInEditor(page);
  await page.getByRole("button", { name: "Save edits" }).click();
  await expect(page.getByText("Status: Draft")).toBeVisible();
  const articleUrl = page.url();
  const staff = page.getByRole("region", { name: "For staff" });

  await staff.getByRole("button", { name: "Delete article" }).click();
  await expect(page).toHaveURL(/\?delete=?$/);
  const confirm = page.getByRole("group", { name: /Delete this article\?/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(articleUrl);
  await expect(page.getByRole("group", { name: /Delete this article\?/ })).toHaveCount(0);
  expect((await page.goto(articleUrl))?.status()).toBe(200);

  await staff.getByRole("button", { name: "Delete article" }).click();
  await page.getByRole("group", { name: /Delete this article\?/ }).getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(/\/kb\/manage$/);
  expect((await page.goto(articleUrl))?.status()).toBe(404);
});

test("the knowledge-base home and an article page (staff panel and delete confirmation open) pass axe", { tag: "@axe" }, async ({ page }) => {
  // Three axe runs and a login: more than the default minute on a busy machine.
  test.slow();
  await page.goto("/kb");
  await expect(kbSearch(page)).toBeVisible();
  await expectNoAxeViolations(page);

  await logIn(page, DEMO.staff1);
  await page.goto("/kb");
  await page.getByRole("main").getByRole("link", { name: DEMO_ARTICLE_TITLE }).first().click();
  await expect(page.getByRole("region", { name: "For staff" })).toBeVisible();
  await expectStaffPanelByTitle(page);
  await expectNoAxeViolations(page);
  // The demo article is shared with other tests: open the confirmation, check it, and cancel.
  await page.getByRole("button", { name: "Delete article" }).click();
  await expect(page.getByRole("group", { name: /Delete this article\?/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("group", { name: /Delete this article\?/ }).getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("group", { name: /Delete this article\?/ })).toHaveCount(0);
});
