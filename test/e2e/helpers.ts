// Shared steps for the end-to-end specs: unique test data, signing up and logging in through the
// real forms, and a fast way to create accounts and questions over HTTP for tests whose subject
// is something else.
import AxeBuilder from "@axe-core/playwright";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Locator, type Page, type Response } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { signUpLinkIn, waitForEmail } from "./outbox";

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? "3100"}`;
export const PASSWORD = "e2e-password-123";
export const DEMO_PASSWORD = "peerdesk-demo";

/** Demo accounts seeded by app/seed/demo-content.ts (all with DEMO_PASSWORD). */
export const DEMO = {
  admin: { email: "admin@ledgerly.example", displayName: "Maya Okafor (Ledgerly)" },
  staff1: { email: "staff1@ledgerly.example", displayName: "Tomás Reyes (Ledgerly)" },
  staff2: { email: "staff2@ledgerly.example", displayName: "Priya Nair (Ledgerly)" },
  // Superusers: reputation well above the upvote threshold (15) after seeding.
  super1: { email: "gwen.halloran@example.com", displayName: "Gwen Halloran" },
  super2: { email: "dev.brightwater@example.com", displayName: "Dev Brightwater" },
  super3: { email: "sunita.rao@example.com", displayName: "Sunita Rao" },
  super4: { email: "oskar.lindqvist@example.com", displayName: "Oskar Lindqvist" },
} as const;

/** A short random suffix: every test makes its own data, since all projects share one server. */
export function unique(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

export interface TestUser {
  email: string;
  displayName: string;
  password: string;
  id?: number;
}

export function newUser(label = "user"): TestUser {
  const suffix = unique();
  return { email: `${label}-${suffix}@e2e.example`, displayName: `${label} ${suffix}`, password: PASSWORD };
}

/** The header folds links away: on a phone into a Menu, on a wide screen the account behind its avatar
 * (both details elements). Opens whichever is shown and closed, so its links can be seen and used. */
export async function openHeaderMenu(page: Page) {
  await page.waitForLoadState("load");
  for (const selector of ["details.site-menu", "details.account-menu"]) {
    const menu = page.locator(selector);
    if ((await menu.count()) === 0 || !(await menu.isVisible())) continue;
    // Short timeouts: the page may be replaced by the next one meanwhile, and the caller retries.
    if (!(await menu.evaluate((element) => (element as HTMLDetailsElement).open, undefined, { timeout: 2000 }))) await menu.locator("summary").click({ timeout: 2000 });
  }
}

/** Closes the header's menus if open: their panels lie over the top of the page. */
export async function closeHeaderMenu(page: Page) {
  for (const selector of ["details.site-menu[open] > summary", "details.account-menu[open] > summary"]) {
    const toggle = page.locator(selector);
    if ((await toggle.count()) > 0 && (await toggle.isVisible())) await toggle.click();
  }
}

/** The site header, with its Menu opened on a phone, so its links and buttons can be seen and used. */
export async function siteHeader(page: Page): Promise<Locator> {
  // Retried: a page that is still being replaced by the next one can show a menu that then goes.
  await expect(async () => openHeaderMenu(page)).toPass({ timeout: 15_000 });
  return page.getByRole("banner");
}

/** The signed-in user's profile link in the site header ("Name reputation N"), shown (on a phone, in the opened Menu). */
export async function accountLink(page: Page, displayName: string): Promise<Locator> {
  const link = page.getByRole("banner").getByRole("link", { name: displayName });
  await expect(async () => {
    await openHeaderMenu(page);
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  return link;
}

async function readOwnId(page: Page, user: TestUser): Promise<number> {
  const link = await accountLink(page, user.displayName);
  await expect(link).toHaveAttribute("href", /^\/users\/\d+/);
  const href = (await link.getAttribute("href")) ?? "";
  return Number(/^\/users\/(\d+)/.exec(href)![1]);
}

export const SIGN_UP_EMAIL_SUBJECT = "Finish creating your Peerdesk account";

/** Fills in and sends the sign-up form on the current page, up to its "Check your email" answer. */
export async function submitSignUpForm(page: Page, user: TestUser) {
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Display name", { exact: true }).fill(user.displayName);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
}

/** Signs up through /signup, then opens the emailed link and presses its button; returns the user with its id. */
export async function signUp(page: Page, user: TestUser = newUser()): Promise<TestUser & { id: number }> {
  await page.goto("/signup");
  await submitSignUpForm(page, user);
  const email = await waitForEmail(user.email, SIGN_UP_EMAIL_SUBJECT);
  await page.goto(signUpLinkIn(email));
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(await accountLink(page, user.displayName)).toBeVisible();
  return { ...user, id: await readOwnId(page, user) };
}

/** Logs in through the /login form (optionally with a redirectTo) and waits until signed in. */
export async function logIn(page: Page, user: { email: string; password?: string; displayName: string }, redirectTo?: string) {
  await page.goto(redirectTo === undefined ? "/login" : `/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(await accountLink(page, user.displayName)).toBeVisible();
  await closeHeaderMenu(page);
}

