import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "~/config.server";

describe("settings from the environment", () => {
  it("uses the documented defaults when nothing is set, and treats empty as unset", () => {
    const config = loadConfig({ PORT: "", SMTP_URL: "" });
    expect(config.PORT).toBe(3000);
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.KB_REVIEW_AFTER_DAYS).toBe(180);
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.production).toBe(false);
  });

  it("keeps the embedded database and the outbox under the project's data folder", () => {
    const config = loadConfig({});
    const projectRoot = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
    expect(config.root).toBe(projectRoot);
    expect(config.PGLITE_DATA_DIR).toBe(path.join(projectRoot, "data", "pglite"));
    expect(config.OUTBOX_DIR).toBe(path.join(projectRoot, "data", "outbox"));
  });

  it("links in emails follow the port the server listens on when PUBLIC_URL is unset", () => {
    expect(loadConfig({ PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    expect(loadConfig({ PORT: "8080", PUBLIC_URL: "https://help.example.com" }).publicUrl).toBe("https://help.example.com");
  });

  it("refuses a mistyped setting with a message naming each one, instead of running with NaN", () => {
    const load = () => loadConfig({ RATE_LIMIT_LOGIN_PER_IP: "thirty", PUBLIC_URL: "help.example.com" });
    expect(load).toThrow(/RATE_LIMIT_LOGIN_PER_IP: must be a whole number/);
    expect(load).toThrow(/PUBLIC_URL: must be a full URL/);
  });
});
