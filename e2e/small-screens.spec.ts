import { expect, test, type Locator, type Page } from "@playwright/test";
import { asFirstAdmin, signIn } from "./support/auth";
import { articleWithPublishedClaim, claimWords, escapeRegExp, markClaim, readerBadge, readerDialog, seedClaim, waitForHydration, type ImportedArticle } from "./support/claims";
import { e2eEnv } from "./support/env";
import { dragSelectText } from "./support/text-selection";

// Issue 9, item 5: the reader and the workspace on a phone, and the floating "Mark claim" button.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** The claim's highlighted words: a <mark> with the button role and the badge's name (components/reader/claim-text-button). */
function claimText(page: Page, claim: { text: string }): Locator {
  return page.getByRole("button", { name: new RegExp(`^True: why\\? Fact-check of: “*${escapeRegExp(claimWords(claim.text))}`) }).and(page.locator("mark"));
}

/** Each line box of an element (an inline element has one per line). */
const lineBoxes = (element: Locator) => element.evaluate((el) => [...el.getClientRects()].map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, width: r.width, height: r.height })));

test.describe("on a phone (390x844)", () => {
  test.use(PHONE);

  let published: { article: ImportedArticle; claim: { text: string }; rationale: string };
  test.beforeAll(async ({ browser, baseURL }) => {
    await asFirstAdmin(browser, baseURL, async (admin) => {
      published = await articleWithPublishedClaim(admin.request, admin.request, "e2e-phone-reader");
    });
  });

  test("tapping the claim's words opens its sheet with the heading focused and the verdict in view", async ({ page }) => {
    const { article, claim, rationale } = published;
    await page.goto(`/a/${article.slug}`);
    const words = claimText(page, claim);
    await expect(words).toHaveCount(1);
    await waitForHydration(words, "the claim's words");
    await words.scrollIntoViewIfNeeded();

    // Tap targets of at least 24x24 px (WCAG 2.2 2.5.8): the pill, and every line of the words.
    const pill = (await readerBadge(page, "True", claim.text).boundingBox())!;
    expect(pill.height, "the pill's height").toBeGreaterThanOrEqual(24);
    expect(pill.width, "the pill's width").toBeGreaterThanOrEqual(24);
    const lines = await lineBoxes(words);
    expect(lines.length, "the claim wraps over several lines at 390 px").toBeGreaterThan(1);
    for (const line of lines) expect(line.height, "each line of the claim's words is a 24 px target").toBeGreaterThanOrEqual(24);
    // Lines of the target do not overlap each other (they would share taps).
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.top).toBeGreaterThanOrEqual(lines[i - 1]!.bottom - 0.5);

    await words.tap();
    const dialog = readerDialog(page, claim.text);
    await expect(dialog).toBeVisible();
    const heading = dialog.getByRole("heading", { level: 2 });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByText("True", { exact: true }), "the verdict is on screen when the sheet opens").toBeInViewport({ ratio: 1 });
    await expect(dialog.getByText(rationale)).toBeVisible();
    expect(await dialog.evaluate((el) => el.scrollTop), "the sheet opens scrolled to its top").toBe(0);

    // Closing returns focus to the claim's pill, as after opening it from there.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(readerBadge(page, "True", claim.text)).toBeFocused();
  });

  test("the workspace's claim panel is a tab away, not below the article", async ({ page }) => {
    await signIn(page, e2eEnv.firstAdmin.email, e2eEnv.firstAdmin.password);
    const claim = seedClaim("Moscow has amassed");
    const { article } = published;
    const marked = await markClaim(page.request, article, claim);

    await page.goto(`/edit/${article.id}`);
    await expect(page.getByRole("heading", { level: 1, name: article.title })).toBeVisible();
    const tabs = page.getByRole("tablist", { name: "Workspace" });
    const claimsTab = tabs.getByRole("tab", { name: /^Claims \(\d+\)$/ });
    await waitForHydration(claimsTab, "the workspace tabs");
    await expect(tabs.getByRole("tab", { name: "Text" })).toHaveAttribute("aria-selected", "true");
    await expect(claimsTab, "the Claims tab is on screen without scrolling").toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("region", { name: "Article text" })).toBeVisible();

    // The tab stays at the top while the editor reads down the text.
    await page.evaluate(() => window.scrollTo(0, 2500));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    await expect(claimsTab).toBeInViewport({ ratio: 1 });

    await claimsTab.tap();
    await expect(claimsTab).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("region", { name: "Article text" })).toBeHidden();
    const list = page.getByRole("list", { name: "Claims" });
    const card = list.getByRole("button", { name: new RegExp(`^${escapeRegExp(claim.text.slice(0, 40))}`) });
    await expect(card).toBeVisible();
    await card.tap();
    const details = page.getByRole("region", { name: "Claim details" });
    await expect(details.getByRole("heading", { name: /^Status: / })).toBeVisible();

    // A highlight tapped in the text opens that claim's panel.
    await tabs.getByRole("tab", { name: "Text" }).tap();
    const highlight = page.locator(`mark[data-claim-ids~="${marked.id}"]`).first();
    await highlight.scrollIntoViewIfNeeded();
    await highlight.tap();
    await expect(claimsTab).toHaveAttribute("aria-selected", "true");
    await expect(list.locator("[aria-current='true']")).toHaveAccessibleName(new RegExp(`^${escapeRegExp(claim.text.slice(0, 40))}`));

    // And a link to one claim opens on its panel.
    await page.goto(`/edit/${article.id}?claim=${marked.id}`);
    await expect(tabs.getByRole("tab", { name: /^Claims/ })).toHaveAttribute("aria-selected", "true");
    await expect(details.getByRole("heading", { name: /^Status: / })).toBeInViewport();
  });
});

