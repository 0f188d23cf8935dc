// Writing posts: editing with history, comments, what bad input gets, text shown as text, markdown.
import { expect, test } from "@playwright/test";
import { BASE_URL, DEMO, askQuestion, askViaHttp, createUserViaHttp, fillMarkdownBody, isPreviewOf, javaScriptEnabled, logIn, previewSettled, newQuestion, newUser, signUp, unique, expectNoAxeViolations } from "./helpers";

test("editing your own question shows the new text, and History keeps both revisions", async ({ page }) => {
  await signUp(page, newUser("editor"));
  const question = newQuestion("edit");
  const { path } = await askQuestion(page, question);
  const questionArticle = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 1 }) });

  // Not edited yet: no history link.
  await expect(questionArticle.getByRole("link", { name: "History", exact: true })).toHaveCount(0);
  await questionArticle.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit question");
  const body = page.getByLabel("Body", { exact: true });
  await expect(body).toHaveValue(question.body);
  const newBody = `Edited ${unique()}: the totals match once the bank rule is switched off.`;
  await fillMarkdownBody(page, newBody);
  await page.getByRole("button", { name: "Save edits" }).click();

  await expect(page).toHaveURL(new RegExp(`/questions/\\d+`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);
  await expect(questionArticle.getByText(newBody)).toBeVisible();
  await expect(questionArticle.getByText(question.body)).toHaveCount(0);
  await expect(questionArticle).toContainText("edited");

  await questionArticle.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Question history");
  const revisions = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: /^Revision \d/ }) });
  await expect(revisions).toHaveCount(2);
  await expect(page.getByRole("heading", { level: 2, name: "Revision 2" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Revision 1 (original)" })).toBeVisible();
  await expect(revisions.filter({ hasText: "Revision 1 (original)" })).toContainText(question.body);
  await expect(revisions.filter({ hasText: "Revision 2" })).toContainText(newBody);
  await expect(page.getByRole("link", { name: `Back to “${question.title}”` })).toHaveAttribute("href", new RegExp(`^${path.replace(/\/[^/]*$/, "")}`));

});

test("Delete asks first: Cancel keeps the question, Yes, delete removes it", async ({ page }) => {
  const author = await createUserViaHttp("deleter");
  const question = newQuestion("delete");
  const { path } = await askViaHttp(author, question);
  await logIn(page, author, path);
  const questionArticle = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 1 }) });
  await questionArticle.getByRole("button", { name: "Delete", exact: true }).click();
  const confirmation = page.getByRole("group", { name: /Delete this post\?/ });
  await expect(confirmation).toContainText("Customers will no longer see it");
  await expect(confirmation.getByRole("button", { name: "Yes, delete" })).toBeFocused();
  await confirmation.getByRole("link", { name: "Cancel" }).click();
  await expect(confirmation).toHaveCount(0);
  await expect(questionArticle.getByText(question.body)).toBeVisible();
  await questionArticle.getByRole("button", { name: "Delete", exact: true }).click();
  await confirmation.getByRole("button", { name: "Yes, delete" }).click();
  // The author's deleted question is gone from the lists they land on.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: question.title })).toHaveCount(0);
});

