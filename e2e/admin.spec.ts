import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signIn, submitLoginForm } from "./support/auth";
import { expectNoHorizontalOverflow } from "./support/page-checks";
import { createUserWithCli } from "./support/users";
import { newPassword, uniqueEmail } from "../test-support/users";

// The admin pages, as an admin uses them; screenshots land in test-results/<project>/screenshots/<project>-admin-*.png.

async function capture(page: Page, testInfo: TestInfo, name: string) {
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.screenshot({ path: path.join(testInfo.project.outputDir, "screenshots", `${testInfo.project.name}-admin-${name}.png`), fullPage: true, animations: "disabled" });
  await expectNoHorizontalOverflow(page);
}

test("an admin creates an editor on the users page, who then signs in; deactivation names the person", async ({ page, browser, baseURL }, testInfo) => {
  const admin = await createUserWithCli("admin", "users-page");
  await signIn(page, admin.email, admin.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
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
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Admins only" })).toBeVisible();
});
