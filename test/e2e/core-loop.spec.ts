// The whole community loop, through the UI only: sign up, ask, answer, upvote, accept, and the
// reputation that results. Runs in every project: desktop, without JavaScript, and on a phone.
import { expect, test } from "@playwright/test";
import { DEMO, answerBy, askQuestion, logIn, logOut, newQuestion, newUser, postAnswer, signUp } from "./helpers";

// Each project votes as a different superuser, so no account meets the per-account login limit.
const VOTER_BY_PROJECT: Record<string, (typeof DEMO)[keyof typeof DEMO]> = {
  desktop: DEMO.super1,
  "no-js": DEMO.super2,
  phone: DEMO.super3,
};

test("ask, answer, upvote, accept: the answer is marked, listed first, and reputation follows", { tag: "@phone" }, async ({ page }, testInfo) => {
  // Three sign-ups, each through its emailed link, and four logins: more than the default minute on a busy machine.
  test.slow();
  const voter = VOTER_BY_PROJECT[testInfo.project.name] ?? DEMO.super4;
  const question = newQuestion("core loop");

  // A new customer signs up and asks.
  const asker = await signUp(page, newUser("asker"));
  const { path: questionPath } = await askQuestion(page, question);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);
  const questionTags = page.getByRole("article").first().getByRole("list", { name: "Tags" });
  await expect(questionTags.getByRole("link", { name: question.tag, exact: true })).toHaveAttribute("href", `/tags/${question.tag}`);
  await expect(questionTags.getByRole("link", { name: "invoices", exact: true })).toHaveAttribute("href", "/tags/invoices");
  await expect(page.getByText(question.body)).toBeVisible();
  await logOut(page);

  // Another new member answers first, so the accepted answer has to be moved to the top.
  const early = await signUp(page, newUser("early"));
  await page.goto(questionPath);
  const earlyBody = `Early answer ${early.displayName}: check the bank rules before reconciling.`;
  await postAnswer(page, earlyBody);
  await logOut(page);

  // The answerer whose answer will be accepted.
  const answerer = await signUp(page, newUser("answerer"));
  await page.goto(questionPath);
  const answerBody = `Re-authorise the bank feed, then refresh: ${answerer.displayName} did exactly this.`;
  await postAnswer(page, answerBody);
  await expect(page.getByRole("heading", { name: "2 Answers" })).toBeVisible();
  await logOut(page);

  // A superuser upvotes both answers; on equal scores the older answer comes first.
  await logIn(page, voter);
  await page.goto(questionPath);
  const accepted = answerBy(page, answerer.displayName);
  const other = answerBy(page, early.displayName);
  await expect(accepted.getByTestId("answer-score")).toHaveText("0");
  await accepted.getByRole("button", { name: "Upvote" }).click();
  await expect(accepted.getByTestId("answer-score")).toHaveText("1");
  await expect(accepted.getByRole("button", { name: "Upvote" })).toHaveAttribute("aria-pressed", "true");
  await other.getByRole("button", { name: "Upvote" }).click();
  await expect(other.getByTestId("answer-score")).toHaveText("1");
  const answers = page.getByRole("region", { name: /Answers?$/ }).getByRole("article");
  await expect(answers.first()).toHaveAccessibleName(`Answer by ${early.displayName}`);
  // The voter cannot accept: only the asker (or staff) sees the button.
  await expect(accepted.getByRole("button", { name: "Accept answer" })).toHaveCount(0);
  await logOut(page);

  // The asker accepts the later answer: it is marked and moves to the top.
  await logIn(page, asker, questionPath);
  await expect(page).toHaveURL(new RegExp(`${questionPath}$`));
  await expect(accepted.getByTestId("accepted")).toHaveCount(0);
  await accepted.getByRole("button", { name: "Accept answer" }).click();
  await expect(accepted.getByTestId("accepted")).toBeVisible();
  await expect(accepted.getByTestId("accepted")).toContainText("Accepted");
  await expect(other.getByTestId("accepted")).toHaveCount(0);
  await expect(answers).toHaveCount(2);
  await expect(answers.first()).toHaveAccessibleName(`Answer by ${answerer.displayName}`);
  await expect(answers.first()).toContainText(answerBody);
  await expect(accepted.getByRole("button", { name: "Undo accept" })).toBeVisible();

  // The question list shows the question as answered, with an accepted answer.
  await page.goto(`/tags/${question.tag}`);
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: question.title }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("2 answers");
  await expect(row.locator(".stat--accepted svg")).toBeVisible();
  await expect(row).toContainText("one accepted");

  // Reputation: the answerer 1 + 10 (upvote) + 15 (accepted); the asker 1 + 2 (accepting).
  await page.goto(`/users/${answerer.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(answerer.displayName);
  await expect(page.getByTestId("reputation")).toHaveText("26");
  await page.goto(`/users/${asker.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(asker.displayName);
  await expect(page.getByTestId("reputation")).toHaveText("3");
});
