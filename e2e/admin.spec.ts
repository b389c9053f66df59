import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signIn, submitLoginForm } from "./support/auth";
import { approveClaim, authorAndReviewer, claimInReview, importArticle, seedClaim, uniqueSuffix } from "./support/claims";
import { insertSourceStoredUnderOldRules } from "./support/db";
import { expectNoHorizontalOverflow } from "./support/page-checks";
import { createUserWithCli } from "./support/users";
import { newPassword, uniqueEmail } from "../test-support/users";

// The admin pages, as an admin uses them. Screenshots land in test-results/<project>/screenshots/admin-<page>-<width>.png,
// at desktop width and again at 390 px.

const SEED_YOUTUBE = "https://youtube.com/watch?v=cxghDz524HQ";
const suffix = uniqueSuffix();
// Two editors, so the dashboard has a published verdict and a claim waiting in review to draw.
const editors = authorAndReviewer(`Ada Admin-spec ${suffix}`, `Rex Reviewer ${suffix}`);

async function capture(page: Page, testInfo: TestInfo, name: string) {
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" })).toBeVisible();
  const desktop = page.viewportSize();
  for (const width of [desktop?.width ?? 1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : (desktop?.height ?? 800) });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.screenshot({ path: path.join(testInfo.project.outputDir, "screenshots", `admin-${name}-${width}.png`), fullPage: true, animations: "disabled" });
    await expectNoHorizontalOverflow(page);
  }
  if (desktop) await page.setViewportSize(desktop);
}

