import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import {
  approveClaim, authorAndReviewer, changeStatus, claimInReview, importArticle, seedClaim, uniqueSuffix, type ImportedArticle,
} from "./support/claims";

// The cache policy's guarantee (docs/caching.md): a verdict published or withdrawn shows in every public
// output within 2 s, for browsers too. Each output is asked the way a browser revalidates its copy (with
// the ETag it has), so an output still answering 304, or 200 with the old state, fails the deadline.

const GUARANTEE_MS = 2_000;
const suffix = uniqueSuffix();
const editors = authorAndReviewer(`Cass Cache ${suffix}`, `Pia Purge ${suffix}`);

const CLAIM = seedClaim("“If it depends on Russia");
const RATIONALE = "Lavrov said these words in a radio videoconference; the recording confirms them word for word.";

/** One public output: where it is, and whether what it answered shows the claim's published verdict. */
interface Output {
  name: string;
  path: string;
  shows(text: string): boolean;
}

function jsonLdReviews(html: string): { url?: string }[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return blocks.flatMap((block) => [JSON.parse(block) as unknown].flat() as { "@type"?: string; url?: string }[]).filter((item) => item["@type"] === "ClaimReview");
}

function outputs(article: ImportedArticle, claimId: number): Output[] {
  const anchor = `claim-${claimId}`;
  return [
    { name: "reader page", path: `/a/${article.slug}`, shows: (html) => html.includes(`id="${anchor}"`) && html.includes(RATIONALE) },
    { name: "JSON-LD", path: `/a/${article.slug}`, shows: (html) => jsonLdReviews(html).some((review) => review.url?.endsWith(`#${anchor}`)) },
    {
      name: "home",
      path: "/",
      // The article's entry, from its link to the end of its list item.
      shows: (html) => {
        const start = html.indexOf(`href="/a/${article.slug}"`);
        return start >= 0 && html.slice(start, html.indexOf("</li>", start)).includes("1 claim checked");
      },
    },
    {
      name: "annotation export",
      path: `/api/articles/${article.slug}/annotations`,
      shows: (json) => (JSON.parse(json) as { total: number; first?: { items: { id: string }[] } }).first?.items.some((item) => item.id.endsWith(`#${anchor}`)) ?? false,
    },
    { name: "embed card", path: `/embed/${article.slug}`, shows: (html) => html.includes(`href="/a/${article.slug}#${anchor}"`) },
    { name: "SVG badge", path: `/embed/${article.slug}.svg`, shows: (svg) => svg.includes("1 checked · 1 true") },
  ];
}

interface Seen {
  etag: string;
  text: string;
}

/** Each output as it is now: 200, the policy's headers, and its ETag (a browser's copy of it). */
async function current(request: APIRequestContext, list: Output[]): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>();
  for (const output of list) {
    const response = await request.get(output.path);
    expect(response.status(), output.name).toBe(200);
    expect(response.headers()["cache-control"], `${output.name}: revalidated on every use`).toBe("public, no-cache");
    const etag = response.headers()["etag"];
    expect(etag, `${output.name} has an ETag`).toBeTruthy();
    seen.set(output.name, { etag: etag!, text: await response.text() });
  }
  return seen;
}

/**
 * Polls every output, as a browser revalidating its copy does (If-None-Match: the ETag it has), until each
 * answers 200 with content where `shows` is `expected`; fails if any is not there by the deadline. A real
 * browser asks too, through its own HTTP cache (which holds the earlier answers): the SVG badge a
 * publisher's page shows, and the embed card.
 */
async function expectAllWithin(page: Page, list: Output[], previous: Map<string, Seen>, expected: boolean, changedAt: number) {
  const timeout = Math.max(1, GUARANTEE_MS - (Date.now() - changedAt));
  const inBrowser = list.filter((output) => output.name === "SVG badge" || output.name === "embed card");
  await Promise.all([
    ...list.map((output) =>
      expect
        .poll(
          async () => {
            const response = await page.request.get(output.path, { headers: { "If-None-Match": previous.get(output.name)!.etag } });
            if (response.status() === 304) return "304 (still the old copy)";
            return response.status() === 200 && output.shows(await response.text()) === expected ? "fresh" : `${response.status()} with the old state`;
          },
          { message: `${output.name} ${expected ? "shows" : "no longer shows"} the verdict within ${GUARANTEE_MS} ms`, timeout, intervals: [50] },
        )
        .toBe("fresh"),
    ),
    ...inBrowser.map((output) =>
      expect
        .poll(async () => output.shows(await browserFetch(page, output.path)), {
          message: `the browser's ${output.name} ${expected ? "shows" : "no longer shows"} the verdict within ${GUARANTEE_MS} ms`,
          timeout,
          intervals: [50],
        })
        .toBe(expected),
    ),
  ]);
  test.info().annotations.push({ type: `${expected ? "published" : "withdrawn"} → all six outputs (ms)`, description: String(Date.now() - changedAt) });
}

/** What the browser gets for `path` through its HTTP cache (fetch's default mode follows Cache-Control). */
function browserFetch(page: Page, path: string): Promise<string> {
  return page.evaluate(async (url) => (await fetch(url)).text(), path);
}

test("a verdict published, then withdrawn, is reflected in all six public outputs within 2 s, for browsers too", async ({ page }) => {
  const article = await importArticle(editors.author, { slugPrefix: "e2e-cache", status: "published", publishedOn: "1998-01-01" });
  const inReview = await claimInReview(editors.author, article, CLAIM, { verdict: "true", rationale: RATIONALE });
  const list = outputs(article, inReview.id);
  const badge = list.find((output) => output.name === "SVG badge")!;

  // Before: nothing published. Asked again with its own ETag, each output says nothing changed (304).
  const before = await current(page.request, list);
  for (const output of list) {
    expect(output.shows(before.get(output.name)!.text), `${output.name} before the approval`).toBe(false);
    const again = await page.request.get(output.path, { headers: { "If-None-Match": before.get(output.name)!.etag } });
    expect(again.status(), `${output.name} answers 304 while unchanged`).toBe(304);
  }
  // The browser has the card open and the badge in its cache.
  await page.goto(`/embed/${article.slug}`);
  expect(await browserFetch(page, badge.path)).toContain("No claims checked yet");

  const published = await approveClaim(editors.reviewer, inReview);
  await expectAllWithin(page, list, before, true, Date.now());

  const afterPublish = await current(page.request, list);
  const withdrawn = await changeStatus(editors.author, published, "in_review");
  expect(withdrawn.status).toBe("in_review");
  await expectAllWithin(page, list, afterPublish, false, Date.now());
  expect(await browserFetch(page, badge.path)).toContain("No claims checked yet");
});

test("failures are never stored: an unknown article's outputs say no-store", async ({ request }) => {
  const slug = `e2e-cache-missing-${uniqueSuffix()}`;
  for (const path of [`/a/${slug}`, `/api/articles/${slug}/annotations`, `/embed/${slug}`, `/embed/${slug}.svg`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["cache-control"], path).toBe("no-store");
  }
});
