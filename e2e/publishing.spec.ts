import type { ArticleStatus } from "../lib/articles/status";
import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { asFirstAdmin } from "./support/auth";
import { DEMO } from "../test-support/demo";
import { expectNotFoundPage } from "./support/page-checks";
import { trpcData, trpcMutation } from "./support/trpc";

// The home page and reader pages are served from Next's cache; publishing must expire it at once.
// Desktop project only (playwright.config.ts): two copies running side by side would expire each other's
// cache entries and could hide a missing expiry.

const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;

async function setStatus(browser: Browser, baseURL: string | undefined, articleId: number, status: ArticleStatus) {
  await asFirstAdmin(browser, baseURL, async (admin) => {
    const response = await trpcMutation(admin.request, "article.setStatus", { articleId, status });
    expect(response.status(), await response.text()).toBe(200);
  });
}

test.describe("a reader sees the newsroom's publishing decisions on the next request", () => {
  test("an article appears as soon as it is published, and is gone once taken back", async ({ page, browser, baseURL }) => {
    const slug = uniqueSlug("e2e-publish");
    const title = `Freshly published ${slug}`;
    const paragraph = "The council approved the budget on Tuesday.";
    let articleId = 0;
    await asFirstAdmin(browser, baseURL, async (admin) => {
      const imported = await trpcMutation(admin.request, "article.import", { title, slug, status: "draft", text: paragraph });
      expect(imported.status(), await imported.text()).toBe(200);
      articleId = (await trpcData<{ id: number }>(imported)).id;
    });

    // The reader's view of the draft and the home page may be cached now...
    await expectNotFoundPage(page, `/a/${slug}`);
    await page.goto("/");
    await expect(page.getByRole("link", { name: DEMO.title })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);

    // ...and publishing must expire both: the very next requests show the article.
    await setStatus(browser, baseURL, articleId, "published");
    await page.goto("/");
    await page.getByRole("link", { name: title, exact: true }).click();
    await expect(page).toHaveURL(`/a/${slug}`);
    await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("article").getByText(paragraph, { exact: true })).toBeVisible();

    await setStatus(browser, baseURL, articleId, "draft");
    await expectNotFoundPage(page, `/a/${slug}`);
    await page.goto("/");
    await expect(page.getByRole("link", { name: DEMO.title })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  });

  test("an article imported as published is on the home page at once", async ({ page, browser, baseURL }) => {
    await page.goto("/"); // the home page's list is cached now
    await expect(page.getByRole("link", { name: DEMO.title })).toBeVisible();

    const slug = uniqueSlug("e2e-straight");
    const title = `Published on import ${slug}`;
    await asFirstAdmin(browser, baseURL, async (admin) => {
      const imported = await trpcMutation(admin.request, "article.import", { title, slug, status: "published", text: "Imported and published in one step." });
      expect(imported.status(), await imported.text()).toBe(200);
    });

    // Its own page is there at once (nothing had cached it)...
    await page.goto(`/a/${slug}`);
    await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText(title);

    // ...and the cached home page lists it on the very next request.
    await page.goto("/");
    await expect(page.getByRole("link", { name: DEMO.title })).toBeVisible();
    await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  });
});
