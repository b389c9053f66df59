import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO } from "../test-support/demo";
import { createNamedUserWithCli, signedInContext } from "./support/claims";
import { expectNoHorizontalOverflow } from "./support/page-checks";

// The search page, for a reader and for an editor: the query lives in the URL, matched words are <mark>
// elements, and the keyboard reaches every result. Screenshots: test-results/screenshots/<project>-search*.png.

test("a reader finds the seed's YouTube source from a partial URL and moves through results by keyboard", async ({ page }, testInfo) => {
  await page.goto("/search");
  const box = page.getByRole("searchbox", { name: "Search claims, sources and articles" });
  await box.fill("youtub cxgh");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=youtub\+cxgh/);
  const sources = page.getByRole("region", { name: /Sources/ });
  await expect(sources.locator("mark", { hasText: "cxgh" }).first()).toBeVisible();
  // Loaded from the URL alone, the same results come back.
  await page.goto("/search?q=troops+ukraine&type=article");
  const first = page.getByRole("region", { name: /Articles/ }).getByRole("link", { name: DEMO.title });
  await expect(first).toBeVisible();
  await expect(page.getByRole("region", { name: /Sources/ })).toHaveCount(0);
  await page.locator("body").press("/");
  await expect(box).toBeFocused();
  await box.press("ArrowDown");
  await expect(first).toBeFocused();
  await first.press("ArrowUp");
  await expect(box).toBeFocused();
  await page.screenshot({ path: path.join(testInfo.project.outputDir, "screenshots", `${testInfo.project.name}-search-reader.png`), fullPage: true });
  await expectNoHorizontalOverflow(page);
});

test("an editor sees the status filter and drafts-included search", async ({ browser, baseURL }, testInfo) => {
  const editor = await createNamedUserWithCli("Search editor");
  const { context, page } = await signedInContext(browser, baseURL, editor);
  await page.goto("/search?q=100000+troops+crimea");
  await expect(page.getByText("Every claim, source and article, drafts included.")).toBeVisible();
  await expect(page.getByLabel("Status")).toBeVisible();
  await expect(page.getByRole("region", { name: /Articles/ }).locator("mark", { hasText: /troops/i }).first()).toBeVisible();
  await page.goto("/search?q=troops&from=2024-02-01&to=2024-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "The start date must not be after the end date." })).toBeVisible();
  await page.goto("/search?q=100000+troops+crimea");
  await page.screenshot({ path: path.join(testInfo.project.outputDir, "screenshots", `${testInfo.project.name}-search-editor.png`), fullPage: true });
  await expectNoHorizontalOverflow(page);
  await context.close();
});