test("an edit from a form loaded before someone else's save is refused with both versions, and the author's text kept", async ({ page, browser }) => {
  // A sign-up by emailed link, a staff login and two browsers: longer than one page visit.
  test.slow();
  // The author asks with a phone number in the question, and opens the edit form.
  await signUp(page, newUser("stale-editor"));
  const question = newQuestion("stale-edit");
  const withPhone = `${question.body} Call me on +44 7700 900123.`;
  const { id } = await askQuestion(page, { ...question, body: withPhone });
  await page.goto(`/posts/${id}/edit`);
  const authorsText = `${withPhone} Also: the bank rule is switched off (${unique()}).`;
  await fillMarkdownBody(page, authorsText);

  // Meanwhile staff, in their own browser, redact the number.
  const staffContext = await browser.newContext({ baseURL: BASE_URL, javaScriptEnabled: javaScriptEnabled() });
  try {
    const staffPage = await staffContext.newPage();
    await logIn(staffPage, DEMO.staff1);
    await staffPage.goto(`/posts/${id}/edit`);
    await fillMarkdownBody(staffPage, `${question.body} Call me on [number removed by staff].`);
    await staffPage.getByRole("button", { name: "Save edits" }).click();
    await expect(staffPage).toHaveURL(new RegExp(`/questions/${id}`));
  } finally {
    await staffContext.close();
  }

  // The author's save, from the form loaded before the redaction, does not silently undo it.
  await page.getByRole("button", { name: "Save edits" }).click();
  await expect(page.getByRole("heading", { name: "Someone else saved a new version" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Your text is still in the form");
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue(authorsText);
  await expect(page.getByLabel("The current version", { exact: true })).toContainText("[number removed by staff]");
  await expect(page.getByLabel("Differences between the current version and yours")).toContainText("+ ");
  if (javaScriptEnabled()) {
    // The conflict view meets WCAG 2.2 AA like every other page (axe runs as script in the page).
    await expectNoAxeViolations(page);
  }

  // Saving again, having seen the current version, is a deliberate choice and goes through.
  await page.getByRole("button", { name: "Save edits" }).click();
  await expect(page).toHaveURL(new RegExp(`/questions/${id}`));
  await expect(page.getByRole("article").filter({ has: page.getByRole("heading", { level: 1 }) }).getByText(authorsText)).toBeVisible();
});

test("a comment posted under a question appears under it", { tag: "@phone" }, async ({ page }) => {
  await signUp(page, newUser("commenter"));
  const { path } = await askQuestion(page, newQuestion("comment"));
  const questionArticle = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 1 }) });

  await questionArticle.getByRole("button", { name: "Add a comment" }).click();
  const field = page.getByLabel("Comment", { exact: true });
  await expect(field).toBeVisible();
  const comment = `Added a screenshot of the bank rule ${unique()}.`;
  await field.fill(comment);
  await page.getByRole("button", { name: "Post comment" }).click();

  const comments = questionArticle.getByRole("list", { name: "Comments" });
  await expect(comments.getByRole("listitem").filter({ hasText: comment })).toBeVisible();
  await expect(page.getByLabel("Comment", { exact: true })).toHaveCount(0);
  // Still there after a fresh load, on the question's own page.
  await page.goto(path);
  await expect(questionArticle.getByRole("list", { name: "Comments" })).toContainText(comment);
});

test("a bad question gets messages next to the fields, status 400, and keeps the text", async ({ page }) => {
  await signUp(page, newUser("bad-ask"));
  await page.goto("/questions/ask");
  const typed = `too short ${unique().slice(0, 4)}`;
  expect(typed.length).toBeLessThan(20);
  await page.getByLabel("Tags", { exact: true }).fill("invoices");
  await fillMarkdownBody(page, typed);
  const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/questions/ask"));
  await page.getByRole("button", { name: "Post your question" }).click();
  expect((await response).status()).toBe(400);

  await expect(page).toHaveURL(/\/questions\/ask$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask a question");
  const title = page.getByLabel("Title", { exact: true });
  const body = page.getByLabel("Body", { exact: true });
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(title).toHaveAccessibleDescription(/Title is required\./);
  await expect(page.getByText("Title is required.", { exact: true })).toBeVisible();
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await expect(body).toHaveAccessibleDescription(/Body must be at least 20 characters\./);
  await expect(page.getByText("Body must be at least 20 characters.", { exact: true })).toBeVisible();
  await expect(body).toHaveValue(typed);
  await expect(page.getByLabel("Tags", { exact: true })).toHaveValue("invoices");

  // The summary at the top has the focus (autofocus without JavaScript) and links each field.
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: "Title: Title is required." }).click();
  await expect(page).toHaveURL(/#field-title$/);

  // A body over the limit is kept whole and refused with a message, never cut by the browser.
  const tooLong = `${"The export keeps timing out. ".repeat(1035).slice(0, 30_000)}x`;
  await title.fill("Export keeps timing out on a long report");
  await body.fill(tooLong);
  if (javaScriptEnabled()) await expect(page.getByTestId("char-count")).toHaveText("1 character over the limit of 30,000: shorten it before posting.");
  const refused = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/questions/ask"));
  await page.getByRole("button", { name: "Post your question" }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByText("Body must be at most 30,000 characters.", { exact: true })).toBeVisible();
  expect((await page.getByLabel("Body", { exact: true }).inputValue()).length).toBe(30_001);
});

