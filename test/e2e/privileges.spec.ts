// What a new member and a visitor see in place of the controls they do not get: the reputation
// each needs (read from the same table the rules use), and Log in links that come back to the page.
import { expect, test, type Page } from "@playwright/test";
import { PRIVILEGE_THRESHOLDS as NEEDS } from "../../app/domain/privileges";
import { answerBy, answerViaHttp, askViaHttp, createUserViaHttp, expectNoAxeViolations, logIn, logOut, newQuestion, unique } from "./helpers";

/** A question and an answer by one member (reputation 1, like everyone new). */
async function threadByAnotherMember() {
  const asker = await createUserViaHttp("asker");
  const question = newQuestion("privileges");
  const { id, path } = await askViaHttp(asker, question);
  const answer = `Check the bank rule first ${unique()}.`;
  await answerViaHttp(asker, path, answer);
  return { asker, id, path, title: question.title, answer };
}

function questionArticle(page: Page, title: string) {
  return page.getByRole("article", { name: title });
}

const notes = {
  comment: `Commenting on others' posts needs ${NEEDS.commentAnywhere} reputation.`,
  vote: `Upvoting needs ${NEEDS.upvote} reputation.`,
  flag: `Flagging needs ${NEEDS.flag} reputation.`,
  edit: `Editing others' posts needs ${NEEDS.editAny} reputation.`,
  close: `Voting to close or reopen needs ${NEEDS.closeReopen} reputation.`,
};

test("a new member sees, where each control would be, the reputation it needs", { tag: "@phone" }, async ({ page }) => {
  const thread = await threadByAnotherMember();
  const newcomer = await createUserViaHttp("newcomer");
  await logIn(page, newcomer, thread.path);
  await expect(page).toHaveURL(new RegExp(`/questions/${thread.id}/`));

  for (const post of [questionArticle(page, thread.title), answerBy(page, thread.asker.displayName)]) {
    for (const text of [notes.comment, notes.vote, notes.flag, notes.edit]) await expect(post.getByText(text, { exact: true })).toBeVisible();
    // In place of the controls, not beside them.
    await expect(post.getByRole("button", { name: "Add a comment" })).toHaveCount(0);
    await expect(post.getByText("Flag", { exact: true })).toHaveCount(0);
    await expect(post.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    // The vote buttons stay (a refused vote says why too); the note is their description.
    await expect(post.getByRole("button", { name: "Upvote" })).toHaveAccessibleDescription(notes.vote);
  }
  await expect(page.getByText(notes.close, { exact: true })).toBeVisible();
  await expect(page.getByText("Moderate", { exact: true })).toHaveCount(0);

  // Nothing scrolls sideways, whatever the width (375 px on the phone project).
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
});

test("a visitor is invited to log in where voting, commenting and answering would be, and comes back to the page", async ({ page }) => {
  const thread = await threadByAnotherMember();
  await page.goto(thread.path);
  const question = questionArticle(page, thread.title);
  const back = encodeURIComponent(thread.path);
  await expect(question.getByRole("link", { name: "Log in to vote" })).toHaveAttribute("href", `/login?redirectTo=${back}`);
  await expect(question.getByRole("button", { name: "Add a comment" })).toHaveCount(0);
  const answerSection = page.getByRole("region", { name: "Your answer" });
  await expect(answerSection.getByRole("link", { name: "Log in" })).toHaveAttribute("href", `/login?redirectTo=${back}`);
  await expect(answerSection.getByRole("link", { name: "sign up" })).toHaveAttribute("href", `/signup?redirectTo=${back}`);
  await expect(answerSection).toHaveText(/Log in or sign up to answer\./);

  // The asker logs in from "Log in to comment" and is back on the question, its comment form open.
  await question.getByRole("link", { name: "Log in to comment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in");
  await page.getByLabel("Email", { exact: true }).fill(thread.asker.email);
  await page.getByLabel("Password", { exact: true }).fill(thread.asker.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(new RegExp(`${thread.path}\\?comment=${thread.id}$`));
  await expect(page.getByLabel("Comment", { exact: true })).toBeVisible();
});

// Each with its own page load: axe on a loaded machine takes a while, so these are marked slow.
test("a new member's notes meet WCAG 2.2 AA", { tag: "@axe" }, async ({ page }) => {
  test.slow();
  const thread = await threadByAnotherMember();
  const newcomer = await createUserViaHttp("newcomer");
  await logIn(page, newcomer, thread.path);
  await expect(page.getByText(notes.comment).first()).toBeVisible();
  await expectNoAxeViolations(page);
  // Logged out, the same page offers its Log in links instead.
  await logOut(page);
  await page.goto(thread.path);
  await expect(questionArticle(page, thread.title).getByRole("link", { name: "Log in to comment" })).toBeVisible();
});

test("a visitor's log-in links meet WCAG 2.2 AA", { tag: "@axe" }, async ({ page }) => {
  test.slow();
  const thread = await threadByAnotherMember();
  await page.goto(thread.path);
  await expect(questionArticle(page, thread.title).getByRole("link", { name: "Log in to comment" })).toBeVisible();
  await expectNoAxeViolations(page);
});
