import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { createNamedUserWithCli, escapeRegExp, importArticle, markClaim, seedClaim, signedInContext, uniqueSuffix, waitForHydration } from "./support/claims";
import type { TestUser } from "./support/users";

// Issue 9, item 6: the same 404 everywhere, a login form that checks itself, a workspace that lines up
// with the header, messages that leave the fields free, long names that fit, and Reload after a conflict.

const suffix = uniqueSuffix();
let ana: TestUser;
let ben: TestUser;

test.beforeAll(async () => {
  [ana, ben] = await Promise.all([createNamedUserWithCli(`Ana Details ${suffix}`), createNamedUserWithCli(`Ben Details ${suffix}`)]);
});

const claimDetails = (page: Page) => page.getByRole("region", { name: "Claim details" });

async function openWorkspace(page: Page, path: string, title: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await waitForHydration(page.getByRole("list", { name: "Claims" }).getByRole("button").first(), "the claim list");
}

async function expectSiteNotFound(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers 404`).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Factdesk" }), `${path} has the site header`).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  return (await page.getByRole("main").textContent()) ?? "";
}

test("every unknown address gets the same 404 page, with the site header", async ({ page }) => {
  for (const path of ["/admin/no-such-page", "/no/such/page", "/a/this-article-does-not-exist", "/a/unknown/extra"]) await expectSiteNotFound(page, path);
});

test("the workspace's 404 does not tell editors the article may not be published", async ({ page }) => {
  await signIn(page, ana.email, ana.password);
  const text = await expectSiteNotFound(page, "/edit/999999999");
  expect(text).not.toMatch(/publish/i);
  expect(text).toContain("No article has this number");
  await expect(page.getByRole("main").getByRole("link", { name: "Go to the dashboard" })).toBeVisible();
});

test("the login form checks its fields before sending anything", async ({ page }) => {
  const sent: string[] = [];
  page.on("request", (request) => request.url().includes("/api/auth/callback") && sent.push(request.url()));
  await page.goto("/login");
  const submit = page.getByRole("button", { name: "Sign in" });
  await waitForHydration(submit, "the login form");

  await submit.click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");

  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("x");
  await submit.click();
  await expect(page.getByText("Enter an email address like ana@example.org.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeHidden();
  expect(sent, "nothing was sent to the sign-in endpoint").toEqual([]);

  // Filled in properly, it signs in.
  await page.getByLabel("Email").fill(ana.email);
  await page.getByLabel("Password").fill(ana.password);
  await submit.click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(sent.length).toBeGreaterThan(0);
});

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxes(locator: Locator) {
  const all = await locator.all();
  return (await Promise.all(all.map((l) => l.boundingBox()))).filter((b): b is NonNullable<typeof b> => b !== null && b.width > 0);
}

test("the workspace lines up with the header at 1280 px, long speakers fit their card, and messages leave the fields free", async ({ page }) => {
  await signIn(page, ana.email, ana.password);
  const article = await importArticle(page.request, { status: "draft", slugPrefix: "e2e-details" });
  const speaker = `Her Excellency the Ambassador Extraordinary and Plenipotentiary ${"Konstantinopolskaya".repeat(4)} ${suffix}`;
  const claim = await markClaim(page.request, article, { ...seedClaim("Moscow has amassed"), speaker });
  await openWorkspace(page, `/edit/${article.id}?claim=${claim.id}`, article.title);

  // Alignment: the workspace's left and right edges are the header's.
  const logo = (await page.getByRole("banner").getByRole("link", { name: "Factdesk" }).boundingBox())!;
  const account = (await page.getByRole("navigation", { name: "Main" }).boundingBox())!;
  const title = (await page.getByRole("heading", { level: 1, name: article.title }).boundingBox())!;
  const claimsHeading = (await page.getByRole("heading", { level: 2, name: /^Claims/ }).boundingBox())!;
  const panel = (await claimDetails(page).boundingBox())!;
  expect(Math.abs(title.x - logo.x), `the text starts at the logo's edge (${title.x} vs ${logo.x})`).toBeLessThanOrEqual(1);
  expect(Math.abs(panel.x + panel.width - (account.x + account.width)), "the panel ends at the header's right edge").toBeLessThanOrEqual(1);
  expect(claimsHeading.x).toBeGreaterThan(title.x + title.width / 2);

  // The long speaker stays inside the card, and so do its chips and counts.
  const card = page.getByRole("list", { name: "Claims" }).getByRole("button", { name: new RegExp(`^${escapeRegExp(claim.quoteExact.slice(0, 40))}`) });
  await expect(card.getByText(speaker, { exact: true })).toBeVisible();
  const cardBox = (await card.boundingBox())!;
  for (const part of [card.getByText(speaker, { exact: true }), card.getByText("src"), card.getByTitle("Unassigned")]) {
    const box = (await part.boundingBox())!;
    expect(box.x + box.width, "inside the card's right edge").toBeLessThanOrEqual(cardBox.x + cardBox.width + 0.5);
    expect(box.x).toBeGreaterThanOrEqual(cardBox.x - 0.5);
  }
  expect(await card.evaluate((el) => el.scrollWidth <= el.clientWidth), "nothing in the card scrolls sideways").toBe(true);

  // A saved change's message is on screen and on top of no form control.
  const details = claimDetails(page);
  await details.getByRole("textbox", { name: "Summary" }).fill(`Troop numbers (${suffix})`);
  await details.getByRole("button", { name: "Save details" }).click();
  const message = page.getByRole("status").filter({ hasText: "Details saved." });
  await expect(message).toBeVisible();
  const messageBox = (await message.locator("span").boundingBox())!;
  for (const scrollTo of [0, 10_000]) {
    await page.evaluate((y) => window.scrollTo(0, y), scrollTo);
    const controls = await boxes(page.locator("main").locator("input, select, textarea, button"));
    expect(controls.length).toBeGreaterThan(3);
    for (const control of controls) expect(overlaps(messageBox, control), `the message covers a control at ${JSON.stringify(control)}`).toBe(false);
  }
});

