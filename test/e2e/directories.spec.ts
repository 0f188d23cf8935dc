// People and topics: /users and /tags from the header, a profile people recognise, staff describing
// a tag, and the dark theme chosen in the footer (axe in both themes).
import { expect, test } from "@playwright/test";
import { DEMO, closeHeaderMenu, expectNoAxeViolations, logIn, siteHeader, unique } from "./helpers";

test("a visitor finds a member in /users and reads their profile: avatar, bio, website, chart, reputation by day @axe", { tag: "@phone" }, async ({ page }) => {
  await page.goto("/");
  await (await siteHeader(page)).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");
  await expect((await siteHeader(page)).getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await closeHeaderMenu(page);
  await expectNoAxeViolations(page);

  await page.getByRole("navigation", { name: "Sort users" }).getByRole("link", { name: "Name" }).click();
  await page.getByRole("searchbox", { name: "Filter by name" }).fill("gwen");
  await page.getByRole("button", { name: "Filter" }).click();
  const cards = page.getByRole("list", { name: "Users" }).getByRole("listitem");
  await expect(cards).toHaveCount(1);
  await cards.first().getByRole("link", { name: "Gwen Halloran" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gwen Halloran");
  await expect(page.getByText("Bookkeeper for a dozen small businesses.")).toBeVisible();
  await expect(page.getByRole("link", { name: "gwen-books.example" })).toHaveAttribute("rel", /nofollow ugc/);
  await expect(page.getByRole("img", { name: "Reputation over time" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Top tags" }).getByRole("link").first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("navigation", { name: "Profile sections" }).getByRole("link", { name: "Reputation" }).click();
  await expect(page).toHaveURL(/tab=reputation/);
  // Grouped by day: each day a heading with its date and net change; ten days to a page, then more.
  await expect(page.locator(".rep-day")).toHaveCount(10);
  await page.getByRole("link", { name: "Earlier days" }).click();
  await expect(page.locator(".rep-day").first()).toBeVisible();
});

test("a customer browses /tags by name and filter; staff describe a tag and customers see it @axe", { tag: "@phone" }, async ({ page, browser }) => {
  await page.goto("/tags");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tags");
  const invoices = page.getByRole("list", { name: "Tags" }).getByRole("listitem").first();
  await expect(invoices.getByRole("link", { name: "invoices" })).toBeVisible();
  await expect(invoices).toContainText("Creating, sending, editing and numbering invoices");
  await expectNoAxeViolations(page);
  await page.getByRole("searchbox", { name: "Filter tags" }).fill("feed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("list", { name: "Tags" }).getByRole("link")).toHaveText(["bank-feeds"]);

  const description = `Quotes, estimates and turning them into invoices ${unique()}.`;
  const staff = await browser.newPage();
  await logIn(staff, DEMO.staff2, "/tags/quotes");
  await staff.getByText("Edit the description").or(staff.getByText("Describe this tag")).click();
  await staff.getByLabel("Description").fill(description);
  await staff.getByRole("button", { name: "Save description" }).click();
  await expect(staff.locator(".tag-description")).toHaveText(description);
  await staff.close();

  await page.goto("/tags?filter=quotes");
  await expect(page.getByRole("list", { name: "Tags" })).toContainText(description);
  // A customer has no description form.
  await page.goto("/tags/quotes");
  await expect(page.getByText("Describe this tag")).toHaveCount(0);
  await expect(page.getByText("Edit the description")).toHaveCount(0);
});

test("the dark theme: chosen in the footer, remembered, and passing axe on the main pages @axe", { tag: "@phone" }, async ({ page }) => {
  // Six pages through axe: slow on a busy machine.
  test.slow();
  await page.goto("/");
  await page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page);
  for (const path of ["/questions?sort=top", "/users", "/tags", "/kb"]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expectNoAxeViolations(page);
  }
  await page.goto("/questions?sort=top");
  await page.locator(".question-row__title a").first().click();
  await expectNoAxeViolations(page);
  // Back to the system's choice: the attribute goes, and a dark system still gets the dark colours.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "System" }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(13, 17, 23)");
  await expectNoAxeViolations(page);
});
