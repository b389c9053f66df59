import { expect, type Browser, type Page } from "@playwright/test";
import { e2eEnv } from "./env";

/**
 * Waits until React has hydrated the sign-in button. Before that, a click would submit the form natively
 * (a GET to /login with the credentials in the query string) instead of running the sign-in handler.
 */
async function waitForHydratedSignIn(page: Page) {
  const button = page.getByRole("button", { name: "Sign in" });
  await expect(button).toBeEnabled();
  await expect
    .poll(() => button.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps$"))), {
      message: "the sign-in form never hydrated",
    })
    .toBe(true);
}

/** Fills and submits the /login form the way a person does. Does not wait for the outcome. */
export async function submitLoginForm(page: Page, email: string, password: string, path = "/login") {
  await page.goto(path);
  await waitForHydratedSignIn(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the form and waits for the dashboard (where /login sends editors and admins). */
export async function signIn(page: Page, email: string, password: string) {
  await submitLoginForm(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** The sign-in form's error message (Next's own route announcer is an empty alert outside <main>). */
export function signInAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

export const WRONG_LOGIN_MESSAGE = "Email or password is wrong, or the account is deactivated.";

/** Runs `work` in a separate browser context where the first admin (created at server start) is signed in. */
export async function asFirstAdmin(browser: Browser, baseURL: string | undefined, work: (admin: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL });
  try {
    const admin = await context.newPage();
    await signIn(admin, e2eEnv.firstAdmin.email, e2eEnv.firstAdmin.password);
    await work(admin);
  } finally {
    await context.close();
  }
}
