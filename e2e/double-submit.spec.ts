import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { createNamedUserWithCli, importArticle, seedClaim, signedInContext, uniqueSuffix, waitForHydration } from "./support/claims";
import { e2eEnv } from "./support/env";
import { dragSelectText } from "./support/text-selection";
import type { TestUser } from "./support/users";
import { withSql } from "../test-support/sql";

// Issue 9 item 1: a double click never does a thing twice. Each button is double-clicked the way an impatient
// editor does; the database and the audit log must hold exactly one change, and nobody is shown a conflict.

const suffix = uniqueSuffix();
let ana: TestUser;
let ben: TestUser;

test.beforeAll(async () => {
  [ana, ben] = await Promise.all([createNamedUserWithCli(`Ana Double ${suffix}`), createNamedUserWithCli(`Ben Double ${suffix}`)]);
});

const claimDetails = (page: Page) => page.getByRole("region", { name: "Claim details" });

/** How many audit rows of `action` the claim (and its evidence) has. */
function auditCount(claimId: number, action: string): Promise<number> {
  return withSql(e2eEnv.databaseUrl, async (sql) => {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from audit_events where claim_id = ${claimId} and action = ${action}`;
    return row!.n;
  });
}

/** No conflict banner, no error: a repeat of the editor's own click is never reported as anyone's change. */
async function expectNoConflict(page: Page) {
  await expect(claimDetails(page).getByRole("alert")).toHaveCount(0);
  await expect(page.getByText(/after you opened it|You changed this/)).toHaveCount(0);
}

test("double-clicking Mark claim, Save claim, Attach evidence, Save verdict and Approve each stores one change and shows no conflict", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, ana.email, ana.password);
  const article = await importArticle(page.request, { status: "draft", slugPrefix: "e2e-double" });
  await page.goto(`/edit/${article.id}`);
  await expect(page.getByRole("heading", { level: 1, name: article.title })).toBeVisible();
  await waitForHydration(page.getByRole("button", { name: "Keyboard shortcuts (?)" }), "the workspace");

  // Mark claim: the floating button and then the dialog's Save claim, each double-clicked.
  const words = seedClaim("Moscow has amassed");
  expect(await dragSelectText(page, words.text)).toBe(words.text);
  await page.getByRole("button", { name: "Mark claim (c)" }).dblclick();
  const dialog = page.getByRole("dialog", { name: "Mark claim" });
  await expect(dialog).toHaveCount(1);
  await expect(dialog.getByText(words.text, { exact: true })).toBeVisible();
  await dialog.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Statistic" });
  await dialog.getByRole("button", { name: "Save claim" }).dblclick();
  await expect(dialog).toBeHidden();
  const claims = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ id: number }[]>`select id from claims where article_id = ${article.id} and deleted_at is null`);
  expect(claims, "one claim stored").toHaveLength(1);
  const claimId = claims[0]!.id;
  expect(await auditCount(claimId, "claim.created")).toBe(1);

  const details = claimDetails(page);
  await expect(details.getByText(words.text, { exact: true }).first()).toBeVisible();

  // Attach evidence, double-clicked.
  await details.getByRole("button", { name: "Add evidence" }).click();
  await details.getByRole("combobox", { name: "Source" }).fill(`https://example.org/${suffix}/troops-report`);
  await details.getByRole("combobox", { name: "Stance" }).selectOption({ label: "Supports" });
  await details.getByRole("button", { name: "Attach evidence" }).dblclick();
  await expect(page.getByRole("status").filter({ hasText: "Evidence attached." })).toBeVisible();
  await expect(details.getByRole("list", { name: "Evidence" }).getByRole("listitem")).toHaveCount(1);
  await expectNoConflict(page);
  const evidence = await withSql(e2eEnv.databaseUrl, (sql) => sql`select id from evidence where claim_id = ${claimId} and deleted_at is null`);
  expect(evidence, "one evidence row").toHaveLength(1);
  expect(await auditCount(claimId, "evidence.added")).toBe(1);

  // Save verdict, double-clicked.
  await details.getByRole("combobox", { name: "Verdict" }).selectOption({ label: "Mostly true" });
  await details.getByRole("textbox", { name: "Rationale" }).fill(`Estimates at the time put the build-up at around 100,000 troops (${suffix}).`);
  await details.getByRole("button", { name: "Save verdict" }).dblclick();
  await expect(page.getByRole("status").filter({ hasText: "Verdict saved." })).toBeVisible();
  await expectNoConflict(page);
  expect(await auditCount(claimId, "claim.verdict_set")).toBe(1);

  await details.getByRole("button", { name: "Send to review" }).click();
  await expect(details.getByRole("heading", { name: "Status: In review" })).toBeVisible();
  await expectNoConflict(page);

  // Approve, double-clicked by the second editor.
  const second = await signedInContext(browser, baseURL, ben);
  try {
    const reviewer = second.page;
    await reviewer.goto(`/edit/${article.id}?claim=${claimId}`);
    const panel = claimDetails(reviewer);
    await waitForHydration(panel.getByRole("button", { name: "Approve" }), "the review form");
    await panel.getByRole("textbox", { name: "Review comment" }).fill("Matches the estimates of the time.");
    await panel.getByRole("button", { name: "Approve" }).dblclick();
    await expect(panel.getByRole("heading", { name: "Status: Published" })).toBeVisible();
    await expect(reviewer.getByRole("status").filter({ hasText: "Approved: the verdict is published." })).toBeVisible();
    await expectNoConflict(reviewer);
  } finally {
    await second.context.close();
  }
  expect(await auditCount(claimId, "claim.approved")).toBe(1);

  // The whole story, once each: what the history shows is what the database holds.
  const actions = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ action: string }[]>`select action from audit_events where claim_id = ${claimId} order by id`);
  expect(actions.map((a) => a.action)).toEqual(["claim.created", "evidence.added", "claim.verdict_set", "claim.status_changed", "claim.approved"]);
  const [claim] = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ status: string; verdict: string; version: number }[]>`select status, verdict, version from claims where id = ${claimId}`);
  expect(claim).toMatchObject({ status: "published", verdict: "mostly_true" });
});
