// WCAG 2.2 AA with axe-core on every kind of page, nothing scrolling sideways at the project's
// width (375 px on the phone), and the skip link as the first stop of the keyboard. Each page
// that passes is saved as a full-page screenshot for a visual review (a by-product, not a test):
// test/e2e/artifacts/screenshots/<project>-<page>.png, desktop 1280 px and phone 375 px.
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  DEMO,
  SIGN_UP_EMAIL_SUBJECT,
  answerViaHttp,
  askViaHttp,
  createUserViaHttp,
  expectNoAxeViolations,
  fillMarkdownBody,
  logIn,
  newQuestion,
  newUser,
  siteHeader,
  submitSignUpForm,
} from "./helpers";
import { signUpLinkIn, waitForEmail } from "./outbox";

const SCREENSHOT_DIR = fileURLToPath(new URL("./artifacts/screenshots/", import.meta.url));


/** Saves the page as a person sees it: styles applied and web fonts loaded. */
async function saveScreenshot(page: Page, name: string) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const styled = await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.cssRules.length > 0));
  expect(styled, "the stylesheet is applied").toBe(true);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${test.info().project.name}-${name}.png`, fullPage: true, animations: "disabled", caret: "hide" });
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
  /** File name of its screenshot. */
  shot: string;
  signedIn: boolean;
  /** Signs in as a demo staff member instead of a new customer. */
  asStaff?: boolean;
  open: (page: Page) => Promise<void>;
}

const PAGES: PageCase[] = [
  {
    name: "home",
    shot: "home",
    signedIn: false,
    open: async (page) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("All questions");
    },
  },
  {
    name: "question (signed in, with the answer form)",
    shot: "question",
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
    name: "ask, with a live preview",
    shot: "ask",
    signedIn: true,
    open: async (page) => {
      await page.goto("/questions/ask");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask a question");
      // The editor shows its empty preview once hydrated; type after that so the preview follows.
      await expect(page.getByText("Start typing to see a preview.")).toBeVisible();
      await page.getByLabel("Title", { exact: true }).fill("Exported CSV has the wrong date format for my accountant");
      await page
        .getByLabel("Body", { exact: true })
        .fill("When I export **invoices** to CSV the dates come out as `MM/DD/YYYY`:\n\n```\n03/04/2025,INV-0147,£120.00\n```\n\n- my locale is *en-GB*\n- the PDF dates are fine");
      await page.getByLabel("Tags", { exact: true }).fill("csv exports");
      const preview = page.getByRole("region", { name: "Preview" });
      await expect(preview.locator("strong")).toHaveText("invoices");
      await expect(preview.locator("pre")).toContainText("INV-0147");
    },
  },
  {
    name: "ask with field errors",
    shot: "ask-errors",
    signedIn: true,
    open: async (page) => {
      await page.goto("/questions/ask");
      await fillMarkdownBody(page, "too short");
      await page.getByRole("button", { name: "Post your question" }).click();
      // The summary at the top links the field, and the field itself says what is wrong.
      await expect(page.getByRole("alert").getByRole("link", { name: /Title is required\./ })).toBeVisible();
      await expect(page.getByLabel("Title", { exact: true })).toHaveAccessibleDescription(/Title is required\./);
    },
  },
  {
    name: "login",
    shot: "login",
    signedIn: false,
    open: async (page) => {
      await page.goto("/login");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in");
    },
  },
  {
    name: "signup",
    shot: "signup",
    signedIn: false,
    open: async (page) => {
      await page.goto("/signup");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your account");
    },
  },
  {
    name: "signup check your email, and the emailed link's page",
    shot: "signup-confirm",
    signedIn: false,
    open: async (page) => {
      const user = newUser("a11y-link");
      await page.goto("/signup");
      await submitSignUpForm(page, user);
      await expectNoAxeViolations(page);
      await page.goto(signUpLinkIn(await waitForEmail(user.email, SIGN_UP_EMAIL_SUBJECT)));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finish creating your account");
    },
  },
  {
    name: "tag",
    shot: "tag",
    signedIn: false,
    open: async (page) => {
      await page.goto("/tags/invoices");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questions tagged invoices");
    },
  },
  {
    name: "profile",
    shot: "profile",
    signedIn: false,
    open: async (page) => {
      await page.goto(await seededQuestionPath(page));
      // The asker's profile: questions, answers and a reputation history.
      await page.getByRole("article").first().locator('a[href^="/users/"]').first().click();
      await expect(page).toHaveURL(/\/users\/\d+/);
      await expect(page.getByTestId("reputation")).toBeVisible();
      await expect(page.getByRole("heading", { name: "Reputation history" })).toBeVisible();
    },
  },
  {
    name: "knowledge base",
    shot: "kb",
    signedIn: false,
    open: async (page) => {
      await page.goto("/kb");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Knowledge base");
      await expect(page.getByRole("heading", { name: "Most helpful" })).toBeVisible();
    },
  },
  {
    name: "knowledge-base article (with feedback form)",
    shot: "kb-article",
    signedIn: false,
    open: async (page) => {
      await page.goto("/kb");
      await page.getByRole("region", { name: "Newest" }).getByRole("link").first().click();
      await expect(page).toHaveURL(/\/kb\/[a-z0-9-]+$/);
      await expect(page.getByText("From the community:")).toBeVisible();
      await expect(page.getByRole("button", { name: "Yes" })).toBeVisible();
    },
  },
  {
    name: "knowledge-base management (staff, with a review diff)",
    shot: "kb-manage",
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
    shot: "kb-edit",
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
    name: "notifications (a demo staff member's, with unread ones)",
    shot: "notifications",
    signedIn: true,
    asStaff: true,
    open: async (page) => {
      await page.goto("/notifications");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
      await expect(page.locator(".notification").first()).toBeVisible();
    },
  },
  {
    name: "settings, with the notification email choices",
    shot: "settings",
    signedIn: true,
    open: async (page) => {
      await page.goto("/settings#notifications");
      await expect(page.getByRole("heading", { name: "Notification emails" })).toBeVisible();
    },
  },
  {
    name: "staff queue",
    shot: "staff-queue",
    signedIn: true,
    asStaff: true,
    open: async (page) => {
      await page.goto("/staff/queue");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff queue");
    },
  },
  {
    name: "unsubscribe, from an emailed link, signed out",
    shot: "unsubscribe",
    signedIn: false,
    open: async (page) => {
      const asker = await createUserViaHttp("a11y-unsub-asker");
      const helper = await createUserViaHttp("a11y-unsub-helper");
      const question = newQuestion("a11y-unsub");
      const { path } = await askViaHttp(asker, question);
      await answerViaHttp(helper, path, "Open Settings, then Tax, and turn on per-invoice rounding.");
      const email = await waitForEmail(asker.email, (subject) => subject.startsWith(`${helper.displayName} answered your question “`));
      const link = new URL(/^Stop emails about .*: (http\S+)$/m.exec(email.text)![1]);
      await page.goto(link.pathname + link.search);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stop these emails?");
    },
  },
  {
    name: "not found",
    shot: "not-found",
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
    await saveScreenshot(page, pageCase.shot);
  });
}

test("the first Tab stop is the skip link, and it moves focus to the content", { tag: "@phone" }, async ({ page }) => {
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
  test(`every link and button in the site header is fully visible (${signedIn ? "signed in" : "signed out"})`, { tag: "@phone" }, async ({ page }) => {
    if (signedIn) await logIn(page, await createUserViaHttp("header"));
    await page.goto("/");
    // On a phone the header is one row (mark, search, Menu); the Menu holds the rest.
    const banner = page.getByRole("banner");
    const rowHeight = await banner.evaluate((element) => element.getBoundingClientRect().height);
    expect(rowHeight, "the header is one row").toBeLessThan(80);
    const header = await siteHeader(page);
    const controls = header.locator("a:visible, button:visible, summary:visible");
    const count = await controls.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i);
      const name = (await control.innerText()).trim();
      // ratio 1: not scrolled out of sight or cut off by an overflowing container
      await expect(control, `"${name}" is cut off or out of view`).toBeInViewport({ ratio: 1 });
    }
    await expect(header.getByRole("link", { name: "Questions" })).toHaveAttribute("aria-current", "page");
  });
}
