import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  approveClaim,
  authorAndReviewer,
  claimInReview,
  createNamedUserWithCli,
  importArticle,
  markClaim,
  readerBadge,
  readerDialog,
  seedClaim,
  setArticleStatus,
  signedInContext,
  uniqueSuffix,
  waitForHydration,
} from "./support/claims";
import type { TestUser } from "./support/users";

// Claim memory end to end: a published seed claim, a second article that says the same thing in other words,
// offered to the editor as "Already checked"; accepted (marked and linked), its verdict reused, approved by a
// second editor; readers of both articles then see "Also checked in" pointing at the other. Desktop project;
// the phone width is checked by resizing the same page for the screenshots.

const suffix = uniqueSuffix();
const setUp = authorAndReviewer(`Sol Seeder ${suffix}`, `Uma Approver ${suffix}`);
let editor: TestUser;
let reviewer: TestUser;

test.beforeAll(async () => {
  [editor, reviewer] = await Promise.all([createNamedUserWithCli(`Eva Memory ${suffix}`), createNamedUserWithCli(`Rui Second ${suffix}`)]);
});

const TROOPS = seedClaim("Moscow has amassed");
const RATIONALE = `Western and Ukrainian estimates in January put the build-up near Ukraine and in Crimea at about 100,000 troops (${suffix}).`;
const PARAPHRASE = "Russia has massed a hundred thousand soldiers near the Ukrainian border and in Crimea, Western officials say.";
const SECOND_TEXT = [PARAPHRASE, "Diplomats from several countries are due to meet in Vienna next week to discuss the response."].join("\n\n");

const shotDir = "test-results/claim-memory";

/** Screenshots of `target` at desktop width and at 390 px (the same page, resized; `narrow` opens what a phone hides). */
async function screenshots(page: Page, target: () => Locator, name: string, narrow?: () => Promise<void>) {
  await target().screenshot({ path: `${shotDir}/${name}-desktop.png` });
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await narrow?.();
  await expect(target()).toBeVisible();
  await target().screenshot({ path: `${shotDir}/${name}-390.png` });
  if (desktop) await page.setViewportSize(desktop);
}

