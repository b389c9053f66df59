import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { asFirstAdmin, signIn, signInAlert, submitLoginForm, WRONG_LOGIN_MESSAGE } from "./support/auth";
import { articleWithPublishedClaim, claimInReview, markClaim, openReaderDialog, seedClaim, type ImportedArticle } from "./support/claims";
import { DEMO } from "../test-support/demo";
import { e2eEnv } from "./support/env";
import { expectNoHorizontalOverflow } from "./support/page-checks";
import { newPassword, uniqueEmail } from "../test-support/users";

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

test("sign-in page with empty fields", async ({ page }, testInfo) => {
  await page.goto("/login");
  const submit = page.getByRole("button", { name: "Sign in" });
  await expect(submit).toBeVisible();
  await expect.poll(() => submit.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps$")))).toBe(true);
  await submit.click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await capture(page, testInfo, "login-empty");
});

test("404 page for an address outside the site's routes", async ({ page }, testInfo) => {
  const response = await page.goto("/nowhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await capture(page, testInfo, "not-found-admin");
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

// Screens with fact-checks on them. Each test imports its own copy of the seed article, so the desktop and
// phone runs (which may run side by side) never see each other's claims.

/** A screenshot of what is on screen now (a modal dialog sits in the viewport, not on the page). */
async function captureViewport(page: Page, testInfo: TestInfo, name: string) {
  const file = path.join(testInfo.project.outputDir, "screenshots", `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path: file, animations: "disabled" });
}

test("workspace with claims marked and one selected", async ({ page }, testInfo) => {
  await signIn(page, e2eEnv.firstAdmin.email, e2eEnv.firstAdmin.password);
  // One published verdict, one in review, three unchecked; the in-review one is selected.
  const { article } = await articleWithPublishedClaim(page.request, page.request, "e2e-shot-workspace");
  const selected = await claimInReview(page.request, article, seedClaim("Moscow has amassed"), {
    verdict: "mostly_true",
    rationale: "Western and Ukrainian estimates at the time put the build-up at around 100,000 troops.",
  });
  for (const prefix of ["Russia is not seeking war", "“But we won’t allow", "The U.S. and NATO on Wednesday"]) await markClaim(page.request, article, seedClaim(prefix));

  await page.goto(`/edit/${article.id}?claim=${selected.id}`);
  // Below 1024 px the panes are tabs, and a link to a claim opens on the Claims tab.
  const tabbed = page.viewportSize()!.width < 1024;
  const tabs = page.getByRole("tablist", { name: "Workspace" });
  if (tabbed) await expect(tabs.getByRole("tab", { name: "Claims (5)" })).toHaveAttribute("aria-selected", "true");
  else await expect(page.getByRole("heading", { level: 1, name: article.title })).toBeVisible();
  await expect(page.getByRole("list", { name: "Claims" }).getByRole("button")).toHaveCount(5);
  const details = page.getByRole("region", { name: "Claim details" });
  await expect(details.getByRole("heading", { name: "Status: In review" })).toBeVisible();
  await expect(details.getByRole("list", { name: "History" }).getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Claims" }).getByRole("button", { name: /^Moscow has amassed/ })).toHaveAttribute("aria-current", "true");
  await capture(page, testInfo, "workspace", { signedIn: true });
  if (tabbed) {
    await tabs.getByRole("tab", { name: "Text" }).click();
    await expect(page.getByRole("heading", { level: 1, name: article.title })).toBeVisible();
    await capture(page, testInfo, "workspace-text", { signedIn: true });
  }
});

test("reader page with checked claims", async ({ page, browser, baseURL }, testInfo) => {
  let slug = "";
  await asFirstAdmin(browser, baseURL, async (admin) => {
    slug = (await articleWithPublishedClaim(admin.request, admin.request, "e2e-shot-claims")).article.slug;
  });
  await page.goto(`/a/${slug}`);
  await expect(page.getByRole("heading", { name: "1 claim checked" })).toBeVisible();
  await page.locator("mark").first().scrollIntoViewIfNeeded();
  await captureViewport(page, testInfo, "reader-claims");
  await expectNoHorizontalOverflow(page);
});

test("reader page with a claim's dialog open", async ({ page, browser, baseURL }, testInfo) => {
  let published: { article: ImportedArticle; claim: { text: string }; rationale: string } | undefined;
  await asFirstAdmin(browser, baseURL, async (admin) => {
    published = await articleWithPublishedClaim(admin.request, admin.request, "e2e-shot-reader");
  });
  const { article, claim, rationale } = published!;
  const dialog = await openReaderDialog(page, article.slug, claim, rationale);
  await expect(dialog.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(dialog.getByText("True", { exact: true })).toBeInViewport();

  // A card in the middle of a wide screen; a sheet along the bottom edge of a phone.
  const box = (await dialog.boundingBox())!;
  const viewport = page.viewportSize()!;
  if (viewport.width < 640) {
    expect(Math.abs(box.y + box.height - viewport.height), "the sheet sits on the bottom edge").toBeLessThanOrEqual(1);
    expect(Math.abs(box.width - viewport.width), "the sheet spans the screen").toBeLessThanOrEqual(1);
  } else {
    expect(box.width).toBeLessThanOrEqual(520);
    expect(Math.abs(box.x + box.width / 2 - viewport.width / 2), "the card is centred").toBeLessThanOrEqual(2);
  }
  await captureViewport(page, testInfo, "reader-dialog");
  await expectNoHorizontalOverflow(page);
});

test("embed card", async ({ page, browser, baseURL }, testInfo) => {
  let slug = "";
  await asFirstAdmin(browser, baseURL, async (admin) => {
    slug = (await articleWithPublishedClaim(admin.request, admin.request, "e2e-shot-embed")).article.slug;
  });
  await page.goto(`/embed/${slug}`);
  await expect(page.getByText("Fact-checked by Factdesk")).toBeVisible();
  await expect(page.getByText("1 checked", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /If it depends on Russia/ })).toBeVisible();
  const file = path.join(testInfo.project.outputDir, "screenshots", `${testInfo.project.name}-embed.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  await expectNoHorizontalOverflow(page);
});
