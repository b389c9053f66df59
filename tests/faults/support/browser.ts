import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "../../../test-support/chromium";

/** Headless Chromium as the e2e suite runs it (playwright.config.ts). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}
