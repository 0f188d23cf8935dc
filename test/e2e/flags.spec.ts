// Flags and the review queue, end to end: a customer with enough reputation flags a spam answer,
// staff find it in /review and confirm it as spam, the author loses 100 reputation.
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { BASE_URL, DEMO, DEMO_PASSWORD, answerBy, answerViaHttp, askViaHttp, createUserViaHttp, expectNoAxeViolations, fillMarkdownBody, logIn, logOut, newQuestion, siteHeader, unique } from "./helpers";

// Each project posts its spam as a different demo member, so parallel projects never share one
// author's reputation (all three have far more than 100 after seeding).
const AUTHOR_BY_PROJECT: Record<string, { email: string; displayName: string }> = {
  desktop: DEMO.super3,
  "no-js": DEMO.super1,
  phone: DEMO.super2,
};
const FLAGGER = { email: "oskar.lindqvist@example.com", displayName: "Oskar Lindqvist" };

async function signedInApi(user: { email: string }) {
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const response = await api.post("/login", { form: { email: user.email, password: DEMO_PASSWORD, redirectTo: "/" }, maxRedirects: 0 });
  expect(response.status(), `log in as ${user.email}`).toBe(302);
  const home = await (await api.get("/")).text();
  const id = Number(/class="site-account__me"[^>]*href="\/users\/(\d+)|href="\/users\/(\d+)[^"]*"[^>]*class="site-account__me"/.exec(home)?.slice(1).find(Boolean));
  return { api, id };
}

async function reputationOn(page: Page, userId: number) {
  await page.goto(`/users/${userId}`);
  // Shown with thousands separators ("1,087").
  return Number((await page.getByTestId("reputation").textContent())?.replace(/,/g, ""));
}

test("a customer flags a spam answer, staff confirm it in /review, and the author loses 100 reputation", { tag: "@phone" }, async ({ page }) => {
  const asker = await createUserViaHttp("asker");
  const question = await askViaHttp(asker, newQuestion("flags"));
  const authorAccount = AUTHOR_BY_PROJECT[test.info().project.name] ?? DEMO.super3;
  const author = await signedInApi(authorAccount);
  const spam = `Cheap licences ${unique()}: 90% off today, visit our shop and tell your friends!`;
  const answerId = await answerViaHttp({ ...asker, api: author.api }, question.path, spam);

  const before = await reputationOn(page, author.id);

  // The flagger: enough reputation to flag.
  await logIn(page, FLAGGER, question.path);
  await page.goto(question.path);
  const answer = answerBy(page, authorAccount.displayName);
  await expect(answer).toContainText(spam);
  await answer.getByText("Flag", { exact: true }).click();
  await answer.getByLabel(/^Spam/).check();
  await answer.getByLabel("Details for staff").fill("Advertising a licence shop.");
  await answer.getByRole("button", { name: "Send flag" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for flagging");
  await expect(page.getByRole("status")).toContainText("Your flag is recorded");

  // The flag shows on the flagger's own profile, still open.
  await (await siteHeader(page)).getByRole("link", { name: FLAGGER.displayName }).click();
  const flagsSection = page.getByRole("region", { name: "Your flags" });
  await expect(flagsSection.getByRole("listitem").filter({ hasText: "Spam" }).first()).toContainText("Open");
  await logOut(page);

  // Staff review it.
  await logIn(page, DEMO.staff1, "/review");
  await (await siteHeader(page)).getByRole("link", { name: "Review" }).click();
  await page.getByRole("navigation", { name: "Filter by reason" }).getByRole("link", { name: /^Flagged/ }).click();
  const item = page.getByRole("article").filter({ hasText: spam });
  await expect(item).toContainText("Advertising a licence shop.");
  await expect(item).toContainText(FLAGGER.displayName);
  await item.getByLabel("Reason").fill("Licence spam");
  await item.getByRole("button", { name: "Confirm spam" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded: Confirm spam");
  await expect(page.getByRole("article").filter({ hasText: spam })).toHaveCount(0);

  expect(await reputationOn(page, author.id)).toBe(before - 100);

  // Customers no longer see the answer; the flagger's flag was helpful.
  await logOut(page);
  await page.goto(question.path);
  await expect(page.locator(`#answer-${answerId}`)).toHaveCount(0);
  await expect(page.getByText(spam)).toHaveCount(0);
});

test("a second flag on the same post gets a clear message and keeps what was typed", async ({ page }) => {
  const asker = await createUserViaHttp("asker");
  const question = await askViaHttp(asker, newQuestion("flag-twice"));
  await logIn(page, FLAGGER);
  for (const attempt of [1, 2]) {
    await page.goto(`/posts/${question.id}/flag`);
    await page.getByLabel(/^Something else/).check();
    await page.getByLabel("Details for staff").fill(`Attempt ${attempt}: this is a product suggestion, not a question.`);
    await page.getByRole("button", { name: "Send flag" }).click();
  }
  await expect(page.getByRole("alert")).toContainText("already flagged");
  await expect(page.getByLabel("Details for staff")).toHaveValue("Attempt 2: this is a product suggestion, not a question.");
  // "Something else" without words is refused next to the field.
  await page.getByLabel("Details for staff").fill("");
  await page.getByRole("button", { name: "Send flag" }).click();
  await expect(page.getByText("Say what is wrong, so staff know what to look for.")).toBeVisible();
});

test("the review queue and the flag page pass axe and fit the screen @axe", async ({ page }) => {
  // Three pages through axe: slow on a busy machine.
  test.setTimeout(150_000);
  const asker = await createUserViaHttp("asker");
  const question = await askViaHttp(asker, newQuestion("flag-axe"));
  await logIn(page, DEMO.staff2);
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  await expectNoAxeViolations(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(width).toBeLessThanOrEqual(0);
  await page.goto(question.path);
  await page.getByRole("main").getByText("Flag", { exact: true }).first().click();
  await expectNoAxeViolations(page);
  await page.goto(`/posts/${question.id}/flag`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Flag this question");
  await expectNoAxeViolations(page);
  // With the original question's matches listed, sent back by the server after words were sent.
  await page.getByLabel(/^Duplicate of another question/).check();
  await page.getByLabel("Original question (for a duplicate)").fill("export invoices");
  await page.getByRole("button", { name: "Send flag" }).click();
  await expect(page.getByText("Choose the original question below")).toBeVisible();
  await expect(page.getByRole("group", { name: "Matching questions" }).getByRole("radio").first()).toBeVisible();
  await expectNoAxeViolations(page);
  const pickerWidth = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(pickerWidth).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath("flag-question-picker.png"), fullPage: true });
});

test("a brand-new member's answer with many links is kept and waits for review, with a clear message", async ({ page }) => {
  const asker = await createUserViaHttp("asker");
  const question = await askViaHttp(asker, newQuestion("held"));
  const newcomer = await createUserViaHttp("newcomer");
  await logIn(page, newcomer, question.path);
  await page.goto(question.path);
  const body = `These helped me ${unique()}: https://a.example/one, https://b.example/two and https://c.example/three`;
  await fillMarkdownBody(page, body);
  await page.getByRole("button", { name: "Post your answer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your answer is waiting for review");
  await expect(page.getByRole("status")).toContainText("Nothing you wrote is lost");
  await expect(page.getByRole("main")).toContainText("https://c.example/three");
  // Nobody else sees it yet.
  await logOut(page);
  await page.goto(question.path);
  await expect(page.getByText(body)).toHaveCount(0);
});
