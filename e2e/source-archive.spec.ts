import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { signIn } from "./support/auth";
import {
  approveClaim, createNamedUserWithCli, importArticle, markClaim, readerBadge, readerDialog, seedClaim, setArticleStatus, signedInContext, waitForHydration,
} from "./support/claims";
import { e2eEnv } from "./support/env";
import { sourceSiteOrigin, startSourceSite, type SourceSite } from "./support/source-site";
import { trpcData, trpcMutation, trpcQuery } from "./support/trpc";

// Issue 12's "done when": a pasted source is filled in from its page, archived at citation, and offered to
// readers; once the site stops serving it and the checker runs, readers see the archived copy first.

const TITLE = "Jobless rate falls to 4.1%, lowest since 2008";
const PAGE = `<!doctype html><html><head>
<title>Jobless rate falls | Daily Ledger</title>
<meta property="og:title" content="${TITLE}">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
<meta name="author" content="Mina Okafor">
<script>document.title = "a script that must never run in the archived copy"</script>
</head><body><h1>${TITLE}</h1><p>Figures released on Tuesday show the rate fell for a third month.</p></body></html>`;

let site: SourceSite;
test.beforeAll(async () => {
  site = await startSourceSite({ "/2024/03/jobless-rate": PAGE });
});
test.afterAll(async () => {
  await site.close();
});

/** Desktop as the project runs it, then 390 px wide, each under test-results/, with `subject` scrolled to the top. */
async function screenshots(page: Page, testInfo: TestInfo, name: string, subject?: Locator) {
  const desktop = page.viewportSize()!;
  const shoot = async (suffix: string) => {
    // To the top, less the height of a sticky header or tab bar that would cover it.
    await subject?.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top - 120));
    await page.screenshot({ path: testInfo.outputPath(`${name}-${suffix}.png`) });
  };
  await shoot("desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  // Below 1024 px the workspace's panes are tabs: show the claim's.
  const claimsTab = page.getByRole("tablist", { name: "Workspace" }).getByRole("tab", { name: /^Claims/ });
  if (await claimsTab.isVisible()) await claimsTab.click();
  await shoot("390");
  await page.setViewportSize(desktop);
}

