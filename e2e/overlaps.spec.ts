import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { createNamedUserWithCli, importArticle, markClaim, signedInContext, uniqueSuffix, waitForHydration, type ImportedArticle } from "./support/claims";
import { dragSelectText } from "./support/text-selection";

// Issue 9, "overlaps you can see": overlapping claims are drawn apart, and marking over a claim or across
// a paragraph break is preceded by a warning the editor may ignore.

const FIRST = "Russia is not seeking war with the United States and NATO, the country’s top diplomat said Friday";
const SECOND = "the country’s top diplomat said Friday as he signaled openness for further dialogue";

test.describe("overlapping claims in the workspace", () => {
  let context: BrowserContext;
  let page: Page;
  let article: ImportedArticle;
  test.beforeAll(async ({ browser }, workerInfo) => {
    const editor = await createNamedUserWithCli(`Olga Overlap${uniqueSuffix()}`);
    ({ context, page } = await signedInContext(browser, workerInfo.project.use.baseURL, editor));
    article = await importArticle(page.request, { status: "draft" });
    await markClaim(page.request, article, { text: FIRST, kind: "attribution", speaker: "Sergei Lavrov" });
    await markClaim(page.request, article, { text: SECOND, kind: "event" });
  });
  test.afterAll(() => context.close());

  test("each claim shows its own extent; screenshots at 1280 and 390 px", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/edit/${article.id}`);
    const text = page.getByRole("region", { name: "Article text" });
    // Three segments: the first claim alone, both, the second alone; the shared one sits on two lanes.
    const marks = text.locator("p").first().locator("mark");
    await expect(marks).toHaveCount(3);
    await expect(marks.nth(1)).toHaveAttribute("data-depth", "2");
    const [alone, shared, other] = await Promise.all([0, 1, 2].map((i) => marks.nth(i).evaluate((el) => getComputedStyle(el).boxShadow)));
    expect(alone, "the first claim's own stretch has a start edge").toContain("inset");
    expect(other, "the second claim's underline is drawn at another depth").not.toBe(alone);
    expect(shared!.split("rgb").length, "the shared stretch carries both underlines").toBeGreaterThan(alone!.split("rgb").length);

    await waitForHydration(marks.first(), "the workspace");
    await marks.first().click();
    await expect(text.locator("mark[data-selected]")).toHaveCount(2);
    await text.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/overlaps-desktop.png" });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/edit/${article.id}`);
    await expect(marks).toHaveCount(3);
    await page.screenshot({ path: "test-results/overlaps-390.png" });
  });

  test("marking over claims warns first, and saving still works", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/edit/${article.id}`);
    await waitForHydration(page.getByRole("region", { name: "Article text" }).locator("mark").first(), "the workspace");
    await dragSelectText(page, "top diplomat said Friday as he signaled");
    await page.getByRole("button", { name: "Mark claim (c)" }).click();
    const dialog = page.getByRole("dialog", { name: "Mark claim" });
    await expect(dialog.getByText("It overlaps 2 existing claims:")).toBeVisible();
    await expect(dialog.getByText("crosses a paragraph break")).toHaveCount(0);
    await page.screenshot({ path: "test-results/overlaps-warning.png" });
    await dialog.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Event" });
    await dialog.getByRole("button", { name: "Save claim" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("list", { name: "Claims" }).getByRole("listitem")).toHaveCount(3);
  });

  test("a selection across a paragraph break is warned about", async () => {
    await page.goto(`/edit/${article.id}`);
    const paragraphs = page.locator("[data-offset]");
    await waitForHydration(paragraphs.first(), "the workspace");
    // From the first paragraph's last words into the second's first: select as a keyboard user would extend it.
    await page.evaluate(() => {
      const [first, second] = [...document.querySelectorAll<HTMLElement>("[data-offset]")];
      const lastText = (el: HTMLElement) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let node: Text | null = null;
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) node = n;
        return node!;
      };
      const start = lastText(first!);
      const end = document.createTreeWalker(second!, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const range = document.createRange();
      range.setStart(start, Math.max(0, start.data.length - 10));
      range.setEnd(end, 10);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await page.keyboard.press("c");
    const dialog = page.getByRole("dialog", { name: "Mark claim" });
    await expect(dialog.getByText("This selection crosses a paragraph break.")).toBeVisible();
    await expect(dialog.getByText("You can still save it", { exact: false })).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });
});
