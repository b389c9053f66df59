import { expect, test } from "@playwright/test";
import { approveClaim, authorAndReviewer, claimInReview, createNamedUserWithCli, importArticle, seedClaim, signedInContext, uniqueSuffix } from "./support/claims";
import { startInstance, type Instance } from "./support/instances";
import { startVarnish } from "../test-support/varnish";

// At the edge (issue 14 item 4, docs/caching.md "At the edge"): Varnish with xkey (deploy/varnish/default.vcl) in
// front of two production instances on this run's database. Public outputs are kept there under their surrogate
// keys; a verdict approved through the app purges them, so the cached reader page shows it without waiting for its
// s-maxage. The spec waits for the verdict (no timing assertion on a shared machine) and records how long it took
// (the target is 1 s).
const base = Number(process.env.E2E_PORT ?? 3100);
const PORTS = { a: base + 13, b: base + 14, varnish: base + 15 };
const suffix = uniqueSuffix();
const editors = authorAndReviewer(`Edda Edge ${suffix}`, `Vera Varnish ${suffix}`);
const RATIONALE = "Lavrov said these words in a radio videoconference; the cache in front was purged of the old page.";

let a: Instance;
let b: Instance;
let varnish: { origin: string; stop(): Promise<void> };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const publicOrigin = `http://localhost:${PORTS.varnish}`;
  const edge = { FACTDESK_EDGE_PURGE_URL: `http://127.0.0.1:${PORTS.varnish}/` };
  [a, b] = await Promise.all([startInstance(PORTS.a, publicOrigin, edge), startInstance(PORTS.b, publicOrigin, edge)]);
  varnish = await startVarnish(PORTS.varnish, [PORTS.a, PORTS.b]);
});

test.afterAll(async () => {
  await varnish?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
});

test("public outputs are kept at the edge under their keys, and a verdict approved behind it purges them", async () => {
  const article = await importArticle(editors.author, { slugPrefix: "e2e-edge", status: "published", publishedOn: "1998-01-03" });
  const inReview = await claimInReview(editors.author, article, seedClaim("“If it depends on Russia"), { verdict: "true", rationale: RATIONALE });
  const outputs = ["/", `/a/${article.slug}`, `/embed/${article.slug}`, `/embed/${article.slug}.svg`, `/api/articles/${article.slug}/annotations`];
  const kept = new Map<string, string>();

  for (const output of outputs) {
    // The app lets the edge keep the output and files it under the article's key (the home page: the list's).
    const direct = await editors.author.get(`${a.origin}${output}`);
    expect(direct.status(), output).toBe(200);
    expect(direct.headers()["cache-control"], output).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
    expect(direct.headers()["xkey"], output).toBe(output === "/" ? "published-articles" : `article:${article.slug}`);
    // Through the cache: asked again, it is a hit (the first request may land while another instance renders).
    await expect
      .poll(async () => {
        const response = await editors.author.get(`${varnish.origin}${output}`);
        expect(response.status(), output).toBe(200);
        // Browsers still revalidate every time; the keys are the edge's business.
        expect([response.headers()["cache-control"], response.headers()["xkey"]], output).toEqual(["public, no-cache", undefined]);
        return `${response.headers()["x-cache"]} age=${response.headers()["age"] !== undefined}`;
      }, { message: `${output} is a hit through the cache`, intervals: [50] })
      .toBe("HIT age=true");
    kept.set(output, await (await editors.author.get(`${varnish.origin}${output}`)).text());
  }
  const readerPage = `${varnish.origin}/a/${article.slug}`;
  expect(await (await editors.author.get(readerPage)).text()).not.toContain(RATIONALE);

  // Only this machine may purge, and a purge names its keys.
  expect((await editors.author.fetch(`${varnish.origin}/`, { method: "PURGE" })).status()).toBe(400);

  const approved = await editors.reviewer.post(`${a.origin}/api/trpc/claim.review`, {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ claimId: inReview.id, version: inReview.version, decision: "approve", comment: "Checked behind the cache." }),
  });
  expect(approved.status(), await approved.text()).toBe(200);
  const publishedAt = Date.now();

  await expect
    .poll(async () => (await editors.author.get(readerPage)).text(), { message: "the reader page through the cache shows the verdict", intervals: [25] })
    .toContain(RATIONALE);
  const tookMs = Date.now() - publishedAt;
  test.info().annotations.push({ type: "approved → on the reader page through the cache (ms)", description: String(tookMs) });
  console.log(`edge cache: approved, on the reader page through Varnish after ${tookMs} ms`);

  // The other outputs about the article (embed card, badge, export) were purged too: their kept copies are gone.
  for (const output of outputs.slice(2)) {
    await expect
      .poll(async () => (await editors.author.get(`${varnish.origin}${output}`)).text(), { message: `${output} through the cache is no longer the kept copy`, intervals: [25] })
      .not.toBe(kept.get(output));
  }
  // And the new reader page is kept again.
  await expect
    .poll(async () => (await editors.author.get(readerPage)).headers()["x-cache"], { message: "the new page is kept again", intervals: [50] })
    .toBe("HIT");
  expect(await (await editors.author.get(readerPage)).text()).toContain(RATIONALE);
});

test("a source an admin renames leaves every cached output citing it, purged by the source's key", async ({ browser }) => {
  const article = await importArticle(editors.author, { slugPrefix: "e2e-edge-source", status: "published", publishedOn: "1998-01-03" });
  // A source of this test's own, so no other spec's pages are touched.
  const sourceUrl = `https://example.org/edge-source-${suffix}`;
  const inReview = await claimInReview(editors.author, article, seedClaim("“If it depends on Russia"), { verdict: "true", rationale: RATIONALE }, { url: sourceUrl, stance: "supports" });
  await approveClaim(editors.reviewer, inReview);
  const readerPage = `${varnish.origin}/a/${article.slug}`;

  // The page names what it shows among its keys: its claim, the source and the source's publisher.
  const direct = await editors.author.get(`${a.origin}/a/${article.slug}`);
  const keys = direct.headers()["xkey"]!.split(" ");
  expect(keys).toEqual(expect.arrayContaining([`article:${article.slug}`, `claim:${inReview.id}`]));
  const sourceId = Number(keys.find((key) => key.startsWith("source:"))?.slice("source:".length));
  expect(sourceId, `a source key among ${keys.join(" ")}`).toBeGreaterThan(0);
  expect(keys.some((key) => key.startsWith("publisher:")), "a publisher key").toBe(true);
  await expect
    .poll(async () => (await editors.author.get(readerPage)).headers()["x-cache"], { message: "the reader page is kept at the edge", intervals: [50] })
    .toBe("HIT");

  const admin = await signedInContext(browser, test.info().project.use.baseURL, await createNamedUserWithCli(`Ada Admin ${suffix}`, "admin"));
  try {
    const title = `Lavrov's radio interview, as the registry now names it (${suffix})`;
    // Through instance A, which purges the edge (the suite's own server has no edge in front).
    const renamed = await admin.page.request.post(`${a.origin}/api/trpc/source.update`, { headers: { "content-type": "application/json" }, data: JSON.stringify({ sourceId, title }) });
    expect(renamed.status(), await renamed.text()).toBe(200);
    await expect
      .poll(async () => (await editors.author.get(readerPage)).text(), { message: "the reader page through the cache shows the new title", intervals: [25] })
      .toContain(title);
  } finally {
    await admin.context.close();
  }
});
