// WCAG 2.2 AA with axe-core on every kind of page, nothing scrolling sideways at the project's
// width (375 px on the phone), and the skip link as the first stop of the keyboard.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, SIGN_UP_EMAIL_SUBJECT, createUserViaHttp, fillMarkdownBody, logIn, newUser } from "./helpers";
import { signUpLinkIn, waitForEmail } from "./outbox";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}  ${n.failureSummary?.split("\n").slice(1).join(" ").trim() ?? ""}`).join("\n")}`)
    .join("\n");
  expect(results.violations.map((v) => v.id), `axe violations on ${page.url()}:\n${report}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  const { scrollWidth, wide } = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    // The widest offenders, to say what to fix when the check fails.
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > limit + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  });
  expect(scrollWidth, `page is ${scrollWidth}px wide at a ${width}px viewport; wide elements: ${wide.join(", ")}`).toBeLessThanOrEqual(width);
}

/** A seeded question with code blocks, comments, staff answers and an accepted answer. */
async function seededQuestionPath(page: Page) {
  await page.goto("/tags/webhooks");
  const link = page.getByRole("link", { name: /Webhook signature verification always fails/ });
  return (await link.getAttribute("href"))!;
}

interface PageCase {
  name: string;
  signedIn: boolean;
  /** Signs in as a demo staff member instead of a new customer. */
  asStaff?: boolean;
  open: (page: Page) => Promise<void>;
}

const PAGES: PageCase[] = [
  {
    name: "home",
    signedIn: false,
    open: async (page) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("All questions");
    },
  },
  {
    name: "question (signed in, with the answer form)",
    signedIn: true,
    open: async (page) => {
      await page.goto(await seededQuestionPath(page));
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Webhook signature verification");
      await expect(page.getByLabel("Body", { exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: "Post your answer" })).toBeVisible();
      await expect(page.getByTestId("accepted")).toBeVisible();
    },
  },
  {
    name: "ask",
    signedIn: true,
    open: async (page) => {
      await page.goto("/questions/ask");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask a question");
    },
  },
  {
    name: "ask with field errors",
    signedIn: true,
    open: async (page) => {
      await page.goto("/questions/ask");
      await fillMarkdownBody(page, "too short");
      await page.getByRole("button", { name: "Post your question" }).click();
      await expect(page.getByText("Title is required.")).toBeVisible();
    },
  },
  {
    name: "login",
    signedIn: false,
    open: async (page) => {
      await page.goto("/login");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in");
    },
  },
  {
    name: "signup",
    signedIn: false,
    open: async (page) => {
      await page.goto("/signup");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your account");
    },
  },
  {
    name: "signup check your email, and the emailed link's page",
    signedIn: false,
    open: async (page) => {
      const user = newUser("a11y-link");
      await page.goto("/signup");
      await page.getByLabel("Email", { exact: true }).fill(user.email);
      await page.getByLabel("Display name", { exact: true }).fill(user.displayName);
      await page.getByLabel("Password", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: "Sign up" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
      await expectNoAxeViolations(page);
      await page.goto(signUpLinkIn(await waitForEmail(user.email, SIGN_UP_EMAIL_SUBJECT)));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finish creating your account");
    },
  },
  {
    name: "tag",
    signedIn: false,
    open: async (page) => {
      await page.goto("/tags/invoices");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questions tagged invoices");
    },
  },
  {
    name: "profile",
    signedIn: false,
    open: async (page) => {
      await page.goto(await seededQuestionPath(page));
      // The asker's profile: questions, answers and a reputation history.
      await page.getByRole("article").first().locator('a[href^="/users/"]').first().click();
      await expect(page).toHaveURL(/\/users\/\d+/);
      await expect(page.getByTestId("reputation")).toBeVisible();
    },
  },
  {
    name: "knowledge base",
    signedIn: false,
    open: async (page) => {
      await page.goto("/kb");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Knowledge base");
      await expect(page.getByRole("heading", { name: "Most helpful" })).toBeVisible();
    },
  },
  {
    name: "knowledge-base article (with feedback form)",
    signedIn: false,
    open: async (page) => {
      await page.goto("/kb");
      await page.getByRole("region", { name: "Newest" }).getByRole("link").first().click();
      await expect(page).toHaveURL(/\/kb\/[a-z0-9-]+$/);
      await expect(page.getByRole("button", { name: "Yes" })).toBeVisible();
    },
  },
  {
    name: "knowledge-base management (staff, with a review diff)",
    signedIn: true,
    asStaff: true,
    open: async (page) => {
      await page.goto("/kb/manage");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manage knowledge base");
      await expect(page.getByRole("heading", { name: /Needs review \([1-9]/ })).toBeVisible();
    },
  },
  {
    name: "knowledge-base article editor (staff)",
    signedIn: true,
    asStaff: true,
    open: async (page) => {
      await page.goto("/kb");
      await page.getByRole("region", { name: "Newest" }).getByRole("link").first().click();
      await page.getByRole("link", { name: "Edit" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit article");
      await expect(page.getByLabel("Category")).toBeVisible();
    },
  },
  {
    name: "not found",
    signedIn: false,
    open: async (page) => {
      await page.goto("/questions/999999999");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    },
  },
];

for (const pageCase of PAGES) {
  // Tagged @axe: axe-core runs inside the page, so the no-js project (scripts disabled) leaves these out.
  test(`${pageCase.name}: no WCAG 2.2 AA violations and nothing scrolls sideways`, { tag: "@axe" }, async ({ page }) => {
    if (pageCase.asStaff) {
      await logIn(page, DEMO.staff2);
    } else if (pageCase.signedIn) {
      const user = await createUserViaHttp("a11y");
      await logIn(page, user);
    }
    await pageCase.open(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
  });
}

test("the first Tab stop is the skip link, and it moves focus to the content", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

for (const signedIn of [false, true]) {
  test(`every link and button in the site header is fully visible (${signedIn ? "signed in" : "signed out"})`, async ({ page }) => {
    if (signedIn) await logIn(page, await createUserViaHttp("header"));
    await page.goto("/");
    const controls = page.getByRole("banner").locator("a, button");
    const count = await controls.count();
    expect(count).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i);
      const name = (await control.innerText()).trim();
      // ratio 1: not scrolled out of sight or cut off by an overflowing container
      await expect(control, `"${name}" is cut off or out of view`).toBeInViewport({ ratio: 1 });
    }
  });
}
