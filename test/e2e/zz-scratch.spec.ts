import { expect, test } from "@playwright/test";
import { newQuestion, newUser, signUp } from "./helpers";
test("scratch ask race", async ({ page }) => {
  page.on("console", (m) => console.log("CONSOLE", m.type(), m.text().slice(0, 500)));
  page.on("pageerror", (e) => console.log("PAGEERROR", e.message.slice(0, 500)));
  await signUp(page, newUser("race"));
  await page.goto("/questions/ask");
  await expect(page.getByText("Start typing to see a preview.")).toBeVisible();
  const q = newQuestion("race");
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route((url) => url.pathname === "/questions/ask.data", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await page.getByLabel("Title", { exact: true }).fill(q.title);
  await page.getByLabel("Tags", { exact: true }).fill(q.tags);
  await page.getByLabel("Body", { exact: true }).fill(q.body);
  const reval = page.waitForResponse((r) => r.request().method() === "GET" && new URL(r.url()).pathname === "/questions/ask.data");
  await page.getByRole("button", { name: "Post your question" }).click();
  await reval;
  release();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(q.title);
});
