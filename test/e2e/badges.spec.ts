// Earned badges and Staff verified, as people meet them: staff mark an answer and a customer sees
// the mark (and the question listed as solved); /badges lists every badge with who earned it; an
// accepted answer shows up as a badge on its author's profile.
import { expect, test } from "@playwright/test";
import {
  DEMO,
  answerBy,
  answerViaHttp,
  askViaHttp,
  createUserViaHttp,
  expectNoAxeViolations,
  logIn,
  logOut,
  newQuestion,
  unique,
} from "./helpers";

test("staff mark an answer Staff verified; a customer sees the mark and the question listed as solved (axe on desktop and phone)", { tag: "@phone" }, async ({ page }) => {
  test.slow();
  const asker = await createUserViaHttp("verify-asker");
  const answerer = await createUserViaHttp("verify-answerer");
  const question = newQuestion("verify");
  const { path } = await askViaHttp(asker, question);
  await answerViaHttp(answerer, path, `Turn the bank feed off and on again (${unique()}).`);

  await logIn(page, DEMO.staff1);
  await page.goto(path);
  const answer = answerBy(page, answerer.displayName);
  await expect(answer.getByTestId("staff-verified")).toHaveCount(0);
  await answer.getByRole("button", { name: "Mark staff verified" }).click();
  await expect(answer.getByTestId("staff-verified")).toHaveText(/Staff verified/);
  await expect(answer.getByRole("button", { name: "Remove staff verification" })).toBeVisible();
  await logOut(page);

  await logIn(page, asker);
  await page.goto(path);
  await expect(answerBy(page, answerer.displayName).getByTestId("staff-verified")).toHaveText(/Staff verified/);
  await expect(page.getByRole("button", { name: "Mark staff verified" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove staff verification" })).toHaveCount(0);
  if (test.info().project.name !== "no-js") await expectNoAxeViolations(page);

  // Counted as solved where the question is listed.
  await page.goto(`/tags/${question.tag}`);
  await expect(page.getByRole("listitem").filter({ hasText: question.title })).toContainText("staff verified");
});

test("staff remove the mark again", async ({ page }) => {
  const asker = await createUserViaHttp("unverify-asker");
  const answerer = await createUserViaHttp("unverify-answerer");
  const { path } = await askViaHttp(asker, newQuestion("unverify"));
  await answerViaHttp(answerer, path, `Clear the cache and sync again (${unique()}).`);
  await logIn(page, DEMO.staff2);
  await page.goto(path);
  const answer = answerBy(page, answerer.displayName);
  await answer.getByRole("button", { name: "Mark staff verified" }).click();
  await answer.getByRole("button", { name: "Remove staff verification" }).click();
  await expect(answer.getByRole("button", { name: "Mark staff verified" })).toBeVisible();
  await expect(answer.getByTestId("staff-verified")).toHaveCount(0);
});

test("/badges lists every badge with its description and earners; an accepted answer earns a badge shown on the profile (axe on desktop and phone)", { tag: "@phone" }, async ({ page }) => {
  await page.goto("/badges");
  await expect(page).toHaveTitle("Badges - Peerdesk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Badges");
  const helper = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Helper/ }) });
  await expect(helper).toContainText("Wrote an answer that the asker accepted.");
  await expect(helper).toContainText("bronze");
  await expect(helper).toContainText(/Earned by \d+ members?/);
  await expect(page.getByRole("heading", { name: /Legendary answer/ })).toBeVisible();
  if (test.info().project.name !== "no-js") await expectNoAxeViolations(page);
  // Nothing scrolls sideways, a phone included.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // A demo member who earned it: their profile lists it in a Badges section.
  const earner = helper.getByRole("list", { name: /Recently earned Helper by/ }).getByRole("link").first();
  const earnerName = (await earner.textContent())!.trim();
  await earner.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(earnerName);
  await expect(page.getByRole("region", { name: "Badges" }).getByRole("link", { name: "Helper" })).toBeVisible();
  if (test.info().project.name !== "no-js") await expectNoAxeViolations(page);

  // Earned live: an answer accepted now shows on its author's profile, with the count beside their name.
  const asker = await createUserViaHttp("badge-asker");
  const answerer = await createUserViaHttp("badge-answerer");
  const { path } = await askViaHttp(asker, newQuestion("badge"));
  const answerId = await answerViaHttp(answerer, path, `Match the payout to the clearing account (${unique()}).`);
  const accepted = await asker.api.post(path, { form: { intent: "accept", answerId: String(answerId) }, maxRedirects: 0 });
  expect(accepted.status()).toBe(302);
  await page.goto(`/users/${answerer.id}`);
  const badges = page.getByRole("region", { name: "Badges" });
  await expect(badges.getByTestId("earned-badge")).toHaveCount(1);
  await expect(badges.getByTestId("earned-badge")).toContainText("Helper");
  await expect(badges.getByTestId("earned-badge")).toContainText("bronze");
  await page.goto(path);
  await expect(answerBy(page, answerer.displayName).getByText("1 bronze badge")).toBeAttached();
});
