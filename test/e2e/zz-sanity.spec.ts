import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
test("axe sees problems", async ({ page }) => {
  await page.goto("/login");
  await page.evaluate(() => { document.documentElement.removeAttribute("lang"); document.querySelector("label")?.remove(); const p = document.createElement("p"); p.textContent = "low contrast"; p.style.color = "#ccc"; document.querySelector("main")!.append(p); });
  const r = await new AxeBuilder({ page }).withTags(["wcag2a","wcag2aa","wcag21a","wcag21aa","wcag22aa"]).analyze();
  console.log(r.violations.map(v => v.id));
  expect(r.violations.length).toBeGreaterThan(0);
});
