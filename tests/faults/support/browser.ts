import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

/** Headless Chromium as the e2e suite runs it (playwright.config.ts): Debian's build when present. */
export function launchBrowser(): Promise<Browser> {
  const systemChromium = "/usr/bin/chromium";
  return chromium.launch({
    ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