export async function logOut(page: Page) {
  await (await siteHeader(page)).getByRole("button", { name: "Log out" }).click();
  // Signed out, the header has no account menu: wait for the next page rather than poke at this one.
  await expect(page.locator("details.account-menu")).toHaveCount(0, { timeout: 15_000 });
  const logInLink = page.getByRole("banner").getByRole("link", { name: "Log in" });
  // Retried: the page after the logout replaces this one, Menu and all.
  await expect(async () => {
    await openHeaderMenu(page);
    await expect(logInLink).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await closeHeaderMenu(page);
}

export interface QuestionInput {
  title: string;
  body: string;
  tags: string;
}

export function newQuestion(label = "question"): QuestionInput & { tag: string } {
  const suffix = unique();
  const tag = `e2e-${suffix}`;
  return {
    title: `E2E ${label} ${suffix}: how do I reconcile this?`,
    body: `I tried the usual steps for ${label} ${suffix} and the totals still do not match.`,
    tags: `${tag}, invoices`,
    tag,
  };
}

/** Asks through /questions/ask; returns the question's id and path. */
export async function askQuestion(page: Page, question: QuestionInput): Promise<{ id: number; path: string }> {
  await page.goto("/questions/ask");
  await page.getByLabel("Title", { exact: true }).fill(question.title);
  await page.getByLabel("Tags", { exact: true }).fill(question.tags);
  await fillMarkdownBody(page, question.body);
  await page.getByRole("button", { name: "Post your question" }).click();
  await expect(page).toHaveURL(/\/questions\/\d+\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);
  const url = new URL(page.url());
  return { id: Number(/^\/questions\/(\d+)/.exec(url.pathname)![1]), path: url.pathname };
}

export function javaScriptEnabled(): boolean {
  return test.info().project.use.javaScriptEnabled !== false;
}

/** Whether a response is the live preview of exactly `text` (a Remix fetcher's `.data` call or a plain fetch). */
export function isPreviewOf(response: Response, text: string): boolean {
  return new URL(response.url()).pathname.startsWith("/markdown-preview") && new URLSearchParams(response.request().postData() ?? "").get("body") === text;
}

/**
 * After the live preview's response: when the preview went through a Remix fetcher action
 * (`/markdown-preview.data`), Remix then reloads the page's data; wait for that reload too.
 */
export async function previewSettled(page: Page, previewResponse: Response, pagePath: string) {
  if (new URL(previewResponse.url()).pathname.endsWith(".data")) {
    await page.waitForResponse((r) => r.request().method() === "GET" && new URL(r.url()).pathname === `${pagePath}.data`);
  }
}

/**
 * Types into a markdown "Body" field. With JavaScript, like a person who glances at the live
 * preview before submitting, it waits until the preview has settled. (Submitting while a preview
 * done as a Remix fetcher action is in flight hid the new answer or blanked the page; the test
 * "an answer posted while the live preview is still loading" in posts.spec.ts covers that case.)
 */
export async function fillMarkdownBody(page: Page, text: string) {
  const field = page.getByLabel("Body", { exact: true });
  if (!javaScriptEnabled()) {
    await field.fill(text);
    return;
  }
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toBeVisible(); // rendered once the editor has hydrated
  const pagePath = new URL(page.url()).pathname;
  const previewed = page.waitForResponse((r) => isPreviewOf(r, text));
  await field.fill(text);
  await previewSettled(page, await previewed, pagePath);
  await expect(preview).not.toContainText("Start typing to see a preview.");
}

/** Posts an answer on the question page that is open. */
export async function postAnswer(page: Page, body: string) {
  await fillMarkdownBody(page, body);
  await page.getByRole("button", { name: "Post your answer" }).click();
  await expect(page.getByRole("article").filter({ hasText: body })).toBeVisible();
}

/** The answer `article` whose author is displayName. */
export function answerBy(page: Page, displayName: string): Locator {
  return page.getByRole("article", { name: `Answer by ${displayName}` });
}

// ---------------------------------------------------------------------------------------------
// Over HTTP, for setup only: a separate cookie jar per account, never the page's own.

export interface ApiUser extends TestUser {
  id: number;
  api: APIRequestContext;
}

export async function createUserViaHttp(label = "user"): Promise<ApiUser> {
  const user = newUser(label);
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const response = await api.post("/signup", {
    form: { email: user.email, displayName: user.displayName, password: user.password, redirectTo: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-up of ${user.email}`).toBe(200);
  const link = new URL(signUpLinkIn(await waitForEmail(user.email, SIGN_UP_EMAIL_SUBJECT)), BASE_URL);
  const confirmed = await api.post("/signup/confirm", { form: { token: link.searchParams.get("token") ?? "", redirectTo: "/" }, maxRedirects: 0 });
  expect(confirmed.status(), `sign-up link of ${user.email}`).toBe(302);
  const home = await (await api.get("/")).text();
  // The profile link may carry the name's slug (/users/12/ann-lee).
  const match = /<a[^>]*href="\/users\/(\d+)[^"]*"[^>]*class="site-account__me"|<a[^>]*class="site-account__me"[^>]*href="\/users\/(\d+)[^"]*"/.exec(home);
  expect(match, "the header links to the new user's profile").not.toBeNull();
  return { ...user, id: Number(match![1] ?? match![2]), api };
}

export async function askViaHttp(user: ApiUser, question: QuestionInput): Promise<{ id: number; path: string }> {
  const response = await user.api.post("/questions/ask", { form: { ...question }, maxRedirects: 0 });
  expect(response.status(), "asking a question").toBe(302);
  const location = response.headers()["location"] ?? "";
  const match = /\/questions\/(\d+)/.exec(location);
  expect(match, `redirect to the question (got ${location})`).not.toBeNull();
  return { id: Number(match![1]), path: new URL(location, BASE_URL).pathname };
}

export async function answerViaHttp(user: ApiUser, questionPath: string, body: string): Promise<number> {
  const response = await user.api.post(questionPath, { form: { intent: "answer", body }, maxRedirects: 0 });
  expect(response.status(), "posting an answer").toBe(302);
  const location = response.headers()["location"] ?? "";
  return Number(/#answer-(\d+)/.exec(location)![1]);
}

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Fails with a readable list when axe finds any WCAG 2.2 AA violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}  ${n.failureSummary?.split("\n").slice(1).join(" ").trim() ?? ""}`).join("\n")}`)
    .join("\n");
  expect(results.violations.map((v) => v.id), `axe violations on ${page.url()}:\n${report}`).toEqual([]);
}
