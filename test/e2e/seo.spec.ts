// What a search engine or a link preview sees: one address per question, and the page's meta.
import { expect, test } from "@playwright/test";
import { BASE_URL, askQuestion, newUser, signUp, unique } from "./helpers";

test("a question at a wrong slug lands on its own address, with a description, Open Graph and JSON-LD", async ({ page }) => {
  await page.goto("/");
  const href = await page.getByRole("main").getByRole("heading", { level: 2 }).first().getByRole("link").getAttribute("href");
  const [, id] = /^\/questions\/(\d+)\/[a-z0-9-]+$/.exec(href ?? "") ?? [];
  expect(id).toBeTruthy();

  const response = await page.goto(`/questions/${id}/not-the-right-slug?ref=e2e`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(`${BASE_URL}${href}?ref=e2e`);

  const title = await page.getByRole("heading", { level: 1 }).innerText();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", new RegExp(`^https?://[^/]+${href}$`));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^https?://[^/]+${href}$`));
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
  const description = await page.locator('meta[name="description"]').getAttribute("content");
  expect(description?.length).toBeGreaterThan(20);
  expect(description!.length).toBeLessThanOrEqual(155);
  expect(description).not.toMatch(/[#*`]|\]\(/);

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null");
  expect(jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "QAPage", mainEntity: { "@type": "Question", name: title } });
});

test("robots.txt names the sitemap, and the sitemap index lists question files that answer", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const sitemapLine = (await robots.text()).split("\n").find((line) => line.startsWith("Sitemap: "));
  expect(sitemapLine).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/);
  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toContain("application/xml");
  const first = /<loc>https?:\/\/[^/]+(\/sitemaps\/questions-\d+\.xml)<\/loc>/.exec(await index.text());
  expect(first).not.toBeNull();
  const file = await request.get(first![1]!);
  expect(file.status()).toBe(200);
  expect(await file.text()).toMatch(/<url><loc>https?:\/\/[^/]+\/questions\/\d+\/[a-z0-9-]+<\/loc>/);
});

test("</script> in a question cannot break out of its JSON-LD: it stays data, and nothing runs", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await signUp(page, newUser("jsonld"));
  const suffix = unique();
  const title = `Footer shows </script><script>alert(1)</script> ${suffix}`;
  const body = `My footer template has </script><script>alert(2)</script> in it, and <!-- comments --> too ${suffix}.`;
  await askQuestion(page, { title, body, tags: `e2e-${suffix}` });
  await page.reload();

  const blocks = page.locator('script[type="application/ld+json"]');
  await expect(blocks).toHaveCount(1);
  const data = JSON.parse((await blocks.textContent()) ?? "null");
  expect(data.mainEntity.name).toBe(title);
  expect(data.mainEntity.text).toBe(body);
  const injected = await page.locator("script").evaluateAll((scripts) => scripts.filter((s) => /^alert\(\d\)$/.test(s.textContent?.trim() ?? "")).length);
  expect(injected).toBe(0);
  expect(dialogs).toBe(0);
});

test("the home, tag, question and knowledge-base pages point feed readers at Atom feeds that answer", async ({ page, request }) => {
  const feeds: string[] = [];
  for (const path of ["/", "/tags/invoices", "/kb"]) {
    await page.goto(path);
    feeds.push((await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href"))!);
  }
  await page.goto("/");
  await page.getByRole("main").getByRole("heading", { level: 2 }).first().getByRole("link").click();
  // After a client-side navigation the head follows the new page.
  const answersFeed = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(answersFeed).toHaveAttribute("href", /^\/feeds\/questions\/\d+$/);
  feeds.push((await answersFeed.getAttribute("href"))!);
  expect(feeds.slice(0, 3)).toEqual(["/feeds/questions", "/feeds/tags/invoices", "/feeds/kb"]);
  for (const feed of feeds) {
    const response = await request.get(feed);
    expect(response.status(), feed).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(await response.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  }
  // The newest questions' feed has entries from the demo community.
  expect((await (await request.get("/feeds/questions")).text()).match(/<entry>/g)?.length).toBeGreaterThan(10);
});