test("an admin creates an editor on the users page, who then signs in; deactivation names the person", async ({ page, browser, baseURL }, testInfo) => {
  const admin = await createUserWithCli("admin", "users-page");
  await signIn(page, admin.email, admin.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin dashboard" })).toBeVisible();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  const email = uniqueEmail("new-editor");
  const password = newPassword();
  const name = `Edna ${Date.now().toString(36)}`;
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("editor");
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(`Created ${name}`);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByRole("cell", { name: "Editor", exact: true })).toBeVisible();
  await capture(page, testInfo, "users");

  const other = await browser.newContext({ baseURL });
  try {
    const editorPage = await other.newPage();
    await signIn(editorPage, email, password);
    await expect(editorPage.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(editorPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  } finally {
    await other.close();
  }

  await row.getByRole("button", { name: `Deactivate ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Deactivate ${name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(row.getByRole("cell", { name: "Deactivated" })).toBeVisible();

  const again = await browser.newContext({ baseURL });
  try {
    const editorPage = await again.newPage();
    await submitLoginForm(editorPage, email, password);
    await expect(editorPage.getByRole("main").getByRole("alert")).toBeVisible();
  } finally {
    await again.close();
  }
});

test("an admin finds the seed's YouTube source, rates its publisher and merges a duplicate of it", async ({ page }, testInfo) => {
  const admin = await createUserWithCli("admin", "registry");
  // Stored as an older rule set would have kept it ("www."): today's rules make it the seed video again.
  const duplicateTitle = `Lavrov interview copy ${Date.now().toString(36)}`;
  const duplicateId = await insertSourceStoredUnderOldRules("https://www.youtube.com/watch?v=cxghDz524HQ", duplicateTitle);
  await signIn(page, admin.email, admin.password);

  await page.goto("/admin/sources");
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  const search = page.getByRole("search", { name: "Sources" });
  await search.getByLabel("Search sources").fill("youtube");
  await search.getByRole("button", { name: "Search" }).click();
  const seedRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: SEED_YOUTUBE, exact: true }) });
  await expect(seedRow).toBeVisible();
  await expect(seedRow.getByRole("cell", { name: "Video" })).toBeVisible();
  await capture(page, testInfo, "sources");

  // Rate the video's publisher.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Publishers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Publishers" })).toBeVisible();
  const publisherSearch = page.getByRole("search", { name: "Publishers" });
  await publisherSearch.getByLabel("Search publishers").fill("youtube.com");
  await publisherSearch.getByRole("button", { name: "Search" }).click();
  const publisherRow = page.getByRole("row").filter({ hasText: "youtube.com" }).first();
  await publisherRow.getByRole("button", { name: /^Rate / }).click();
  const rateDialog = page.getByRole("dialog", { name: /^Rate / });
  await rateDialog.getByRole("radio", { name: "Mixed" }).check();
  await rateDialog.getByLabel("Rationale").fill("A platform: reliability depends on the channel, so each video is judged on its own.");
  await rateDialog.getByRole("button", { name: "Save rating" }).click();
  await expect(page.getByRole("status")).toContainText(": Mixed.");
  await expect(publisherRow).toContainText("Reliability: Mixed");
  await capture(page, testInfo, "publishers");

  // The rating shows on the source, and the duplicate is offered for merging.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Sources" }).click();
  await page.getByRole("search", { name: "Sources" }).getByLabel("Search sources").fill("youtube");
  await page.getByRole("search", { name: "Sources" }).getByRole("button", { name: "Search" }).click();
  await expect(seedRow).toContainText("Reliability: Mixed");
  const duplicates = page.getByRole("region", { name: "Possible duplicates" });
  const group = duplicates.getByRole("listitem").filter({ hasText: duplicateTitle }).first();
  await expect(group).toBeVisible();
  await group.locator("li").filter({ hasNotText: duplicateTitle }).getByRole("button", { name: /^Keep / }).click();
  const confirm = page.getByRole("dialog", { name: /^Merge into #\d+/ });
  await expect(confirm).toContainText(`#${duplicateId} ${duplicateTitle}`);
  await confirm.getByRole("button", { name: /^Merge into #\d+$/ }).click();
  await expect(page.getByRole("status")).toContainText(`Merged #${duplicateId} ${duplicateTitle} into`);
  await expect(duplicates.getByText(duplicateTitle)).toHaveCount(0);
  // One row is left: the seed's, which took the duplicate's title (it had none) and keeps its address too.
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: "https://www.youtube.com/watch?v=cxghDz524HQ", exact: true }) })).toHaveCount(0);
  await expect(seedRow).toContainText(duplicateTitle);

  // The merge is in the survivor's history, where it can be undone.
  await seedRow.getByRole("button", { name: /^History of / }).click();
  const history = page.getByRole("dialog", { name: /^History of / });
  await expect(history.getByRole("button", { name: `Undo merge of #${duplicateId}` })).toBeVisible();
  await history.getByRole("button", { name: `Undo merge of #${duplicateId}` }).click();
  await expect(page.getByRole("status")).toContainText(`source #${duplicateId} is separate again`);
});

test("an admin sees the dashboard's four charts, each with a table", async ({ page }, testInfo) => {
  const admin = await createUserWithCli("admin", "dashboard");
  const article = await importArticle(editors.author, { title: `Dashboard coverage ${suffix}`, slugPrefix: "e2e-admin-dashboard" });
  const published = await claimInReview(editors.author, article, seedClaim("“If it depends on Russia"), { verdict: "mostly_true", rationale: "The recording matches the quote." });
  await approveClaim(editors.reviewer, published);
  await claimInReview(editors.author, article, seedClaim("Moscow has amassed"), { verdict: "misleading", rationale: "Numbers differ between sources." });
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Admin dashboard" })).toBeVisible();
  for (const title of ["Claims per verdict over time", "Per-article coverage", "Sources by publisher rating", "Review backlog per editor"]) {
    const figure = page.getByRole("figure", { name: title });
    await expect(figure).toBeVisible();
    await expect(figure.locator(`[data-chart="${title}"]`).or(figure.getByText(/^No |^Nothing /))).toBeVisible();
  }
  const coverage = page.getByRole("figure", { name: "Per-article coverage" });
  await coverage.getByText("Per-article coverage as a table").click();
  await expect(coverage.getByRole("row", { name: `Dashboard coverage ${suffix} 1 of 2` })).toBeVisible();
  const verdicts = page.getByRole("figure", { name: "Claims per verdict over time" });
  await verdicts.getByText("Claims per verdict over time as a table").click();
  await expect(verdicts.getByRole("columnheader", { name: "Mostly true" })).toBeVisible();
  const ratings = page.getByRole("figure", { name: "Sources by publisher rating" });
  await expect(ratings.getByRole("img")).toBeVisible();
  await ratings.getByText("Sources by publisher rating as a table").click();
  await expect(ratings.getByRole("cell", { name: "Unrated" })).toBeVisible();
  await capture(page, testInfo, "dashboard");
});

test("an admin changes a role through a dialog naming the person", async ({ page }) => {
  const admin = await createUserWithCli("admin", "last-admin");
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/users");
  // Other admins exist in the e2e database, so this admin may step down (the last-admin refusal is in tests/integration/users.test.ts).
  const row = page.getByRole("row", { name: new RegExp(admin.name) });
  await row.getByRole("button", { name: `Change role of ${admin.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Change the role of ${admin.name}` });
  await dialog.getByLabel(`New role for ${admin.name}`).selectOption("editor");
  await dialog.getByRole("button", { name: `Make ${admin.name} editor` }).click();
  await expect(page.getByRole("status")).toContainText(`${admin.name} is now editor.`);
});

test("an editor opening an admin page is told it is for admins", async ({ page }) => {
  const editor = await createUserWithCli("editor", "not-admin");
  await signIn(page, editor.email, editor.password);
  for (const adminPage of ["/admin", "/admin/sources", "/admin/publishers", "/admin/users"]) {
    await page.goto(adminPage);
    await expect(page.getByRole("heading", { level: 1, name: "Admins only" })).toBeVisible();
  }
});
