import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signIn } from "./support/auth";
import {
  approveClaim,
  createNamedUserWithCli,
  importArticle,
  markClaim,
  readerBadge,
  readerDialog,
  seedClaim,
  signedInContext,
  uniqueSuffix,
  waitForHydration,
  type ImportedArticle,
} from "./support/claims";
import { e2eEnv } from "./support/env";
import type { TestUser } from "./support/users";
import { withSql } from "../test-support/sql";

// Issue 9 item 2: links are kept as pasted, and their timestamps too. The canonical URL only finds duplicates.

const suffix = uniqueSuffix();
let ana: TestUser;
let ben: TestUser;

test.beforeAll(async () => {
  [ana, ben] = await Promise.all([createNamedUserWithCli(`Ana Links ${suffix}`), createNamedUserWithCli(`Ben Links ${suffix}`)]);
});

/** For people to look at (not compared): test-results/screenshots/links-<name>.png. */
const shot = (testInfo: TestInfo, name: string) => path.join(testInfo.project.outputDir, "screenshots", `links-${name}.png`);

const claimDetails = (page: Page) => page.getByRole("region", { name: "Claim details" });

/** The workspace at one claim, with the evidence form open. */
async function openEvidenceForm(page: Page, article: ImportedArticle, claimId: number) {
  await page.goto(`/edit/${article.id}?claim=${claimId}`);
  await waitForHydration(page.getByRole("button", { name: "Keyboard shortcuts (?)" }), "the workspace");
  const details = claimDetails(page);
  await details.getByRole("button", { name: "Add evidence" }).click();
  return details;
}

test("http:// links stay http://: stored, shown and linked as pasted, in the workspace and on the reader page", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, ana.email, ana.password);
  const article = await importArticle(page.request, { slugPrefix: "e2e-http-link" });
  const claim = await markClaim(page.request, article, seedClaim("Moscow has amassed"));
  const pasted = `http://www.example.org/${suffix}/troops?utm_source=newsletter`;

  const details = await openEvidenceForm(page, article, claim.id);
  await details.getByRole("combobox", { name: "Source" }).fill(pasted);
  await expect(details.getByText("Not in the registry yet: attaching adds it as a new source, with the link as pasted.")).toBeVisible();
  await details.getByRole("combobox", { name: "Stance" }).selectOption({ label: "Supports" });
  await details.getByRole("button", { name: "Attach evidence" }).click();
  const item = details.getByRole("list", { name: "Evidence" }).getByRole("listitem");
  await expect(item).toHaveCount(1);
  await expect(item.getByRole("link", { name: pasted })).toHaveAttribute("href", pasted);

  const [stored] = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ source_url: string; evidence_url: string; canonical_url: string }[]>`
    select s.url as source_url, e.url as evidence_url, s.canonical_url from evidence e join sources s on s.id = e.source_id
    where e.claim_id = ${claim.id} and e.deleted_at is null`);
  expect(stored).toEqual({ source_url: pasted, evidence_url: pasted, canonical_url: `https://example.org/${suffix}/troops` });

  // Published, the reader's dialog links the same http:// address.
  const rationale = `Estimates at the time put the build-up at around 100,000 troops (${suffix}).`;
  const reviewer = await signedInContext(browser, baseURL, ben);
  try {
    const [current] = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ version: number }[]>`select version from claims where id = ${claim.id}`);
    const inReview = await sendToReview(page, claim.id, current!.version, rationale);
    await approveClaim(reviewer.page.request, inReview);
  } finally {
    await reviewer.context.close();
  }
  await page.goto(`/a/${article.slug}`);
  const badge = readerBadge(page, "Mostly true", claim.quoteExact);
  await waitForHydration(badge, "the claim badge");
  await badge.click();
  const dialog = readerDialog(page, claim.quoteExact);
  await expect(dialog.getByRole("link", { name: pasted })).toHaveAttribute("href", pasted);
});

