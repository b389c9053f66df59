import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { asFirstAdmin } from "./support/auth";
import { countPublishedClaims } from "./support/db";
import { DEMO } from "../test-support/demo";
import { expectNotFoundPage } from "./support/page-checks";
import { trpcMutation, trpcQuery } from "./support/trpc";

// The demo article's body as a reader must see it: 16 paragraphs, wrapped lines joined, typography untouched.
const FIRST_PARAGRAPH =
  "Russia is not seeking war with the United States and NATO, the country’s top diplomat said Friday as he signaled openness for further dialogue despite the West’s rejection of its sweeping security demands.";
const SECOND_PARAGRAPH = "“If it depends on Russia, there will be no war. We don’t want a war,” Foreign Minister Sergei Lavrov said.";
const AFTER_TEASER = "He accused Western governments “hysterically advancing” the threat of Russia invading Ukraine.";
const LAST_PARAGRAPH =
  "“It's the equivalent of if you and I were having a discussion or a negotiation. If I put a gun on the table and say that I come in peace, that's threatening,” he said.";
const TEASER_TITLE = "No ‘Positive Response’ From U.S. on Main Ukraine Demand, Says Russia";

/**
 * The article body's paragraphs as text, claim badges (buttons after checked claims) set aside. The body is
 * the element holding the first paragraph; whatever else the page adds around it (a verdict summary, a
 * legend) is not body text.
 */
function bodyTexts(page: Page): Promise<string[]> {
  return page
    .getByRole("article")
    .locator("div")
    .filter({ has: page.getByRole("paragraph").getByText(/^Russia is not seeking war with the United States/) })
    .last()
    .locator(":scope > p")
    .evaluateAll((paragraphs) =>
      paragraphs.map((p) => {
        const copy = p.cloneNode(true) as HTMLElement;
        copy.querySelectorAll("button").forEach((badge) => badge.remove());
        return copy.textContent ?? "";
      }),
    );
}

test.describe("an anonymous visitor", () => {
  test("finds the demo article on the home page and reads it whole, credited to its publisher", async ({ page }) => {
    const home = await page.goto("/");
    expect(home?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Checked articles" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveCount(0);

    await page.getByRole("link", { name: DEMO.title }).click();
    await expect(page).toHaveURL(`/a/${DEMO.slug}`);
    await expect(page).toHaveTitle(`${DEMO.title} · Factdesk`);
    const article = page.getByRole("article");
    await expect(article.getByRole("heading", { level: 1 })).toHaveText(DEMO.title);

    // What the reader is told about checked claims matches this server's database (not some cached page).
    const published = await countPublishedClaims(DEMO.slug);
    await expect(
      published === 0
        ? article.getByText("No claims in this article have been checked yet.")
        : article.getByRole("heading", { name: `${published} ${published === 1 ? "claim" : "claims"} checked` }),
    ).toBeVisible();

    // Exact text (no whitespace normalisation): curly quotes and apostrophes as published, line wraps joined.
    const texts = await bodyTexts(page);
    expect(texts).toHaveLength(16);
    expect(texts[0]).toBe(FIRST_PARAGRAPH);
    expect(texts[1]).toBe(SECOND_PARAGRAPH);
    expect(texts[3]).toBe(AFTER_TEASER);
    expect(texts[15]).toBe(LAST_PARAGRAPH);
    for (const text of texts) {
      expect(text, "no wire-copy debris in the body").not.toMatch(/Related article|https?:\/\/|\n/);
      expect(text).toBe(text.trim());
    }
    await expect(article.getByText("Related article")).toHaveCount(0);

    // The teaser is a related link below the article, not body text.
    const related = page.getByRole("region", { name: "Related" });
    await expect(related.getByRole("link", { name: TEASER_TITLE })).toHaveAttribute(
      "href",
      "https://www.themoscowtimes.com/2024/04/27/no-positive-response-from-us-on-main-ukraine-demand-says-russia",
    );
    await expect(page.getByRole("region", { name: "Linked in the article" }).getByRole("link")).not.toHaveCount(0);

    // Credit: the byline (publisher not repeated when it is the byline) and the copyright line.
    await expect(article.getByText(`By ${DEMO.publisher} · 28 January 2022`, { exact: true })).toBeVisible();
    await expect(article.getByText(`Article text © ${DEMO.publisher}`)).toBeVisible();
  });

  test("gets the 404 page for an unknown slug and for a draft that exists", async ({ page, browser, baseURL }) => {
    await expectNotFoundPage(page, `/a/no-such-article-${randomBytes(4).toString("hex")}`);

    // An editor's draft: it exists (the admin's API call finds it), yet a reader gets the same 404 as above.
    const slug = `e2e-draft-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
    const title = `Unpublished draft ${slug}`;
    await asFirstAdmin(browser, baseURL, async (admin) => {
      const imported = await trpcMutation(admin.request, "article.import", { title, slug, status: "draft", text: "A paragraph nobody outside the newsroom may read yet." });
      expect(imported.status(), await imported.text()).toBe(200);
      expect((await trpcQuery(admin.request, "article.bySlug", { slug })).status()).toBe(200);
    });

    await expectNotFoundPage(page, `/a/${slug}`);
    await expect(page.getByText(title)).toHaveCount(0);
    expect((await trpcQuery(page.request, "article.bySlug", { slug })).status(), "nor does the API tell a reader it exists").toBe(404);
    await page.goto("/");
    await expect(page.getByRole("link", { name: DEMO.title })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  });
});
