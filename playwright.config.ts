/**
 * End-to-end tests against the production build (scripts/serve.mjs, as `npm start` runs it) on a fresh PostgreSQL database.
 * Run them with `npm run test:e2e` (scripts/run-e2e.mjs): it creates the database, builds when needed,
 * sets the environment read below and drops the database afterwards.
 */
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./test-support/chromium";
import { SOURCE_SITE_HOST, sourceSitePort } from "./e2e/support/source-site";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  throw new Error("DATABASE_URL is not set. Run the end-to-end tests with `npm run test:e2e`, which creates a fresh database for them.");
}

// Debian's Chromium where present, with the flags the fault tests use too.
const launchOptions = chromiumLaunchOptions;

export default defineConfig({
  testDir: "e2e",
  // Screenshots are written to test-results/screenshots by e2e/screenshots.spec.ts; the folder is wiped at each run.
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // A ceiling, not a speed target: CLI steps (tsx start-up) and cold renders take several seconds on 2 busy cores.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    launchOptions,
    locale: "en-GB",
    timezoneId: "UTC",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions },
    },
    {
      // The reader-facing pages and all screenshots again on a phone; the access-control specs once is enough.
      name: "phone",
      testMatch: ["newcomer.spec.ts", "screenshots.spec.ts"],
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        launchOptions,
      },
    },
  ],
  webServer: {
    // The production server npm start runs (Next behind the hash-based CSP layer), not bare `next start`.
    command: `node scripts/serve.mjs`,
    // run-e2e's private copy of the build (see stageServer there); the repository itself when unset.
    cwd: process.env.E2E_SERVER_DIR,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    // The server closes its database pool on SIGTERM (server/startup/start-server.ts) so the run can drop the database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    // Merged over this process's environment, which scripts/run-e2e.mjs fills: DATABASE_URL, NEXTAUTH_SECRET,
    // ADMIN_EMAIL/ADMIN_PASSWORD for the first admin, FACTDESK_DATA_DIR (a temporary folder).
    env: {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseURL,
      PORT: String(port),
      NEXT_MANUAL_SIG_HANDLE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // The cited-site stand-in of e2e/source-archive.spec.ts (a test-only setting, honoured on a loopback origin
      // only), and a link-rot rule a single check can trigger: the spec cannot wait days for a source to die.
      FACTDESK_TEST_FETCH_HOSTS: `${SOURCE_SITE_HOST}=127.0.0.1:${sourceSitePort()}`,
      LINK_DEAD_AFTER_FAILURES: "1",
      LINK_DEAD_AFTER_DAYS: "0",
    },
  },
});
