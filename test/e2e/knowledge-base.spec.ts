// The knowledge-base workflow: staff promote an accepted answer, edit the draft, publish it;
// customers find it at /kb and rate it; a customer cannot promote.
import { expect, test } from "@playwright/test";
import { DEMO, answerBy, askQuestion, logIn, logOut, newQuestion, newUser, postAnswer, signUp, unique } from "./helpers";

test("staff promote an accepted answer, edit and publish it; a customer finds it and finds it helpful", { tag: "@phone" }, async ({ page }) => {
  // Three sign-ups, each through its emailed link, and five logins: more than the default minute on a busy machine.
  test.slow();
  // A customer asks, another answers, the asker accepts.
  const asker = await signUp(page, newUser("kb-asker"));
  const question = newQuestion("kb");
  const { path } = await askQuestion(page, question);
  await logOut(page);
  const answerer = await signUp(page, newUser("kb-answerer"));
  await page.goto(path);
  const answerText = `Open Settings, then Numbering, and set the next number (${unique()}).`;
  await postAnswer(page, answerText);
  await logOut(page);
  await logIn(page, asker);
  await page.goto(path);
  await answerBy(page, answerer.displayName).getByRole("button", { name: "Accept answer" }).click();
  await expect(answerBy(page, answerer.displayName).getByTestId("accepted")).toBeVisible();
  // A customer sees no promote button.
  await expect(page.getByRole("button", { name: "Promote to knowledge base" })).toHaveCount(0);
  await logOut(page);

  // Staff promote it and land on the draft's edit form, prefilled from the thread.
  await logIn(page, DEMO.staff1);
  await page.goto(path);
  await answerBy(page, answerer.displayName).getByRole("button", { name: "Promote to knowledge base" }).click();
  await expect(page).toHaveURL(/\/kb\/[a-z0-9-]+\/edit$/);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(question.title);
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue(new RegExp(answerText.replace(/[().]/g, "\\$&")));
  const articleTitle = `How to change invoice numbering ${unique()}`;
  await page.getByLabel("Title", { exact: true }).fill(articleTitle);
  await page.getByLabel("Category").selectOption({ label: "Invoicing" });
  await page.getByRole("button", { name: "Save edits" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(articleTitle);
  await expect(page.getByText("Status: Draft")).toBeVisible();
  const articleUrl = page.url();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Status: Published")).toBeVisible();

  // The thread now links to the article.
  await page.goto(path);
  await expect(answerBy(page, answerer.displayName).getByText("This answer is now a knowledge-base article")).toBeVisible();
  await logOut(page);

  // The answerer got +25 for the promotion and a note on their profile.
  await logIn(page, answerer);
  await page.goto(`/users/${answerer.id}`);
  await expect(page.getByTestId("reputation")).toHaveText(String(1 + 15 + 25));
  await expect(page.getByRole("region", { name: "Your activity" }).getByText(/into a knowledge-base article/)).toBeVisible();
  await logOut(page);

  // A reader finds it from /kb, sees where it came from, and votes helpful.
  await signUp(page, newUser("kb-reader"));
  await page.goto("/kb");
  await page.getByRole("link", { name: articleTitle }).first().click();
  await expect(page).toHaveURL(articleUrl);
  await expect(page.getByText("From the community:")).toBeVisible();
  await expect(page.getByRole("link", { name: question.title })).toBeVisible();
  await expect(page.getByRole("link", { name: answerer.displayName })).toBeVisible();
  await page.getByRole("button", { name: "Yes" }).click();
  await expect(page.getByText("Thanks for your feedback")).toBeVisible();
  await logOut(page);

  // Staff see the vote in the article's figures.
  await logIn(page, DEMO.staff1);
  await page.goto(articleUrl);
  const figures = page.getByRole("region", { name: "For staff" });
  await expect(figures.getByRole("definition").nth(1)).toHaveText("1");
});

test("a customer's attempt to promote an answer is refused and creates nothing", async ({ page, request }) => {
  const customer = await signUp(page, newUser("kb-forger"));
  const { path, id } = await askQuestion(page, newQuestion("kb-forged"));
  await postAnswer(page, `My own answer, which I would like in the knowledge base ${unique()}.`);
  const answerId = await page.getByRole("article", { name: `Answer by ${customer.displayName}` }).getAttribute("id");
  // Whatever the UI shows, the server decides: post the promote form by hand.
  const response = await page.request.post(path, {
    form: { intent: "promote", answerId: answerId!.replace("answer-", "") },
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  await page.goto(`/questions/${id}`);
  await expect(page.getByText("This answer is now a knowledge-base article")).toHaveCount(0);
  const manage = await page.request.get("/kb/manage", { maxRedirects: 0 });
  expect(manage.status()).toBe(403);
  void request;
});

test("drafts are not found by customers", async ({ page }) => {
  const response = await page.goto("/kb/this-draft-does-not-exist");
  expect(response?.status()).toBe(404);
});