test("HTML in titles and bodies is shown as text and never runs", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await signUp(page, newUser("html"));
  const suffix = unique();
  const tag = `e2e-${suffix}`;
  const title = `Why does <script>alert(1)</script> show <b>x</b> here ${suffix}?`;
  const bodyLine = `My template has <script>alert(1)</script> and <b>x</b> in it ${suffix}.`;
  await askQuestion(page, { title, body: `${bodyLine}\n\n<img src=x onerror="alert(2)">`, tags: tag });

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const questionArticle = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(questionArticle).toContainText(bodyLine);
  await expect(questionArticle).toContainText(`<img src=x onerror="alert(2)">`);
  await expect(questionArticle.locator("b")).toHaveCount(0);
  await expect(questionArticle.locator("img")).toHaveCount(0);
  await expect(page).toHaveTitle(`${title} - Peerdesk`);
  // The page's own data scripts may carry the title (escaped); none may be the user's script.
  const injectedScripts = await page.locator("script").evaluateAll((scripts) => scripts.filter((s) => s.textContent?.trim() === "alert(1)").length);
  expect(injectedScripts).toBe(0);
  await expect(page.getByRole("main").locator("script")).toHaveCount(0);

  // The question list shows the title literally too.
  await page.goto(`/tags/${tag}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("main").locator("b")).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("a markdown code block is rendered in a pre element", async ({ page }) => {
  await signUp(page, newUser("markdown"));
  const suffix = unique();
  const code = `const total = invoices.filter((i) => i.paid && i.amount < 100); // ${suffix}`;
  await askQuestion(page, {
    title: `Filtering invoices in the API client ${suffix}`,
    body: `This is **important** for my report:\n\n\`\`\`js\n${code}\n\`\`\`\n\nWhy does it return nothing?`,
    tags: `e2e-${suffix} api`,
  });
  const prose = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 1 }) });
  const block = prose.locator("pre code");
  await expect(block).toHaveText(code);
  await expect(prose.locator("strong")).toHaveText("important");
  await expect(prose).not.toContainText("```");
});

test("an answer posted while the live preview is still loading appears on the page", async ({ page }) => {
  const asker = await createUserViaHttp("slow-q");
  const { path } = await askViaHttp(asker, newQuestion("slow network"));
  await signUp(page, newUser("slow-a"));
  await page.goto(path);
  const field = page.getByLabel("Body", { exact: true });
  const preview = page.getByRole("region", { name: "Preview" });
  if (javaScriptEnabled()) await expect(preview).toContainText("Start typing to see a preview.");

  // A slow connection: the answer reaches the server only after the live preview has loaded.
  let releaseAnswer = () => {};
  const answerHeld = new Promise<void>((resolve) => (releaseAnswer = resolve));
  await page.route(
    (url) => url.pathname === path || url.pathname === `${path}.data`,
    async (route) => {
      if (route.request().method() === "POST") await answerHeld;
      await route.continue();
    },
  );
  const answer = `Posted in a hurry ${unique()}: switch the bank rule off and refresh.`;
  const previewed = javaScriptEnabled() ? page.waitForResponse((r) => isPreviewOf(r, answer)) : null;
  await field.fill(answer);
  if (previewed) {
    await page.getByRole("button", { name: "Post your answer" }).click();
    // The preview (and anything it makes the page reload) finishes while the answer is on its way.
    await previewSettled(page, await previewed, path);
    releaseAnswer();
  } else {
    releaseAnswer();
    await page.getByRole("button", { name: "Post your answer" }).click();
  }
  await expect(page.getByRole("article").filter({ hasText: answer })).toBeVisible();
  await expect(page.getByRole("heading", { name: "1 Answer" })).toBeVisible();
});
