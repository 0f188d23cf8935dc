// Review screenshots: the main pages at 1280 and 375 px, in the light and the dark theme, saved as
// JPEGs under test/e2e/review-screenshots/ (committed as review artefacts) for a person to look at (they are not assertions).
// Run against a server started with demo data: `npm start`, then `npm run review:screenshots`
// (BASE_URL picks another server). Pages that need a login use the demo staff account.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "@playwright/test";

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const OUT = process.env.REVIEW_OUT ?? path.resolve(fileURLToPath(new URL("../review-screenshots", import.meta.url)));
// JPEG keeps the set small; PNG (REVIEW_FORMAT=png) for tools that show only PNG.
const FORMAT = process.env.REVIEW_FORMAT === "png" ? "png" : "jpeg";

const PAGES: { name: string; path: string | ((page: Page) => Promise<string>); staff?: boolean }[] = [
  { name: "home", path: "/" },
  {
    name: "question",
    path: async (page) => {
      await page.goto(`${BASE_URL}/questions?sort=top`);
      return (await page.locator(".question-row__title a").first().getAttribute("href")) ?? "/";
    },
  },
  { name: "search", path: "/search?q=bank+feed" },
  { name: "kb", path: "/kb" },
  { name: "users", path: "/users" },
  { name: "tags", path: "/tags" },
  { name: "profile", path: "/users?sort=reputation" },
  { name: "not-found", path: "/no/such/page" },
  // Signed in as staff from here on.
  { name: "ask", path: "/questions/ask", staff: true },
  { name: "review", path: "/review", staff: true },
  { name: "settings", path: "/settings", staff: true },
];

async function logInAsStaff(page: Page) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel("Email", { exact: true }).fill("staff2@ledgerly.example");
  await page.getByLabel("Password", { exact: true }).fill(process.env.DEMO_PASSWORD ?? "peerdesk-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
for (const theme of ["light", "dark"] as const) {
  for (const width of [1280, 375]) {
    const context = await browser.newContext({ viewport: { width, height: width > 800 ? 900 : 812 }, colorScheme: theme });
    const page = await context.newPage();
    let signedIn = false;
    for (const entry of PAGES) {
      if (entry.staff && !signedIn) {
        await logInAsStaff(page);
        signedIn = true;
      }
      let target = typeof entry.path === "string" ? entry.path : await entry.path(page);
      if (entry.name === "profile") {
        await page.goto(`${BASE_URL}${target}`);
        target = (await page.locator(".user-card a").first().getAttribute("href")) ?? "/users";
      }
      await page.goto(`${BASE_URL}${target}`);
      const file = path.join(OUT, `${entry.name}-${width}-${theme}.${FORMAT === "png" ? "png" : "jpg"}`);
      await page.screenshot(FORMAT === "png" ? { path: file, type: "png" } : { path: file, type: "jpeg", quality: 70 });
    }
    await context.close();
  }
}
await browser.close();
console.log(`Saved ${PAGES.length * 4} screenshots in ${OUT}`);
