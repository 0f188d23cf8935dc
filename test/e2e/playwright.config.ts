import { defineConfig, devices } from "@playwright/test";

const chromium = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "artifacts/results",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? "3100"}`,
    browserName: "chromium",
    launchOptions: chromium,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "desktop",
      use: { viewport: { width: 1280, height: 800 }, javaScriptEnabled: true },
    },
    {
      name: "no-js",
      use: { viewport: { width: 1280, height: 800 }, javaScriptEnabled: false },
      // axe-core has to run as script inside the page, which this project turns off (the same
      // server-rendered pages are checked by axe, and screenshotted, in the desktop and phone projects).
      grepInvert: /@axe/,
      // The HTTP edge's subject is the server, not the browser: the desktop project covers it.
      testIgnore: /http-edge\.spec\.ts/,
    },
    {
      name: "phone",
      // On a phone we check what the width changes: every page's layout and axe (@axe), the header,
      // and the main flows end to end (@phone). The rest repeat the desktop project's server work.
      grep: /@axe|@phone/,
      testIgnore: /http-edge\.spec\.ts/,
      use: {
        viewport: { width: 375, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        javaScriptEnabled: true,
        userAgent: devices["Pixel 5"].userAgent,
      },
    },
  ],
  webServer: {
    command: "node --import tsx test/e2e/start-server.ts",
    cwd: "../..",
    url: `http://127.0.0.1:${process.env.E2E_PORT ?? "3100"}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM (not the default SIGKILL), so start-server.ts can drop its database or data folder.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