/** No serious or critical WCAG A/AA violation inside `selector` (the parts this feature adds). */
async function expectAccessible(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${selector}`).toEqual([]);
}

/** On a phone the workspace shows one pane at a time: the claims pane holds Already checked and the panel. */
const claimsTab = (page: Page) => () => page.getByRole("tab", { name: /^Claims/ }).click();

test("a paraphrase of a published claim is offered as Already checked, linked, its verdict reused and approved; readers see Also checked in on both articles", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The first article: the seed text with a published verdict on the troop numbers (approved while a draft, then published).
  const first = await importArticle(setUp.author, { slugPrefix: "e2e-memory", status: "draft", publishedOn: "1999-01-02" });
  await approveClaim(setUp.reviewer, await claimInReview(setUp.author, first, TROOPS, { verdict: "mostly_true", rationale: RATIONALE }));
  await setArticleStatus(setUp.author, first, "published");

  const eva = await signedInContext(browser, baseURL, editor);
  const rui = await signedInContext(browser, baseURL, reviewer);
  const reader = await browser.newContext({ baseURL });
  try {
    // The editor imports the second article (a draft until its verdict is approved).
    const second = await importArticle(eva.page.request, { title: `Western officials warn of Russian build-up (${suffix})`, text: SECOND_TEXT, status: "draft", slugPrefix: "e2e-memory-second", publishedOn: "1999-01-03" });
    const page = eva.page;
    await page.goto(`/edit/${second.id}`);
    await waitForHydration(page.getByRole("button", { name: "Keyboard shortcuts (?)" }), "the workspace");

    // Already checked: the sentence, the earlier verdict and the article it was checked in.
    const alreadyChecked = page.getByRole("region", { name: /^Already checked/ });
    const offer = alreadyChecked.getByRole("listitem").filter({ has: page.getByRole("link", { name: first.title }) });
    await expect(offer).toHaveCount(1);
    await expect(offer.getByText(PARAPHRASE)).toBeVisible();
    await expect(offer.getByText("Mostly true")).toBeVisible();
    await screenshots(page, () => page.getByRole("region", { name: /^Already checked/ }), "already-checked", claimsTab(page));

    await expectAccessible(page, "section[aria-labelledby='already-checked-heading']");
    await waitForHydration(offer.getByRole("button", { name: "Accept: mark and link" }), "the suggestion");
    await offer.getByRole("button", { name: "Accept: mark and link" }).click();
    const details = page.getByRole("region", { name: "Claim details" });
    await expect(details.getByText(PARAPHRASE, { exact: true }).first()).toBeVisible();
    await expect(alreadyChecked.getByRole("listitem").filter({ hasText: PARAPHRASE })).toHaveCount(0);

    // The claim panel: the earlier claim, linked as the same claim, its verdict offered for reuse.
    const linked = details.getByRole("list", { name: "Linked as the same claim" }).getByRole("listitem");
    await expect(linked).toHaveCount(1);
    await expect(linked.getByRole("link", { name: first.title })).toBeVisible();
    await expect(linked.getByText(TROOPS.text)).toBeVisible();
    await linked.getByRole("button", { name: "Reuse this verdict" }).click();
    await expect(page.getByRole("status").filter({ hasText: "verdict, rationale and sources copied" })).toBeVisible();
    await expect(details.getByRole("combobox", { name: "Verdict" })).toHaveValue("mostly_true");
    await expect(details.getByRole("textbox", { name: "Rationale" })).toHaveValue(RATIONALE);
    await expect(details.getByRole("list", { name: "Evidence" }).getByRole("listitem")).toHaveCount(1);
    await expect(details.getByText(`The verdict was reused from`)).toBeVisible();
    await expect(linked.getByRole("button", { name: "Reuse this verdict" })).toHaveCount(0);
    await expectAccessible(page, "section[aria-labelledby='same-claim-heading']");
    await screenshots(page, () => page.getByRole("region", { name: "Claim details" }), "claim-panel", claimsTab(page));

    // Still the usual workflow: the editor who reused it sends it to review and may not approve it.
    await details.getByRole("button", { name: "Send to review" }).click();
    await expect(details.getByRole("heading", { name: "Status: In review" })).toBeVisible();
    await expect(details.getByText("You set this verdict, so another editor must review it.")).toBeVisible();

    // A second editor approves it.
    await rui.page.goto(`/edit/${second.id}`);
    const card = rui.page.getByRole("list", { name: "Claims" }).getByRole("button", { name: new RegExp(`^${PARAPHRASE.slice(0, 40)}`) });
    await waitForHydration(card, "the claim list");
    await card.click();
    const reviewPanel = rui.page.getByRole("region", { name: "Claim details" });
    await expect(reviewPanel.getByText(RATIONALE)).toBeVisible();
    await waitForHydration(reviewPanel.getByRole("button", { name: "Approve" }), "the review form");
    await reviewPanel.getByRole("textbox", { name: "Review comment" }).fill("Same claim as the January check; the sources still hold.");
    await reviewPanel.getByRole("button", { name: "Approve" }).click();
    await expect(reviewPanel.getByRole("heading", { name: "Status: Published" })).toBeVisible();
    await setArticleStatus(eva.page.request, second, "published");

    // Readers of both articles see the other under "Also checked in".
    const readerPage = await reader.newPage();
    for (const [article, other, text] of [
      [second, first, PARAPHRASE],
      [first, second, TROOPS.text],
    ] as const) {
      await readerPage.goto(`/a/${article.slug}`);
      const badge = readerBadge(readerPage, "Mostly true", text);
      await waitForHydration(badge, "the claim badge");
      await badge.click();
      const dialog = readerDialog(readerPage, text);
      await expect(dialog.getByText(RATIONALE)).toBeVisible();
      await expect(dialog.getByText("Also checked in:")).toBeVisible();
      await expect(dialog.getByRole("link", { name: other.title })).toHaveAttribute("href", `/a/${other.slug}`);
      if (article === second) await screenshots(readerPage, () => readerDialog(readerPage, text), "reader-details");
      await readerPage.keyboard.press("Escape");
    }

    // Marking the same words in a third article: the panel lists the most similar claims of other articles,
    // with their verdicts and dates, and offers to link them.
    const third = await importArticle(page.request, { title: `Build-up seen again (${suffix})`, text: PARAPHRASE, status: "draft", slugPrefix: "e2e-memory-third", publishedOn: "1999-01-04" });
    const marked = await markClaim(page.request, third, { text: PARAPHRASE, kind: "statistic" });
    await page.goto(`/edit/${third.id}?claim=${marked.id}`);
    const panel = page.getByRole("region", { name: "Claim details" });
    const similar = panel.getByTestId("similar-claim");
    for (const other of [first, second]) {
      const row = similar.filter({ has: page.getByRole("link", { name: other.title }) });
      await expect(row).toContainText("Mostly true");
      await expect(row).toContainText("likely the same claim");
      await expect(row.getByRole("button", { name: "Link as the same claim" })).toBeVisible();
    }
    await expectAccessible(page, "section[aria-labelledby='same-claim-heading']");
    await screenshots(page, () => page.locator("section[aria-labelledby='same-claim-heading']"), "similar-claims", claimsTab(page));
  } finally {
    await Promise.all([eva.context.close(), rui.context.close(), reader.close()]);
  }
});