/** Verdict and review through the API, as the signed-in author of `page`. */
async function sendToReview(page: Page, claimId: number, version: number, rationale: string) {
  const post = (procedure: string, input: unknown) =>
    page.request.post(`/api/trpc/${procedure}`, { headers: { "content-type": "application/json" }, data: JSON.stringify(input) }).then(async (r) => {
      expect(r.status(), await r.text()).toBe(200);
      return ((await r.json()) as { result: { data: { id: number; version: number; status: string; quoteExact: string } } }).result.data;
    });
  const judged = await post("claim.setVerdict", { claimId, version, verdict: "mostly_true", rationale });
  return post("claim.changeStatus", { claimId, version: judged.version, status: "in_review" });
}

test("https://youtu.be/ID?t=42 fills the locator with 0:42 and links to that time; the hint names the registry source it reuses", async ({ page }, testInfo) => {
  await signIn(page, ana.email, ana.password);
  const article = await importArticle(page.request, { status: "draft", slugPrefix: "e2e-time-link" });
  const claim = await markClaim(page.request, article, seedClaim("“If it depends on Russia"));
  const pasted = "https://youtu.be/cxghDz524HQ?t=42";

  const details = await openEvidenceForm(page, article, claim.id);
  const source = details.getByRole("combobox", { name: "Source" });
  await source.fill(pasted);
  await expect(details.getByRole("textbox", { name: "Locator" })).toHaveValue("0:42");
  // The demo article cites this video as https://www.youtube.com/watch?v=…: the same source, whatever the spelling.
  await expect(source).toHaveAccessibleDescription(/^Already in the registry: .+\. Attaching reuses it; your link is kept as pasted\.$/);
  await details.getByRole("combobox", { name: "Stance" }).selectOption({ label: "Supports" });
  await details.getByRole("textbox", { name: "Excerpt" }).fill("If it depends on Russia, there will be no war.");
  const form = details.getByRole("form", { name: "Add evidence" });
  await form.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: shot(testInfo, "evidence-form"), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await source.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: shot(testInfo, "evidence-form-390"), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });

  await details.getByRole("button", { name: "Attach evidence" }).click();
  const item = details.getByRole("list", { name: "Evidence" }).getByRole("listitem");
  await expect(item).toHaveCount(1);
  await expect(item.getByText("0:42", { exact: true })).toBeVisible();
  await expect(item.getByRole("link").first()).toHaveAttribute("href", "https://youtu.be/cxghDz524HQ?t=42s");
  const [stored] = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ url: string; locator: string }[]>`
    select url, locator from evidence where claim_id = ${claim.id} and deleted_at is null`);
  expect(stored).toEqual({ url: pasted, locator: "0:42" });
});

test("a refused link's reason appears beside the Source field, not only in a message elsewhere", async ({ page }, testInfo) => {
  await signIn(page, ana.email, ana.password);
  const article = await importArticle(page.request, { status: "draft", slugPrefix: "e2e-refused-link" });
  const claim = await markClaim(page.request, article, seedClaim("Moscow has amassed"));
  const details = await openEvidenceForm(page, article, claim.id);
  const source = details.getByRole("combobox", { name: "Source" });
  await source.fill("http://127.0.0.1/admin");
  await details.getByRole("combobox", { name: "Stance" }).selectOption({ label: "Context" });
  await details.getByRole("button", { name: "Attach evidence" }).click();
  await expect(source).toHaveAttribute("aria-invalid", "true");
  // The reason first, then the plain hint: nothing that promises attaching would add the link.
  await expect(source).toHaveAccessibleDescription(/loopback address on this computer: only public websites can be sources Paste a URL, or search the registry by title, URL or publisher\.$/);
  await details.getByRole("form", { name: "Add evidence" }).evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: shot(testInfo, "evidence-form-refused") });
  // Typing again clears the refusal.
  await source.fill("https://example.org/report");
  await expect(source).not.toHaveAttribute("aria-invalid", "true");
  const rows = await withSql(e2eEnv.databaseUrl, (sql) => sql`select 1 from evidence where claim_id = ${claim.id}`);
  expect(rows).toHaveLength(0);
});