test("after a conflict, Reload shows the colleague's saved value and offers the editor's own draft beside it", async ({ page, browser, baseURL }) => {
  await signIn(page, ana.email, ana.password);
  const article = await importArticle(page.request, { status: "draft", slugPrefix: "e2e-reload" });
  const claim = await markClaim(page.request, article, seedClaim("Moscow has amassed"));
  const path = `/edit/${article.id}?claim=${claim.id}`;
  const other = await signedInContext(browser, baseURL, ben);
  try {
    await openWorkspace(page, path, article.title);
    await openWorkspace(other.page, path, article.title);
    const anas = `Ana's summary (${suffix})`;
    const bens = `Ben's summary (${suffix})`;
    await claimDetails(page).getByRole("textbox", { name: "Summary" }).fill(anas);
    await claimDetails(page).getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();

    const details = claimDetails(other.page);
    const summary = details.getByRole("textbox", { name: "Summary" });
    await summary.fill(bens);
    await details.getByRole("button", { name: "Save details" }).click();
    await expect(details.getByRole("alert")).toContainText(`changed by ${ana.name} at `);
    // The conflict message uses the one date-time format: "1 December 2026, 08:07 UTC".
    await expect(details.getByRole("alert")).toContainText(/ at \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC/);

    await details.getByRole("button", { name: "Reload" }).click();
    await expect(summary, "the form shows what the colleague saved").toHaveValue(anas);
    const kept = details.getByRole("region", { name: "Your unsaved version" });
    await expect(kept).toContainText(bens);
    await expect(kept).not.toContainText(anas);

    await kept.getByRole("button", { name: "Use my version" }).click();
    await expect(summary).toHaveValue(bens);
    await expect(kept).toBeHidden();
    await details.getByRole("button", { name: "Save details" }).click();
    await expect(other.page.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();
    await expect(details.getByRole("alert")).toHaveCount(0);
  } finally {
    await other.context.close();
  }
});
