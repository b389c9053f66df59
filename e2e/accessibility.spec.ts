import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { articleWithPublishedClaim, markClaim, openReaderDialog, seedClaim, signedInContext, waitForHydration } from "./support/claims";
import { DEMO } from "../test-support/demo";
import { e2eEnv } from "./support/env";

// axe-core (WCAG 2.0/2.1 A and AA rules) on the public pages and the editor workspace. A "serious" or
// "critical" violation fails the test; the message lists each rule with the elements it flagged.

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").join(" ") ?? ""}`).join("\n")}`)
    .join("\n");
  expect(serious.map((v) => v.id), `serious or critical axe violations on ${what}:\n${report}`).toEqual([]);
  // The analysis really ran on this page (not an empty document).
  expect(results.passes.length, `axe found nothing to check on ${what}`).toBeGreaterThan(5);
}

let adminContext: BrowserContext;
let admin: APIRequestContext;

test.beforeAll(async ({ browser }, workerInfo) => {
  const signedIn = await signedInContext(browser, workerInfo.project.use.baseURL, e2eEnv.firstAdmin);
  adminContext = signedIn.context;
  admin = signedIn.page.request;
});

test.afterAll(async () => {
  await adminContext?.close();
});

test.describe("no serious accessibility violations", () => {
  test("home page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: DEMO.title })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expectNoSeriousViolations(page, "/");
  });

  test("reader page with a claim's dialog open", async ({ page }) => {
    const { article, claim, rationale } = await articleWithPublishedClaim(admin, admin, "e2e-a11y-reader");
    await openReaderDialog(page, article.slug, claim, rationale);
    await expectNoSeriousViolations(page, `/a/${article.slug} with the claim dialog open`);
  });

  test("embed card", async ({ page }) => {
    const { article, claim } = await articleWithPublishedClaim(admin, admin, "e2e-a11y-embed");
    await page.goto(`/embed/${article.slug}`);
    await expect(page.getByText("1 checked", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(claim.text.slice(0, 20)) })).toBeVisible();
    await expectNoSeriousViolations(page, `/embed/${article.slug}`);
  });

  test("editor workspace with a claim selected and the evidence form open", async () => {
    const { article } = await articleWithPublishedClaim(admin, admin, "e2e-a11y-workspace");
    await markClaim(admin, article, seedClaim("Moscow has amassed"));
    const selected = await markClaim(admin, article, seedClaim("“But we won’t allow"));
    const page = await adminContext.newPage();
    try {
      await page.goto(`/edit/${article.id}?claim=${selected.id}`);
      const details = page.getByRole("region", { name: "Claim details" });
      await expect(details.getByText(selected.quoteExact, { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("list", { name: "Claims" }).getByRole("button")).toHaveCount(3);
      const addEvidence = details.getByRole("button", { name: "Add evidence" });
      await waitForHydration(addEvidence, "the workspace");
      await addEvidence.click();
      await expect(details.getByRole("combobox", { name: "Source" })).toBeVisible();
      await expectNoSeriousViolations(page, `/edit/${article.id}`);
    } finally {
      await page.close();
    }
  });
});
