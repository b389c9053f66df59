import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn, signInAlert, submitLoginForm, WRONG_LOGIN_MESSAGE } from "./support/auth";
import { runUserCli } from "../test-support/cli";
import { e2eEnv } from "./support/env";
import { trpcQuery } from "./support/trpc";
import { createUserWithCli } from "./support/users";

async function expectDashboard(page: Page) {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  expect((await trpcQuery(page.request, "article.dashboard")).status()).toBe(200);
}

/** The session cookie is still in the browser: what follows is the server refusing it, not a lost cookie. */
async function expectSessionCookie(context: BrowserContext) {
  const names = (await context.cookies()).map((cookie) => cookie.name);
  expect(names).toContain("next-auth.session-token");
}

/** next-auth's own session endpoint: `{}` when signed out, the user's name and email when signed in. */
async function sessionEndpoint(page: Page): Promise<{ user?: { name?: string; email?: string } }> {
  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  return (await response.json()) as { user?: { name?: string; email?: string } };
}

async function expectSentToSignIn(page: Page) {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=(%2F|\/)dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  // The header asks the server who is signed in after it loads: wait for its answer before checking it.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
}

test.describe("an operator's change through the CLI takes effect on the user's next request", () => {
  test("deactivate: the signed-in editor's same browser session is refused at once", async ({ page, context }) => {
    const editor = await createUserWithCli("editor");
    await signIn(page, editor.email, editor.password);
    await expectDashboard(page);
    expect((await sessionEndpoint(page)).user?.email).toBe(editor.email);

    const result = await runUserCli(e2eEnv.databaseUrl, ["deactivate", "--email", editor.email]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Deactivated ${editor.email}`);

    await expectSessionCookie(context);
    await expectSentToSignIn(page);
    const api = await trpcQuery(page.request, "article.dashboard");
    expect(api.status()).toBe(401);
    expect(((await api.json()) as { error: { message: string } }).error.message).toBe("Sign in to do this.");
    // next-auth's endpoint agrees: signed out, no name or email of a deactivated user.
    expect(await sessionEndpoint(page)).toEqual({});

    // Nor can they sign in again with their (correct) password.
    await submitLoginForm(page, editor.email, editor.password);
    await expect(signInAlert(page)).toHaveText(WRONG_LOGIN_MESSAGE);
    await expect(page).toHaveURL(/\/login$/);
  });

  test("set-role reader: the editor's session ends, and signed in again they get “Editors only”", async ({ page, context }) => {
    const editor = await createUserWithCli("editor", "demoted");
    await signIn(page, editor.email, editor.password);
    await expectDashboard(page);
    expect((await sessionEndpoint(page)).user?.email).toBe(editor.email);

    const result = await runUserCli(e2eEnv.databaseUrl, ["set-role", "--email", editor.email, "--role", "reader"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${editor.email} is now reader`);

    // A role change ends existing sessions (server/auth/resolve-actor.ts), so the old cookie is refused...
    await expectSessionCookie(context);
    await expectSentToSignIn(page);
    expect((await trpcQuery(page.request, "article.dashboard")).status()).toBe(401);
    // A stale session (older session version) is signed out for next-auth's endpoint too.
    expect(await sessionEndpoint(page)).toEqual({});

    // ...and the same person, signed in again, is a reader: no dashboard.
    await submitLoginForm(page, editor.email, editor.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Editors only" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
    expect((await trpcQuery(page.request, "article.dashboard")).status()).toBe(403);
    expect((await sessionEndpoint(page)).user?.email).toBe(editor.email);
  });
});
