import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signIn, signInAlert, submitLoginForm, WRONG_LOGIN_MESSAGE } from "./support/auth";
import { DEMO, e2eEnv } from "./support/env";
import { expectNoHorizontalOverflow } from "./support/page-checks";
import { newPassword, uniqueEmail } from "./support/users";

// Full-page screenshots of each screen, per project (desktop 1280 px, phone 390 px), for people to look at:
// test-results/screenshots/<project>-<page>.png. Each test also checks the page is really what it claims.

/** Saves the screenshot first, so a page that fails the layout check can still be looked at. */
async function capture(page: Page, testInfo: TestInfo, name: string, { signedIn = false } = {}) {
  // The header learns who is signed in after the page loads (and keeps its last answer until then), so
  // shoot once it shows the state this page is about.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(signedIn ? nav.getByRole("button", { name: "Sign out" }) : nav.getByRole("link", { name: "Sign in" })).toBeVisible();
  const file = path.join(testInfo.project.outputDir, "screenshots", `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  await expectNoHorizontalOverflow(page);
}

test("home page", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Checked articles" })).toBeVisible();
  await expect(page.getByRole("link", { name: DEMO.title })).toBeVisible();
  await capture(page, testInfo, "home");
});

test("reader page", async ({ page }, testInfo) => {
  await page.goto(`/a/${DEMO.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: DEMO.title })).toBeInViewport();
  await expect(page.getByRole("article").getByText(`Article text © ${DEMO.publisher}`)).toBeVisible();
  await capture(page, testInfo, "reader");
});

test("sign-in page", async ({ page }, testInfo) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await capture(page, testInfo, "login");
});

test("sign-in page with an error", async ({ page }, testInfo) => {
  await submitLoginForm(page, uniqueEmail("nobody"), newPassword());
  await expect(signInAlert(page)).toHaveText(WRONG_LOGIN_MESSAGE);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await capture(page, testInfo, "login-error");
});

test("dashboard as admin", async ({ page }, testInfo) => {
  await signIn(page, e2eEnv.firstAdmin.email, e2eEnv.firstAdmin.password);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("row", { name: DEMO.title })).toBeVisible();
  await capture(page, testInfo, "dashboard", { signedIn: true });
});

test("404 page", async ({ page }, testInfo) => {
  const response = await page.goto("/a/this-article-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: /not (be )?found/i })).toBeVisible();
  await capture(page, testInfo, "not-found");
});
