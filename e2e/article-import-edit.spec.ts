import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import {
  approveClaim,
  authorAndReviewer,
  claimInReview,
  createNamedUserWithCli,
  escapeRegExp,
  importArticle,
  readerBadge,
  seedClaim,
  storedClaimsBy,
  uniqueSuffix,
  waitForHydration,
} from "./support/claims";
import { DEMO } from "../test-support/demo";
import { dragSelectText } from "./support/text-selection";

// Issue 10's "Done when": an editor brings in a new article from an .html file and marks a claim in it; an
// editor edits a published article (one claim's words changed, one claimed paragraph deleted) and the claims
// follow: the changed one goes back to review (readers see "Under review"), the deleted one waits in the
// orphan list until it is re-attached to newly selected words, and the revision diff shows both edits.
// The edited article is a published copy of the demo text, so other specs' demo article is left alone.

const suffix = uniqueSuffix();
const editors = authorAndReviewer(`Iris Importer ${suffix}`, `Jon Approver ${suffix}`);
const SCREENSHOTS = "test-results/article-screens";

/** Desktop and phone-width full-page screenshots of what is on screen now. */
async function screenshots(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-390.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

const claimCard = (page: Page, text: string) =>
  page.getByRole("list", { name: "Claims" }).getByRole("button", { name: new RegExp(`^${escapeRegExp(text.slice(0, 60))}`) });

const TITLE = `Harbour strike ends after nine days (${suffix})`;
const HARBOUR_PAGE = `<!doctype html>
<html lang="en"><head>
  <meta charset="utf-8">
  <title>${TITLE}</title>
  <meta property="og:site_name" content="Harbour Gazette">
  <meta name="author" content="Mara Quist">
  <meta property="article:published_time" content="2026-11-24T09:30:00Z">
</head><body>
  <header><nav><a href="/">Front page</a> · <a href="/sport">Sport</a></nav></header>
  <main><article>
    <h1>${TITLE}</h1>
    <p>Dock workers in Port Example ended a nine-day strike on Tuesday after the port authority
       agreed to a 7% pay rise, the union said.</p>
    <p>“We won what we came for,” union leader Ola Brandt told reporters outside the gates.</p>
    <p>The strike delayed some 120 ships, according to <a href="https://www.example.org/port-report">the authority’s own count</a>.</p>
  </article></main>
  <footer>© Harbour Gazette</footer>
</body></html>`;

test.describe("bringing in and updating articles", () => {
  test("an editor imports a new article from an .html file, previewed first, and marks a claim in it", async ({ page }) => {
    test.setTimeout(120_000);
    const editor = await createNamedUserWithCli(`Kai Importer ${suffix}`);
    await signIn(page, editor.email, editor.password);
    await page.getByRole("link", { name: "New article" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New article" })).toBeVisible();
    await waitForHydration(page.getByRole("button", { name: "Preview" }), "the new-article page");
    const fileInput = page.getByLabel(/Upload a file/);

    // A binary file is refused with a message, and nothing is previewed.
    await fileInput.setInputFiles({ name: "photo.html", mimeType: "text/html", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) });
    await expect(page.getByRole("main").getByRole("alert")).toContainText("“photo.html” is not a text file");
    await expect(page.getByRole("region", { name: "Preview" })).toHaveCount(0);

    await fileInput.setInputFiles({ name: "harbour.html", mimeType: "text/html", buffer: Buffer.from(HARBOUR_PAGE) });
    await expect(page.getByRole("status")).toHaveText("Read from harbour.html.");
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByRole("list", { name: "Paragraphs" }).getByRole("listitem")).toHaveText([
      "Dock workers in Port Example ended a nine-day strike on Tuesday after the port authority agreed to a 7% pay rise, the union said.",
      "“We won what we came for,” union leader Ola Brandt told reporters outside the gates.",
      "The strike delayed some 120 ships, according to the authority’s own count.",
    ]);
    await expect(preview.getByRole("list", { name: "Source links found" }).getByRole("listitem")).toHaveText(["https://www.example.org/port-report"]);
    // The page's own metadata filled the details; the slug is derived from the title.
    await expect(page.getByLabel("Title")).toHaveValue(TITLE);
    await expect(page.getByLabel("Byline")).toHaveValue("Mara Quist");
    await expect(page.getByLabel("Publisher", { exact: true })).toHaveValue("Harbour Gazette");
    await expect(page.getByLabel("Published date")).toHaveValue("2026-11-24");
    const slug = `harbour-strike-ends-after-nine-days-${suffix}`;
    await expect(page.getByLabel(/^Slug/)).toHaveValue(slug);

    // A taken slug: the preview says so and the import waits for another one.
    await page.getByLabel(/^Slug/).fill(DEMO.slug);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(preview.getByRole("alert")).toHaveText(`The link /a/${DEMO.slug} is already taken by another article. Change the slug, then preview again.`);
    await expect(preview.getByRole("button", { name: "Import article" })).toBeDisabled();
    await page.getByLabel(/^Slug/).fill(slug);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(preview.getByRole("alert")).toHaveCount(0);

    await page.getByLabel("Original URL", { exact: true }).fill(`https://www.harbour-gazette.example.com/2026/11/24/strike-${suffix}`);
    await screenshots(page, "new-article");
    await preview.getByRole("button", { name: "Import article" }).click();

    await expect(page).toHaveURL(/\/edit\/\d+$/);
    const articleId = Number(new URL(page.url()).pathname.split("/").pop());
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await waitForHydration(page.getByRole("button", { name: "Keyboard shortcuts (?)" }), "the workspace");

    const claimText = "the port authority agreed to a 7% pay rise";
    expect(await dragSelectText(page, claimText)).toBe(claimText);
    await page.getByRole("button", { name: "Mark claim (c)" }).click();
    const dialog = page.getByRole("dialog", { name: "Mark claim" });
    await dialog.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Statistic" });
    await dialog.getByRole("button", { name: "Save claim" }).click();
    await expect(dialog).toBeHidden();
    await expect(claimCard(page, claimText)).toHaveCount(1);
    const stored = await storedClaimsBy(articleId, editor.email);
    expect(stored.map((c) => c.quote_exact)).toEqual([claimText]);
    expect(stored[0]!.body.slice(stored[0]!.position_start, stored[0]!.position_end)).toBe(claimText);
  });

  test("editing a published article: a changed claim goes back to review, a deleted one is re-attached, the diff shows both", async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);
    // A published copy of the demo article, dated far back so no other spec's home page visit renders it meanwhile.
    const article = await importArticle(editors.author, { slugPrefix: "e2e-edit", publishedOn: "1999-01-01" });
    const troops = seedClaim("Moscow has amassed");
    const negotiations = seedClaim("He outlined missile deployment");
    const rationale = "Western and Ukrainian intelligence estimates put the build-up at about 100,000 troops.";
    for (const claim of [troops, negotiations]) {
      const inReview = await claimInReview(editors.author, article, claim, { verdict: "true", rationale });
      await approveClaim(editors.reviewer, inReview);
    }

    const reader = await browser.newContext({ baseURL });
    const readerPage = await reader.newPage();
    await readerPage.goto(`/a/${article.slug}`);
    await expect(readerBadge(readerPage, "True", troops.text)).toBeVisible();

    const editor = await createNamedUserWithCli(`Lea Reviser ${suffix}`);
    await signIn(page, editor.email, editor.password);
    await page.goto(`/edit/${article.id}`);
    await page.getByRole("link", { name: "Edit text" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Edit text: ${article.title}` })).toBeVisible();
    const box = page.getByLabel(/^Article text/);
    await waitForHydration(box, "the text editor");
    const before = await box.inputValue();
    const after = before.replace("some 100,000 troops", "about 100,000 troops").replace(`\n\n${negotiations.text}`, "");
    expect(after.length, "both edits apply to the stored text").toBe(before.length + 1 - 2 - negotiations.text.length);
    await box.fill(after);
    await page.getByLabel(/^Note/).fill("Troop figure worded as an estimate; negotiations paragraph cut.");
    await screenshots(page, "edit-text");
    await page.getByRole("button", { name: "Save revision" }).click();

    // Back in the workspace: the troops claim follows its edited words and is back in review.
    await expect(page).toHaveURL(new RegExp(`/edit/${article.id}$`));
    await waitForHydration(page.getByRole("button", { name: "Keyboard shortcuts (?)" }), "the workspace");
    const changedText = troops.text.replace("some", "about");
    const changed = claimCard(page, changedText);
    await expect(changed).toHaveCount(1);
    await expect(changed).toContainText("Claimed words edited since the verdict");
    await expect(changed).toContainText("In review");

    // The deleted one waits in the orphan list, verdict kept.
    const orphans = page.getByRole("region", { name: /Words no longer in the text/ });
    await expect(orphans).toContainText("Words no longer in the text (1)");
    await expect(orphans.getByTestId("orphan-claim")).toHaveText([new RegExp(`${escapeRegExp(negotiations.text)}.*verdict kept`)]);
    await screenshots(page, "orphan-list");

    // Readers: "Under review" on the edited words instead of the old verdict, nothing on the deleted ones.
    await readerPage.reload();
    const paragraph = readerPage.locator("p", { hasText: "about 100,000 troops" });
    await expect(paragraph.getByTestId("under-review-badge")).toBeVisible();
    await expect(readerBadge(readerPage, "True", troops.text)).toHaveCount(0);
    await expect(readerPage.getByText("He outlined missile deployment")).toHaveCount(0);
    await reader.close();

    // Re-attached by selecting the words it belongs to now.
    const newWords = "A series of military exercises in western Russia";
    expect(await dragSelectText(page, newWords)).toBe(newWords);
    await orphans.getByRole("button", { name: "Re-attach to selected text" }).click();
    await expect(orphans).toHaveCount(0);
    await expect(claimCard(page, newWords)).toHaveCount(1);

    // The diff of the last edit shows both changes.
    await page.getByRole("link", { name: "Revisions" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Revisions: ${article.title}` })).toBeVisible();
    const diff = page.getByTestId("revision-diff");
    await expect(diff.locator("del").filter({ hasText: /^\[removed: some\]$/ })).toHaveCount(1);
    await expect(diff.locator("ins").filter({ hasText: /^\[added: about\]$/ })).toHaveCount(1);
    await expect(diff.locator("del").filter({ hasText: "He outlined missile deployment" })).toHaveCount(1);
    await expect(page.getByTestId("revision").first()).toContainText("Troop figure worded as an estimate; negotiations paragraph cut.");
    await screenshots(page, "revisions");
  });
});
