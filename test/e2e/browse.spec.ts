// Reading without an account: the question list, its sort tabs and pages, tag pages, 404, health.
import { expect, test, type Page } from "@playwright/test";
import { javaScriptEnabled } from "./helpers";

/** The question rows of a list page: list items whose heading is a question title. */
function questionRows(page: Page) {
  return page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
}

async function titles(page: Page): Promise<string[]> {
  return questionRows(page).getByRole("heading", { level: 2 }).allInnerTexts();
}

test("the home page lists questions with score, answers, tags, author and age", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Questions - Peerdesk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All questions");
  const rows = questionRows(page);
  await expect(rows).toHaveCount(30);
  // Check a handful of rows, including seeded ones further down.
  for (const index of [0, 5, 29]) {
    const row = rows.nth(index);
    await expect(row.getByRole("heading", { level: 2 }).getByRole("link")).toHaveAttribute("href", /^\/questions\/\d+\/[a-z0-9-]+$/);
    await expect(row).toContainText(/-?\d+ votes?/);
    await expect(row).toContainText(/\d+ answers?/);
    const tags = row.getByRole("list", { name: "Tags" }).getByRole("link");
    expect(await tags.count()).toBeGreaterThan(0);
    await expect(tags.first()).toHaveAttribute("href", /^\/tags\/[a-z0-9.+#%-]+$/);
    await expect(row.locator('a[href^="/users/"]')).toHaveCount(1);
    await expect(row.locator("time")).toHaveText(/just now|min ago|hours? ago|days? ago|[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    await expect(row).toContainText(/ asked /);
  }
  // The seeded community includes answered questions with an accepted answer.
  await expect(rows.filter({ hasText: "one accepted" }).first()).toBeVisible();
});

test("sort tabs change the list, and Unanswered shows only questions without answers", async ({ page }) => {
  await page.goto("/");
  const tabs = page.getByRole("navigation", { name: "Sort questions" });
  await expect(tabs.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "page");
  const newest = await titles(page);

  await tabs.getByRole("link", { name: "Top" }).click();
  await expect(page).toHaveURL(/sort=top/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Top questions");
  await expect(tabs.getByRole("link", { name: "Top" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Newest" })).not.toHaveAttribute("aria-current", "page");
  const top = await titles(page);
  expect(top).not.toEqual(newest);
  // Top is ordered by score, highest first.
  const scores = (await questionRows(page).allInnerTexts()).map((text) => Number(/(-?\d+)\s+votes?/.exec(text)![1]));
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  expect(scores[0]).toBeGreaterThan(scores.at(-1)!);

  await tabs.getByRole("link", { name: "Active" }).click();
  await expect(page).toHaveURL(/sort=active/);
  await expect(tabs.getByRole("link", { name: "Active" })).toHaveAttribute("aria-current", "page");
  const active = await titles(page);
  expect(active).not.toEqual(newest);
  expect(active).not.toEqual(top);

  await tabs.getByRole("link", { name: "Unanswered" }).click();
  await expect(page).toHaveURL(/sort=unanswered/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unanswered questions");
  const rows = questionRows(page);
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText("0 answers");
  // The other lists do include answered questions, so the filter is doing something.
  await page.goto("/?sort=top");
  await expect(questionRows(page).filter({ hasNotText: "0 answers" }).first()).toBeVisible();
});

for (const sort of ["newest", "top", "active"]) {
  test(`More questions (${sort}) goes to a next page with different questions`, async ({ page }) => {
    await page.goto(sort === "newest" ? "/" : `/?sort=${sort}`);
    const heading = await page.getByRole("heading", { level: 1 }).innerText();
    const first = await titles(page);
    expect(first).toHaveLength(30);
    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "More questions" }).click();
    await expect(page).toHaveURL(new RegExp(`sort=${sort}&after=`));
    // The address changes a moment before the new list is drawn: wait for the list itself.
    await expect.poll(async () => (await titles(page))[0]).not.toBe(first[0]);
    const second = await titles(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((title) => first.includes(title))).toEqual([]);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  });
}

test("a tag page lists only questions with that tag", async ({ page }) => {
  await page.goto("/tags/payroll");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questions tagged payroll");
  await expect(page).toHaveTitle("Questions tagged payroll - Peerdesk");
  const rows = questionRows(page);
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  await expect(page.getByRole("main")).toContainText(`${count} questions`);
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i).getByRole("list", { name: "Tags" }).getByRole("link", { name: "payroll", exact: true })).toHaveAttribute("href", "/tags/payroll");
  }
  // Following a tag link from a question list lands on that tag's page.
  await page.goto("/");
  const tagLink = questionRows(page).first().getByRole("list", { name: "Tags" }).getByRole("link").first();
  const tag = await tagLink.innerText();
  await tagLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Questions tagged ${tag}`);
});

test("a question that does not exist is a 404 page with a heading", async ({ page }) => {
  const response = await page.goto("/questions/999999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText("That question does not exist.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the questions" })).toHaveAttribute("href", "/");
  const tag = await page.goto("/tags/no-such-tag-e2e");
  expect(tag?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("an address that matches no page is a 404 with its own title, heading and way back", async ({ page }) => {
  const response = await page.goto("/no/such/page-here");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found - Peerdesk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "Back to the questions" })).toBeVisible();
});

test("/healthz answers ok", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect((await response.text()).trim()).toBe("ok");
});

test("a side column beside the list and the thread: hot questions, popular tags, the question's facts @phone", async ({ page }) => {
  await page.goto("/");
  const around = page.getByRole("complementary", { name: "Around the community" });
  const hot = around.getByRole("region", { name: "Hot this week" }).getByRole("link");
  // The demo community has questions active this week.
  expect(await hot.count()).toBeGreaterThan(0);
  await expect(around.getByRole("region", { name: "Popular tags" }).getByRole("link", { name: "invoices" })).toHaveAttribute("href", "/tags/invoices");

  const firstHot = (await hot.first().innerText()).trim();
  await hot.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstHot);
  const about = page.getByRole("complementary", { name: "About this question" });
  const facts = about.getByRole("region", { name: "This question" });
  await expect(facts).toContainText(/Asked/);
  await expect(facts).toContainText(/Status\s*(Solved|Answered|Waiting for an answer|Closed)/);
  // The question being read is not offered beside itself.
  await expect(about.getByRole("region", { name: "Hot this week" }).getByRole("link", { name: firstHot, exact: true })).toHaveCount(0);
});

test("a page served from the anonymous page cache still runs its scripts, and the browser reports no blocked script", async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { blockedScripts: string[] }).blockedScripts = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  // A page is kept once compressed, just after the first reader has it, and any write by another
  // test empties the cache: read it until an answer comes from the cache (its policy lists hashes).
  await expect(async () => {
    const visit = await page.goto("/tags");
    expect(visit?.headers()["content-security-policy"]).toMatch(/'sha256-/);
  }).toPass({ timeout: 15_000 });
  // With scripts, a link followed by the client-side router keeps this window's state: they ran.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByRole("navigation").getByRole("link", { name: "Users" }).first().click();
  await expect(page).toHaveURL(/\/users$/);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(javaScriptEnabled() ? true : undefined);
  expect(await page.evaluate(() => (window as unknown as { blockedScripts: string[] }).blockedScripts)).toEqual([]);
});

test("relative dates are worked out from the reader's clock once the page runs, so a kept page never shows an old age", async ({ page }) => {
  const html = await (await page.request.get("/")).text();
  const posted = /<time dateTime="([^"]+)"/.exec(html)![1];
  const DAY = 24 * 60 * 60 * 1000;
  // The reader's clock is three days and an hour past the first question's date.
  await page.clock.install({ time: new Date(Date.parse(posted) + 3 * DAY + 60 * 60 * 1000) });
  await page.goto("/");
  const first = page.locator(`main time[datetime="${posted}"]`).first();
  if (javaScriptEnabled()) await expect(first).toHaveText("3 days ago");
  // Without scripts the page says its age at render time, as the server saw it.
  else await expect(first).not.toHaveText("3 days ago");
});
