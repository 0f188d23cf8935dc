// The HTTP edge against the real server: an oversize chunked upload is answered with 413 (not a
// reset, not a 500) while it is still being sent, and the editor's live preview says why it
// stopped when the server refuses it.
// It runs in the desktop project only (playwright.config.ts): the server is the subject.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { BASE_URL, signUp } from "./helpers";

/** Sends `totalBytes` of form body in 64 KB chunks (no Content-Length) until the server answers. */
function chunkedPost(path: string, totalBytes: number) {
  return new Promise<{ status: number; body: string; sentBytes: number }>((resolve, reject) => {
    const url = new URL(path, BASE_URL);
    const req = http.request(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked", Origin: url.origin },
    });
    let sentBytes = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, "x");
    const pump = () => {
      while (!answered && sentBytes < totalBytes) {
        sentBytes += chunk.length;
        if (!req.write(sentBytes === chunk.length ? Buffer.concat([Buffer.from("body="), chunk]) : chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (part) => (body += part));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentBytes });
      });
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    pump();
  });
}

test.describe("the HTTP edge", () => {
  test("a 200 MB chunked login is answered 413 with a message before it is all sent", async () => {
    const result = await chunkedPost("/login", 200 * 1024 * 1024);
    expect(result.status).toBe(413);
    expect(result.body).toContain("That submission is too large (limit 1,024 KB).");
    expect(result.sentBytes).toBeLessThan(200 * 1024 * 1024);
  });

  test("the live preview says why it stopped when the session has ended", async ({ page, context }) => {
    await signUp(page);
    await page.goto("/questions/ask");
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview).toContainText("Start typing to see a preview.");
    await context.clearCookies();
    await page.getByLabel("Body", { exact: true }).fill("A draft typed after the session ended.");
    await expect(preview).toContainText("The preview could not be updated. Log in to see a preview.");
  });
});
