import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
import { E2E_PASSWORD } from "./e2e/fixtures/constants";

// Debian's Chromium when installed (CI installs it); otherwise Playwright's own browser.
const chromium = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fi-FI",
    timezoneId: "Europe/Helsinki",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    // Builds if needed, gives the run a fresh database, then serves the production build.
    command: "node e2e/serve.mjs",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DEMO_PASSWORD: E2E_PASSWORD,
      AUTH_SECRET: "e2e-secret-that-is-long-enough-0123456789",
      DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-e2e",
      E2E_DB: process.env.E2E_DB ?? "vk_e2e",
      SEED_DEMO: "1",
      JOBS_POLL_MS: "100",
      LOG_LEVEL: "warn",
      APP_URL: `http://127.0.0.1:${PORT}`,
    },
  },
});