test("from the keyboard, Tab meets each claim once, at its pill; Enter opens the dialog on its heading", async ({ page, browser, baseURL }) => {
  let published: { article: ImportedArticle; claim: { text: string } } | undefined;
  await asFirstAdmin(browser, baseURL, async (admin) => {
    published = await articleWithPublishedClaim(admin.request, admin.request, "e2e-keyboard-reader");
  });
  const { article, claim } = published!;
  await page.goto(`/a/${article.slug}`);
  const badge = readerBadge(page, "True", claim.text);
  await waitForHydration(badge, "the claim badge");
  const words = claimText(page, claim);
  await expect(words).toHaveAttribute("tabindex", "-1");
  const visited: string[] = [];
  for (let presses = 0; presses < 60 && !(await badge.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
    visited.push(await page.evaluate(() => document.activeElement?.tagName ?? ""));
  }
  await expect(badge).toBeFocused();
  expect(visited, "the claim's words are not a Tab stop").not.toContain("MARK");
  await page.keyboard.press("Enter");
  const dialog = readerDialog(page, claim.text);
  await expect(dialog.getByRole("heading", { level: 2 })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(badge).toBeFocused();
});

test("the floating Mark claim button hides neither the selected line nor the next one", async ({ page, browser, baseURL }) => {
  let article: ImportedArticle | undefined;
  await asFirstAdmin(browser, baseURL, async (admin) => {
    article = (await articleWithPublishedClaim(admin.request, admin.request, "e2e-mark-button")).article;
  });
  await signIn(page, e2eEnv.firstAdmin.email, e2eEnv.firstAdmin.password);
  await page.goto(`/edit/${article!.id}`);
  const text = page.getByRole("region", { name: "Article text" });
  await waitForHydration(text.locator("[data-offset]").first(), "the article text");

  for (const phrase of ["Russia is not seeking war", "The U.S. and NATO on Wednesday"]) {
    await dragSelectText(page, phrase);
    const button = page.getByRole("button", { name: "Mark claim (c)" });
    await expect(button).toBeVisible();
    const box = (await button.boundingBox())!;
    const lines = await page.evaluate(() => {
      const range = document.getSelection()!.getRangeAt(0);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const paragraph = range.startContainer.parentElement!.closest("p")!;
      const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight);
      return { top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)), lineHeight };
    });
    // Nothing of the button between the selection's first line and the end of the line below its last.
    const coveredTop = lines.top;
    const coveredBottom = lines.bottom + lines.lineHeight;
    expect(box.y + box.height <= coveredTop || box.y >= coveredBottom, `the button (${box.y}-${box.y + box.height}) stays off the lines ${coveredTop}-${coveredBottom}`).toBe(true);
  }
});
