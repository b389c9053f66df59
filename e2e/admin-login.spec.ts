import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAlert, submitLoginForm, WRONG_LOGIN_MESSAGE } from "./support/auth";
import { countLiveClaims } from "./support/db";
import { withSql } from "../test-support/sql";
import { e2eEnv } from "./support/env";
import { DEMO } from "../test-support/demo";
import { trpcData, trpcMutation } from "./support/trpc";
import { createUserWithCli } from "./support/users";

/** The dashboard cell of `rowName`'s row under the column headed `column`. */
async function dashboardCell(page: Page, rowName: string, column: string) {
  const headers = (await page.getByRole("columnheader").allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(column);
  expect(index, `column "${column}" in ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(0);
  return page.getByRole("row", { name: rowName }).getByRole("cell").nth(index);
}

test.describe("an admin created with the operator CLI", () => {
  test("signs in through the form, sees the demo article with its claim count and opens it", async ({ page }) => {
    const admin = await createUserWithCli("admin");
    await signIn(page, admin.email, admin.password);

    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByText(admin.name)).toBeVisible();
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Sign in" })).toHaveCount(0);

    const demoRow = page.getByRole("row", { name: DEMO.title });
    await expect(demoRow).toHaveCount(1);
    await expect(await dashboardCell(page, DEMO.title, "Status")).toHaveText("Published");
    await expect(await dashboardCell(page, DEMO.title, "Claims")).toHaveText(String(await countLiveClaims(DEMO.slug)));

    await demoRow.getByRole("link", { name: DEMO.title, exact: true }).click();
    await expect(page).toHaveURL(`/a/${DEMO.slug}`);
    await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText(DEMO.title);
  });

  test("sees live claim counts per article: deleted claims are not counted", async ({ page }) => {
    const admin = await createUserWithCli("admin", "counter");
    await signIn(page, admin.email, admin.password);

    const slug = `e2e-counts-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
    const title = `Claim count check ${slug}`;
    const text = "The minister said unemployment fell to 4 percent.\n\nOpposition leaders disputed the figure.";
    const response = await trpcMutation(page.request, "article.import", { title, slug, text, status: "draft" });
    expect(response.status(), await response.text()).toBe(200);
    const { id, revisionId } = await trpcData<{ id: number; revisionId: number }>(response);

    // No screen creates claims yet: four rows straight into the database, one of them deleted.
    await withSql(e2eEnv.databaseUrl, async (sql) => {
      const claim = (status: string, deleted: boolean) => ({
        article_id: id,
        revision_id: revisionId,
        quote_exact: "unemployment fell to 4 percent",
        position_start: 18,
        position_end: 48,
        kind: "statistic",
        status,
        deleted_at: deleted ? new Date() : null,
      });
      await sql`insert into claims ${sql([claim("unchecked", false), claim("in_review", false), claim("in_review", false), claim("in_review", true)])}`;
    });

    await page.reload();
    await expect(await dashboardCell(page, title, "Status")).toHaveText("Draft");
    await expect(await dashboardCell(page, title, "Claims")).toHaveText("3");
    await expect(await dashboardCell(page, title, "In review")).toHaveText("2");
    await expect(await dashboardCell(page, title, "Published")).toHaveText("0");
  });

  test("is told the sign-in failed on a wrong password, and gets in with the right one", async ({ page }) => {
    const admin = await createUserWithCli("admin", "typo");
    await submitLoginForm(page, admin.email, `${admin.password}x`);
    await expect(signInAlert(page)).toHaveText(WRONG_LOGIN_MESSAGE);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  });

  test("never has their password put in the URL, even when the form is sent before JavaScript runs", async ({ browser, baseURL }) => {
    // Without JavaScript (or before hydration) the browser submits the form itself.
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const password = "no-js-password-should-stay-secret";
      await page.goto("/login");
      await page.getByLabel("Email").fill("someone@e2e.factdesk.test");
      await page.getByLabel("Password").fill(password);
      const submitted = page.waitForRequest((request) => request.isNavigationRequest() && request.frame() === page.mainFrame());
      await page.getByRole("button", { name: "Sign in" }).click();
      const request = await submitted;
      expect(request.url()).not.toContain(password);
      await page.waitForLoadState();
      expect(page.url()).not.toContain(password);
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
