import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { autoSubmittingForm, startAttackerSite } from "./support/attacker";
import { signIn } from "./support/auth";
import { userExists } from "./support/db";
import { e2eEnv } from "./support/env";
import { trpcData, trpcMutation, trpcQuery } from "./support/trpc";
import { newPassword, uniqueEmail } from "../test-support/users";

// Every test here acts in a browser context where an admin is signed in: the victim of a forged request.
test.beforeEach(async ({ page }) => {
  await signIn(page, e2eEnv.firstAdmin.email, e2eEnv.firstAdmin.password);
});

function newUserInput(prefix: string) {
  return { email: uniqueEmail(prefix), name: "Forged Admin", role: "admin", password: newPassword() };
}

function newArticleInput() {
  const slug = `e2e-forged-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  return { title: `Forged article ${slug}`, slug, status: "draft", text: "Planted by a forged request." };
}

async function expectNoUser(request: APIRequestContext, email: string) {
  expect(await userExists(email), `user ${email} must not exist`).toBe(false);
  const list = await trpcQuery(request, "user.list");
  expect(list.status(), "the admin's own session still works").toBe(200);
  expect((await trpcData<{ email: string }[]>(list)).map((u) => u.email)).not.toContain(email);
}

async function expectNoArticle(request: APIRequestContext, slug: string) {
  // Asked as the admin, who can see drafts too.
  expect((await trpcQuery(request, "article.bySlug", { slug })).status()).toBe(404);
}

test.describe("requests a browser could send cross-site are refused, even with the admin's cookies", () => {
  test("form-encoded, multipart and text/plain bodies get 415 and change nothing; JSON from the app itself works", async ({ page }) => {
    const { request } = page;
    const user = newUserInput("formpost");
    const article = newArticleInput();

    const attempts = [
      ["urlencoded user.create", await request.post("/api/trpc/user.create", { form: user })],
      ["urlencoded article.import", await request.post("/api/trpc/article.import", { form: article })],
      ["multipart user.create", await request.post("/api/trpc/user.create", { multipart: user })],
      ["text/plain user.create", await request.post("/api/trpc/user.create", { headers: { "content-type": "text/plain" }, data: JSON.stringify(user) })],
      ["text/plain article.import", await request.post("/api/trpc/article.import", { headers: { "content-type": "text/plain" }, data: JSON.stringify(article) })],
    ] as const;
    for (const [what, response] of attempts) {
      expect(response.status(), `${what}: ${await response.text()}`).toBe(415);
    }
    await expectNoUser(request, user.email);
    await expectNoArticle(request, article.slug);

    // Control: the very same inputs as JSON from the app's own origin are accepted, so the refusals above
    // were the guard's doing, not a broken session or bad input.
    const created = await trpcMutation(request, "user.create", user, { origin: new URL(page.url()).origin });
    expect(created.status(), await created.text()).toBe(200);
    expect(await userExists(user.email)).toBe(true);
    const imported = await trpcMutation(request, "article.import", article);
    expect(imported.status(), await imported.text()).toBe(200);
    expect((await trpcQuery(request, "article.bySlug", { slug: article.slug })).status()).toBe(200);
  });

  test("JSON from a foreign Origin, or marked Sec-Fetch-Site: cross-site, gets 403 and changes nothing", async ({ page }) => {
    const { request } = page;
    const user = newUserInput("evilorigin");
    const article = newArticleInput();

    const fromEvil = await trpcMutation(request, "user.create", user, { origin: "https://evil.example" });
    expect(fromEvil.status(), await fromEvil.text()).toBe(403);
    const importFromEvil = await trpcMutation(request, "article.import", article, { origin: "https://evil.example" });
    expect(importFromEvil.status(), await importFromEvil.text()).toBe(403);
    const crossSite = await trpcMutation(request, "user.create", user, { "sec-fetch-site": "cross-site" });
    expect(crossSite.status(), await crossSite.text()).toBe(403);

    await expectNoUser(request, user.email);
    await expectNoArticle(request, article.slug);
  });
});

test.describe("an attacker's page that auto-submits a form to the app in the admin's browser", () => {
  async function visitAttackerPage(page: Page, origin: string, html: string) {
    const site = await startAttackerSite({ "/prize": html });
    try {
      const attackerUrl = `${origin.replace("PORT", String(site.port))}/prize`;
      const forged = page.waitForResponse((response) => response.url().endsWith("/api/trpc/user.create") && response.request().method() === "POST");
      await page.goto(attackerUrl);
      const response = await forged;
      return { response, headers: await response.request().allHeaders(), attackerOrigin: new URL(attackerUrl).origin };
    } finally {
      await site.close();
    }
  }

  test("from another site (127.0.0.1): the url-encoded and the JSON-shaped text/plain forms create no user", async ({ page, baseURL }) => {
    const action = `${baseURL}/api/trpc/user.create`;
    const urlencoded = newUserInput("csrf-form");
    const first = await visitAttackerPage(page, "http://127.0.0.1:PORT", autoSubmittingForm(action, "application/x-www-form-urlencoded", urlencoded));
    expect(first.headers["origin"]).toBe(first.attackerOrigin);
    expect(first.response.status()).toBe(415);
    await expectNoUser(page.request, urlencoded.email);

    // text/plain lets a form send a body that parses as JSON: name `{"email":…,"pad":"` + "=" + value `"}`.
    const jsonShaped = newUserInput("csrf-json");
    const { email, name, role, password } = jsonShaped;
    const trick = JSON.stringify({ email, name, role, password, pad: "" }).slice(0, -2);
    const second = await visitAttackerPage(page, "http://127.0.0.1:PORT", autoSubmittingForm(action, "text/plain", { [trick]: '"}' }));
    expect(second.response.status()).toBe(415);
    expect(second.response.request().postData()?.trim()).toBe(`${trick}="}`);
    expect(() => JSON.parse(second.response.request().postData() ?? "")).not.toThrow();
    await expectNoUser(page.request, jsonShaped.email);
  });

  test("from the same site on another port (SameSite lets the session cookie through): still no user", async ({ page, baseURL }) => {
    const action = `${baseURL}/api/trpc/user.create`;
    const user = newUserInput("csrf-samesite");
    const { response, headers, attackerOrigin } = await visitAttackerPage(
      page,
      "http://localhost:PORT",
      autoSubmittingForm(action, "application/x-www-form-urlencoded", user),
    );
    expect(attackerOrigin).not.toBe(new URL(baseURL!).origin);
    expect(headers["origin"]).toBe(attackerOrigin);
    // The forged request really carried the admin's session: only the server's guard stands in the way.
    expect(headers["cookie"] ?? "").toContain("next-auth.session-token=");
    expect(response.status()).toBe(415);
    await expectNoUser(page.request, user.email);
  });
});
