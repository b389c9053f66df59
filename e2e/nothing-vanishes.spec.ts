import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { withSql } from "../test-support/sql";
import {
  claimInReview, createNamedUserWithCli, importArticle, markClaim, seedClaim, signedInContext, uniqueSuffix, waitForHydration, type ImportedArticle,
} from "./support/claims";
import { e2eEnv } from "./support/env";
import { trpcData, trpcMutation } from "./support/trpc";

// Issue 9, "nothing vanishes": a rejected claim comes back to its author with the reviewer's comment (the
// queue and the notification bell), and an admin can restore a deleted claim from the workspace.

test.describe("a claim returned by a reviewer", () => {
  let contexts: BrowserContext[] = [];
  let authorPage: Page;
  let reviewerPage: Page;
  test.beforeAll(async ({ browser }, workerInfo) => {
    const baseURL = workerInfo.project.use.baseURL;
    const suffix = uniqueSuffix();
    const users = await Promise.all([createNamedUserWithCli(`Rosa Author${suffix}`), createNamedUserWithCli(`Ivo Reviewer${suffix}`)]);
    const [a, b] = await Promise.all(users.map((user) => signedInContext(browser, baseURL, user)));
    contexts = [a!.context, b!.context];
    authorPage = a!.page;
    reviewerPage = b!.page;
  });
  test.afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });

  test("appears under “Returned to me” with the comment, and in the author's notifications until read", async () => {
    const article = await importArticle(authorPage.request);
    const claim = await claimInReview(authorPage.request, article, seedClaim("Moscow has amassed"), { verdict: "mostly_true", rationale: "The Pentagon's estimate is close." });
    const comment = `Cite the Pentagon briefing itself, not the wire story (${uniqueSuffix()}).`;
    const rejected = await trpcMutation(reviewerPage.request, "claim.review", { claimId: claim.id, version: claim.version, decision: "reject", comment });
    expect(rejected.status(), await rejected.text()).toBe(200);
    expect((await trpcData<{ status: string }>(rejected)).status).toBe("in_progress");

    await authorPage.goto("/queue");
    const returned = authorPage.getByRole("list", { name: /Returned to me/ });
    await expect(returned.getByRole("listitem")).toHaveCount(1);
    await expect(returned.getByRole("link", { name: /Moscow has amassed/ })).toHaveAttribute("href", `/edit/${article.id}?claim=${claim.id}`);
    await expect(returned.getByText(comment)).toBeVisible();
    await expect(returned.getByText(/Returned by Ivo Reviewer/)).toBeVisible();

    const bell = authorPage.getByRole("link", { name: "Notifications, 1 unread" });
    await expect(bell).toBeVisible();
    await bell.click();
    await expect(authorPage).toHaveURL(/\/notifications$/);
    const list = authorPage.getByRole("list", { name: "Notifications" });
    const item = list.getByRole("listitem").filter({ hasText: "returned a claim to you" });
    await expect(item).toHaveCount(1);
    await expect(item.getByText(comment)).toBeVisible();
    await expect(item.getByRole("link", { name: /Moscow has amassed/ })).toBeVisible();

    await waitForHydration(item.getByRole("button", { name: "Mark as read" }), "the notification list");
    await item.getByRole("button", { name: "Mark as read" }).click();
    await expect(authorPage.getByRole("heading", { name: "All read" })).toBeVisible();
    await expect(authorPage.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();
    // The reviewer did the rejecting, so they hear nothing about it.
    await reviewerPage.goto("/notifications");
    await expect(reviewerPage.getByText("returned a claim to you")).toHaveCount(0);
  });
});

test.describe("deleted claims", () => {
  let context: BrowserContext;
  let page: Page;
  let article: ImportedArticle;
  test.beforeAll(async ({ browser }, workerInfo) => {
    const admin = await createNamedUserWithCli(`Ada Admin${uniqueSuffix()}`, "admin");
    ({ context, page } = await signedInContext(browser, workerInfo.project.use.baseURL, admin));
    article = await importArticle(page.request, { status: "draft" });
  });
  test.afterAll(() => context.close());

  test("an admin restores one from the workspace", async () => {
    const claim = await markClaim(page.request, article, seedClaim("Lavrov said in a videoconference"));
    const deleted = await trpcMutation(page.request, "claim.delete", { claimId: claim.id, version: claim.version });
    expect(deleted.status(), await deleted.text()).toBe(200);

    await page.goto(`/edit/${article.id}`);
    const claims = page.getByRole("list", { name: "Claims" });
    await expect(page.getByRole("heading", { name: /^Claims/ })).toBeVisible();
    await expect(claims.getByText(/Lavrov said in a videoconference/)).toHaveCount(0);
    const summary = page.getByText("Deleted claims (admins)");
    await waitForHydration(summary, "the workspace");
    await summary.click();
    const deletedList = page.getByRole("list", { name: "Deleted claims" });
    await expect(deletedList.getByText(/Lavrov said in a videoconference/)).toBeVisible();
    await deletedList.getByRole("button", { name: /^Restore/ }).click();
    await expect(page.getByText("No claim of this article has been deleted.")).toBeVisible();
    await expect(claims.getByText(/Lavrov said in a videoconference/)).toBeVisible();

    const rows = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ deleted_at: Date | null; actions: string[] }[]>`
      select c.deleted_at, array(select action from audit_events e where e.claim_id = c.id order by e.id) as actions
      from claims c where c.id = ${claim.id}`);
    expect(rows).toEqual([{ deleted_at: null, actions: ["claim.created", "claim.deleted", "claim.restored"] }]);
  });
});
