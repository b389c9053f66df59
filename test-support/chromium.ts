import { existsSync } from "node:fs";

// Debian's Chromium on CI and dev boxes (browser downloads do not work there); Playwright's own browser elsewhere.
const systemChromium = "/usr/bin/chromium";

/** How every suite launches headless Chromium: the e2e specs (playwright.config.ts) and the fault tests. */
export const chromiumLaunchOptions = {
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
