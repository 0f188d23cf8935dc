// Signing in and out, where login sends you afterwards, and roles: the Staff badge and "Make staff".
import { expect, test } from "@playwright/test";
import {
  BASE_URL,
  DEMO,
  SIGN_UP_EMAIL_SUBJECT,
  accountLink,
  answerBy,
  answerViaHttp,
  askViaHttp,
  createUserViaHttp,
  logIn,
  newQuestion,
  newUser,
  postAnswer,
  submitSignUpForm,
  siteHeader,
  unique,
} from "./helpers";
import { signUpLinkIn, waitForEmail } from "./outbox";

test("a signed-out visit to the ask page goes to login and comes back after it", async ({ page }) => {
  const user = await createUserViaHttp("asker");
  await page.goto("/questions/ask");
  await expect(page).toHaveURL(`${BASE_URL}/login?redirectTo=%2Fquestions%2Fask`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/questions/ask`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask a question");
  await expect(await accountLink(page, user.displayName)).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toBeVisible();
});

test("sign-up: the form says check your email, the link's page waits for the button, and the account is made once", async ({ page }) => {
  const user = newUser("link");
  await page.goto("/signup?redirectTo=%2Fquestions%2Fask");
  await submitSignUpForm(page, user);
  await expect(page.getByRole("status")).toContainText(`We sent a link to ${user.email} to finish creating your account.`);

  const link = signUpLinkIn(await waitForEmail(user.email, SIGN_UP_EMAIL_SUBJECT));
  // Opening the link (as a mail scanner would) signs nobody in and uses nothing up.
  await page.goto(link);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finish creating your account");
  await expect((await siteHeader(page)).getByRole("link", { name: "Log in" })).toBeVisible();
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/questions/ask`);
  // The name is isolated from the text around it.
  await expect((await accountLink(page, user.displayName)).locator("bdi")).toHaveText(user.displayName);

  // A second use of the link creates nothing.
  const response = await page.goto(link);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
});

test("sign-up with an email that has an account looks the same; its owner is emailed instead", async ({ page }) => {
  const owner = await createUserViaHttp("owner");
  await page.goto("/signup");
  await page.getByLabel("Email", { exact: true }).fill(owner.email);
  await page.getByLabel("Display name", { exact: true }).fill(`Not ${owner.displayName}`);
  await page.getByLabel("Password", { exact: true }).fill("someone-elses-password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByRole("status")).toContainText(`We sent a link to ${owner.email} to finish creating your account.`);
  const notice = await waitForEmail(owner.email, "Someone tried to sign up with your email");
  expect(notice.text).toMatch(/\/login\b/);
  // The owner's password still works.
  await logIn(page, { ...owner, password: owner.password });
});

test("a display name that differs from a member's only by invisible characters is taken, said next to the field", async ({ page }) => {
  const member = await createUserViaHttp("named");
  await page.goto("/signup");
  await page.getByLabel("Email", { exact: true }).fill(`copycat-${unique()}@e2e.example`);
  await page.getByLabel("Display name", { exact: true }).fill(`${member.displayName}\u200B`);
  await page.getByLabel("Password", { exact: true }).fill("a-long-password");
  await page.getByRole("button", { name: "Sign up" }).click();
  const field = page.getByLabel("Display name", { exact: true });
  await expect(field).toHaveAccessibleDescription(/That display name is taken\./);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your account");
});

test("a wrong password shows an error and does not sign in", async ({ page }) => {
  const user = await createUserViaHttp("wrongpw");
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  // The error summary at the top says it, and takes the focus so a screen reader reads it first.
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
  await expect(page.getByRole("alert")).toBeFocused();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
  await expect((await siteHeader(page)).getByRole("link", { name: "Log in" })).toBeVisible();
  await expect((await siteHeader(page)).getByRole("button", { name: "Log out" })).toHaveCount(0);
});

// A tab or newline inside a URL is dropped by browsers, so "/<TAB>/evil.example" is "//evil.example".
for (const target of ["https://evil.example/", "//evil.example", "/\t/evil.example"]) {
  test(`login with redirectTo=${JSON.stringify(target)} lands on this site's home page`, async ({ page }) => {
    // Should the app send the browser away, answer for the other host here instead of the network.
    await page.context().route(/^https?:\/\/evil\.example\//, (route) => route.fulfill({ contentType: "text/html", body: "<title>evil</title><h1>Another site</h1>" }));
    const user = await createUserViaHttp("redirect");
    await page.goto(`/login?redirectTo=${encodeURIComponent(target)}`);
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All questions");
    await expect(page).toHaveURL(`${BASE_URL}/`);
    await expect(await accountLink(page, user.displayName)).toBeVisible();
  });
}

test("a staff member's answer shows the Staff badge right after their name", async ({ page }) => {
  const asker = await createUserViaHttp("staff-q");
  const customer = await createUserViaHttp("peer");
  const { path } = await askViaHttp(asker, newQuestion("staff badge"));
  await answerViaHttp(customer, path, `A customer's answer ${unique()}: try re-authorising the feed.`);

  await logIn(page, DEMO.staff1);
  await page.goto(path);
  await postAnswer(page, `Official answer ${unique()}: we have fixed the bank connection on our side.`);

  const staffAnswer = answerBy(page, DEMO.staff1.displayName);
  const staffName = staffAnswer.getByRole("link", { name: DEMO.staff1.displayName, exact: true });
  await expect(staffName).toBeVisible();
  const badge = staffName.locator("xpath=following-sibling::*[1]");
  await expect(badge).toHaveText("Staff");
  await expect(badge).toBeVisible();

  // A customer's name carries no badge.
  const customerAnswer = answerBy(page, customer.displayName);
  await expect(customerAnswer.getByRole("link", { name: customer.displayName, exact: true })).toBeVisible();
  await expect(customerAnswer.getByText("Staff", { exact: true })).toHaveCount(0);
});

test("an admin makes a customer staff from the profile, and the Staff badge appears", async ({ page }) => {
  const customer = await createUserViaHttp("promote");
  await logIn(page, DEMO.admin);
  await page.goto(`/users/${customer.id}`);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(customer.displayName);
  await expect(heading.getByText("Staff", { exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Make staff" }).click();
  await expect(heading.getByText("Staff", { exact: true })).toBeVisible();
  await expect(heading).toHaveText(`${customer.displayName}Staff`);
  await expect(page.getByRole("button", { name: "Make staff" })).toHaveCount(0);
  await expect(page.getByText("Staff members help as part of their job and earn no reputation.")).toBeVisible();

  // The new role is real: the customer now sees the badge next to their own name when signed in.
  const home = await (await customer.api.get("/")).text();
  expect(home).toMatch(/class="site-account__me"[^>]*>(?:(?!<\/a>).)*>Staff</s);
});

test("a customer does not see Make staff on another member's profile", async ({ page }) => {
  const viewer = await createUserViaHttp("viewer");
  const other = await createUserViaHttp("other");
  await logIn(page, viewer);
  await page.goto(`/users/${other.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(other.displayName);
  await expect(page.getByTestId("reputation")).toHaveText("1");
  await expect(page.getByRole("button", { name: "Make staff" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /staff/i })).toHaveCount(0);

  // Nor can the form be forged (sent to the profile's own address, where the page's form posts).
  const profilePath = new URL(page.url()).pathname;
  expect(profilePath).toMatch(new RegExp(`^/users/${other.id}/`));
  const forged = await viewer.api.post(profilePath, { form: { intent: "setRole", role: "staff" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
});