test("an editor pastes a URL, sees its details filled in and archived; readers get the archived copy first once the source dies", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, e2eEnv.firstAdmin.email, e2eEnv.firstAdmin.password);
  const reviewerUser = await createNamedUserWithCli("Rosa Archivist");
  const reviewer = await signedInContext(browser, baseURL, reviewerUser);
  const article = await importArticle(page.request, { slugPrefix: "e2e-sources", status: "draft" });
  const claim = seedClaim("“If it depends on Russia");
  const marked = await markClaim(page.request, article, claim);
  const url = `${sourceSiteOrigin()}/2024/03/jobless-rate`;

  // The editor pastes the link: the page's own metadata fills in the details, every one editable.
  await page.goto(`/edit/${article.id}?claim=${marked.id}`);
  const details = page.getByRole("region", { name: "Claim details" });
  const addEvidence = details.getByRole("button", { name: "Add evidence" });
  await waitForHydration(addEvidence, "the claim panel");
  await addEvidence.click();
  await details.getByRole("combobox", { name: "Source" }).fill(url);
  const form = details.getByRole("form", { name: "Add evidence" });
  await expect(form.getByText("Filled in from the page's own metadata")).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Title" })).toHaveValue(TITLE);
  await expect(form.getByLabel("Published on")).toHaveValue("2024-03-05");
  await expect(form.getByRole("textbox", { name: "Publisher" })).toHaveValue("The Daily Ledger");
  await expect(form.getByRole("textbox", { name: "Author" })).toHaveValue("Mina Okafor");
  await expect(form.getByRole("combobox", { name: "Type" })).toHaveValue("article");
  // A correction is kept.
  await form.getByRole("textbox", { name: "Author" }).fill("Mina Okafor (economics desk)");
  await form.getByRole("combobox", { name: "Stance" }).selectOption({ label: "Supports" });
  await form.getByRole("textbox", { name: "Excerpt" }).click();
  await screenshots(page, testInfo, "evidence-form-filled-in", form);
  await form.getByRole("button", { name: "Attach evidence" }).click();

  // The capture runs on the job queue; the panel follows it to the archived copy.
  const evidence = details.getByRole("list", { name: "Evidence" }).getByRole("listitem");
  await expect(evidence).toHaveCount(1);
  await expect(evidence.getByRole("link", { name: TITLE })).toBeVisible();
  await expect(evidence.getByText("The Daily Ledger")).toBeVisible();
  const archivedInPanel = evidence.getByRole("link", { name: /^archived copy \(captured / });
  await expect(archivedInPanel).toBeVisible({ timeout: 30_000 });
  await screenshots(page, testInfo, "evidence-archived", details.getByRole("list", { name: "Evidence" }));
  const archiveHref = (await archivedInPanel.getAttribute("href"))!;
  expect(archiveHref).toMatch(/^\/archive\/[0-9a-f-]{36}$/);
  const archived = await page.request.get(archiveHref);
  expect(archived.status()).toBe(200);
  expect(archived.headers()["content-security-policy"]).toContain("sandbox");
  expect(await archived.text()).toContain(TITLE);

  // Verdict, review by a second editor, publication.
  const detail = await trpcData<{ claim: { version: number }; evidence: Array<{ sourceId: number; sourceAuthor: string | null; sourcePublishedOn: string | null }> }>(
    await trpcQuery(page.request, "claim.detail", { claimId: marked.id }),
  );
  expect(detail.evidence[0]).toMatchObject({ sourceAuthor: "Mina Okafor (economics desk)", sourcePublishedOn: "2024-03-05" });
  const judged = await trpcData<{ version: number }>(
    await trpcMutation(page.request, "claim.setVerdict", { claimId: marked.id, version: detail.claim.version, verdict: "true", rationale: "The jobless figures back the claim as quoted." }),
  );
  const sent = await trpcData<{ id: number; version: number; status: string; quoteExact: string }>(
    await trpcMutation(page.request, "claim.changeStatus", { claimId: marked.id, version: judged.version, status: "in_review" }),
  );
  await approveClaim(reviewer.page.request, sent);
  await reviewer.context.close();
  await setArticleStatus(page.request, article, "published");

  // A reader's evidence dialog offers the archived copy beside the live source.
  const readerContext = await browser.newContext({ baseURL });
  const reader = await readerContext.newPage();
  const openDialog = async () => {
    await reader.goto(`/a/${article.slug}`);
    const badge = readerBadge(reader, "True", claim.text);
    await waitForHydration(badge, "the claim badge");
    await badge.click();
    const dialog = readerDialog(reader, claim.text);
    await expect(dialog).toBeVisible();
    return dialog;
  };
  let dialog = await openDialog();
  await expect(dialog.getByRole("link", { name: /^Archived copy \(captured / })).toHaveAttribute("href", archiveHref);
  await expect(dialog.getByRole("link", { name: TITLE })).toBeVisible();
  await expect(dialog.getByText("original unavailable")).toHaveCount(0);

  // The site takes the page down; the link checker runs (an admin's "Check link now"; the e2e server calls a
  // source dead after one failed check) and the reader sees the archived copy first.
  site.takeDown();
  await page.goto(`/edit/${article.id}?claim=${marked.id}`);
  const frozen = page.getByRole("region", { name: "Claim details" }).getByRole("list", { name: "Evidence" }).getByRole("listitem");
  const checkNow = frozen.getByRole("button", { name: "Check link now" });
  await waitForHydration(checkNow, "the evidence item");
  await checkNow.click();
  await expect(frozen.getByRole("status").filter({ hasText: "Link checked" })).toHaveText("Link checked: the original is unavailable.");
  await expect(frozen.getByText("original unavailable")).toBeVisible();
  dialog = await openDialog();
  const copy = dialog.getByRole("link", { name: /^Archived copy \(captured / });
  const original = dialog.getByRole("link", { name: TITLE });
  await expect(dialog.getByText("original unavailable")).toBeVisible();
  await expect(copy).toHaveAttribute("href", archiveHref);
  const copyFirst = await copy.evaluate((a, other) => Boolean(a.compareDocumentPosition(other!) & Node.DOCUMENT_POSITION_FOLLOWING), await original.elementHandle());
  expect(copyFirst, "the archived copy comes before the dead original").toBe(true);
  await screenshots(reader, testInfo, "reader-dialog-source-dead");
  await readerContext.close();

  // Editors get the claims whose evidence went dead, on their dashboard.
  await page.goto("/dashboard");
  const dead = page.getByRole("region", { name: "Evidence that went dead" });
  await expect(dead.getByRole("link", { name: article.title })).toBeVisible();
  await expect(dead.getByText(TITLE)).toBeVisible();
  await screenshots(page, testInfo, "dashboard-dead-evidence", dead);
});
