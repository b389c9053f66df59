import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import {
  createNamedUserWithCli,
  escapeRegExp,
  importArticle,
  markClaim,
  seedClaim,
  signedInContext,
  storedClaimsBy,
  uniqueSuffix,
  waitForHydration,
  YOUTUBE_CANONICAL,
  YOUTUBE_PUBLISHER,
  YOUTUBE_SOURCE,
  type SeedClaim,
} from "./support/claims";
import { withSql } from "../test-support/sql";
import { e2eEnv } from "./support/env";
import { DEMO } from "../test-support/demo";
import { dragSelectText } from "./support/text-selection";
import { trpcMutation } from "./support/trpc";
import type { TestUser } from "./support/users";

// The editor workspace as two editors use it: marking claims by selecting words, evidence, verdict,
// second-editor review, keyboard shortcuts and the stale-save conflict. Desktop project only.

const KIND_LABELS: Record<SeedClaim["kind"], string> = {
  quote: "Quote",
  statistic: "Statistic",
  event: "Event",
  attribution: "Attribution",
  characterization: "Characterization",
};

const suffix = uniqueSuffix();
let ana: TestUser;
let ben: TestUser;

test.beforeAll(async () => {
  [ana, ben] = await Promise.all([createNamedUserWithCli(`Ana Marker ${suffix}`), createNamedUserWithCli(`Ben Reviewer ${suffix}`)]);
});

/** The claim's card in the list: a button whose accessible name starts with the claim's words. */
function claimCard(page: Page, text: string): Locator {
  return page.getByRole("list", { name: "Claims" }).getByRole("button", { name: new RegExp(`^${escapeRegExp(text.slice(0, 60))}`) });
}

const claimDetails = (page: Page) => page.getByRole("region", { name: "Claim details" });

/** Opens the workspace at `path` and waits until its keyboard and selection handlers listen. */
async function openWorkspace(page: Page, path: string, title: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await waitForHydration(page.getByRole("button", { name: "Keyboard shortcuts (?)" }), "the workspace");
}

test.describe("the editor workspace", () => {
  test("claims marked by selecting words are stored exactly; a verdict sent to review is approved by a second editor from their queue", async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);

    // Editor 1 opens the demo article's workspace from the dashboard.
    await signIn(page, ana.email, ana.password);
    await page.getByRole("link", { name: `Open workspace: ${DEMO.title}` }).click();
    await expect(page).toHaveURL(/\/edit\/\d+$/);
    const articleId = Number(new URL(page.url()).pathname.split("/").pop());
    await expect(page.getByRole("heading", { level: 1, name: DEMO.title })).toBeVisible();
    await waitForHydration(page.getByRole("button", { name: "Keyboard shortcuts (?)" }), "the workspace");

    // Five claims from the fact-checker's fixture, each selected with the mouse and confirmed in the dialog.
    const toMark = [
      { claim: seedClaim("“If it depends on Russia"), via: "key" },
      { claim: seedClaim("Moscow has amassed"), via: "button" },
      { claim: seedClaim("The U.S. and NATO on Wednesday"), via: "key" }, // wraps over several lines
      { claim: seedClaim("“But we won’t allow"), via: "button" },
      { claim: seedClaim("who said Moscow will not compromise"), via: "key" },
    ] as const;
    const selectedTexts = new Map<string, string>();
    for (const { claim, via } of toMark) {
      // Counted first: other runs against the same database may have marked the same words on this article.
      const cardsBefore = await claimCard(page, claim.text).count();
      const selected = await dragSelectText(page, claim.text);
      expect(selected, "the mouse drag selected exactly the claim's words").toBe(claim.text);
      selectedTexts.set(claim.text, selected);

      const markButton = page.getByRole("button", { name: "Mark claim (c)" });
      await expect(markButton).toBeVisible();
      if (via === "key") await page.keyboard.press("c");
      else await markButton.click();

      const dialog = page.getByRole("dialog", { name: "Mark claim" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(claim.text, { exact: true }), "the preview shows the selected words").toBeVisible();
      await dialog.getByRole("combobox", { name: "Kind" }).selectOption({ label: KIND_LABELS[claim.kind] });
      if (claim.speaker) await dialog.getByRole("combobox", { name: "Speaker" }).fill(claim.speaker);
      await dialog.getByRole("button", { name: "Save claim" }).click();
      await expect(dialog).toBeHidden();
      await expect(claimCard(page, claim.text)).toHaveCount(cardsBefore + 1);
      // The new claim is selected in the list.
      await expect(claimCard(page, claim.text).and(page.locator("[aria-current='true']"))).toHaveCount(1);
    }

    // What was stored is exactly what was selected: the offsets slice the claim's own revision to its words.
    const stored = await storedClaimsBy(articleId, ana.email);
    expect(stored.map((row) => row.quote_exact).sort()).toEqual(toMark.map(({ claim }) => claim.text).sort());
    for (const row of stored) {
      const expected = toMark.find(({ claim }) => claim.text === row.quote_exact)!.claim;
      expect(row.body.slice(row.position_start, row.position_end), `offsets of claim ${row.id}`).toBe(row.quote_exact);
      expect(row.quote_exact).toBe(selectedTexts.get(expected.text));
      expect(row.kind).toBe(expected.kind);
      expect(row.speaker).toBe(expected.speaker ?? null);
    }

    // Evidence on the first quote: the YouTube recording at 1:02:03, supporting the claim.
    const quote = toMark[0].claim;
    const quoteId = stored.find((row) => row.quote_exact === quote.text)!.id;
    const quoteCard = page.getByRole("list", { name: "Claims" }).locator(`#claim-card-${quoteId}`);
    await expect(quoteCard).toHaveAccessibleName(new RegExp(`^${escapeRegExp(quote.text)}`));
    await quoteCard.click();
    const details = claimDetails(page);
    await expect(details.getByText(quote.text, { exact: true }).first()).toBeVisible();
    await details.getByRole("button", { name: "Add evidence" }).click();
    await details.getByRole("combobox", { name: "Source" }).fill(YOUTUBE_SOURCE);
    await details.getByRole("combobox", { name: "Stance" }).selectOption({ label: "Supports" });
    await details.getByRole("textbox", { name: "Excerpt" }).fill("If it depends on Russia, there will be no war.");
    await details.getByRole("textbox", { name: "Locator" }).fill("1:02:03");
    await details.getByRole("button", { name: "Attach evidence" }).click();
    const evidence = details.getByRole("list", { name: "Evidence" }).getByRole("listitem");
    await expect(evidence).toHaveCount(1);
    await expect(evidence.getByText(YOUTUBE_PUBLISHER, { exact: true })).toBeVisible();
    // Linked as pasted (the canonical form is only the registry's key), opened at the locator's time.
    await expect(evidence.getByRole("link", { name: YOUTUBE_SOURCE })).toHaveAttribute("href", `${YOUTUBE_SOURCE}&t=3723s`);
    const [link] = await withSql(e2eEnv.databaseUrl, 
      (sql) => sql<{ canonical_url: string; stance: string; locator: string }[]>`
        select s.canonical_url, e.stance, e.locator from evidence e join sources s on s.id = e.source_id
        where e.claim_id = ${quoteId} and e.deleted_at is null`,
    );
    expect(link).toEqual({ canonical_url: YOUTUBE_CANONICAL, stance: "supports", locator: "1:02:03" });

    // Verdict and rationale, then off to review.
    const rationale = `Lavrov said these words in his radio videoconference, as the recording shows at 1:02:03 (${suffix}).`;
    await details.getByRole("combobox", { name: "Verdict" }).selectOption({ label: "True" });
    await details.getByRole("textbox", { name: "Rationale" }).fill(rationale);
    await details.getByRole("button", { name: "Save verdict" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Verdict saved." })).toBeVisible();
    await details.getByRole("button", { name: "Send to review" }).click();
    await expect(details.getByRole("heading", { name: "Status: In review" })).toBeVisible();

    // Editor 1 may not approve their own verdict: the panel says so, and the API refuses it too.
    await expect(details.getByText("You set this verdict, so another editor must review it.")).toBeVisible();
    await expect(details.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await expect(details.getByRole("textbox", { name: "Review comment" })).toHaveCount(0);
    const [current] = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ version: number }[]>`select version from claims where id = ${quoteId}`);
    const ownApproval = await trpcMutation(page.request, "claim.review", { claimId: quoteId, version: current!.version, decision: "approve", comment: "Looks right to me." });
    expect(ownApproval.status(), await ownApproval.text()).toBe(403);

    // Editor 2 finds it in their queue and approves it.
    const second = await signedInContext(browser, baseURL, ben);
    try {
      const reviewer = second.page;
      await reviewer.getByRole("main").getByRole("link", { name: "My queue" }).click();
      await expect(reviewer).toHaveURL(/\/queue$/);
      const awaiting = reviewer.getByRole("list", { name: /^Awaiting my review/ });
      await awaiting.getByRole("listitem").filter({ hasText: `in ${DEMO.title}` }).getByRole("link", { name: quote.text }).click();
      await expect(reviewer).toHaveURL(new RegExp(`/edit/${articleId}\\?claim=${quoteId}$`));
      const reviewPanel = claimDetails(reviewer);
      await expect(reviewPanel.getByText(rationale)).toBeVisible();
      await waitForHydration(reviewPanel.getByRole("button", { name: "Approve" }), "the review form");
      await reviewPanel.getByRole("textbox", { name: "Review comment" }).fill("Checked the recording at 1:02:03; the wording matches.");
      await reviewPanel.getByRole("button", { name: "Approve" }).click();
      await expect(reviewPanel.getByRole("heading", { name: "Status: Published" })).toBeVisible();
      await expect(reviewer.getByRole("list", { name: "Claims" }).locator(`#claim-card-${quoteId}`)).toHaveAccessibleDescription(/Published, verdict True/);

      const history = reviewPanel.getByRole("list", { name: "History" });
      await expect(history.getByRole("listitem").filter({ hasText: `${ana.name} marked the claim` })).toHaveCount(1);
      await expect(history.getByRole("listitem").filter({ hasText: `${ana.name} set the verdict` })).toHaveCount(1);
      const approval = history.getByRole("listitem").filter({ hasText: `${ben.name} approved the verdict` });
      await expect(approval).toHaveCount(1);
      await expect(approval).toContainText("“Checked the recording at 1:02:03; the wording matches.”");
    } finally {
      await second.context.close();
    }
  });

  test("j and k move between claims in text order, ? shows the shortcuts and Escape closes them", async ({ page }) => {
    await signIn(page, ana.email, ana.password);
    const article = await importArticle(page.request, { status: "draft", slugPrefix: "e2e-keys" });
    // Marked out of text order: the list (and j/k) follow the text.
    const third = await markClaim(page.request, article, seedClaim("Moscow has amassed"));
    const first = await markClaim(page.request, article, seedClaim("Russia is not seeking war"));
    const second = await markClaim(page.request, article, seedClaim("“If it depends on Russia"));
    await openWorkspace(page, `/edit/${article.id}`, article.title);

    const card = (claim: { quoteExact: string }) => claimCard(page, claim.quoteExact);
    await expect(page.getByRole("list", { name: "Claims" }).getByRole("button")).toHaveCount(3);
    await expect(page.locator("[aria-current='true']")).toHaveCount(0);

    await page.keyboard.press("j");
    await expect(card(first)).toHaveAttribute("aria-current", "true");
    await expect(card(first)).toBeFocused();
    await page.keyboard.press("j");
    await expect(card(second)).toHaveAttribute("aria-current", "true");
    await expect(card(first)).not.toHaveAttribute("aria-current", "true");
    await page.keyboard.press("j");
    await expect(card(third)).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("k");
    await expect(card(second)).toHaveAttribute("aria-current", "true");
    await expect(card(second)).toBeFocused();
    await expect(claimDetails(page).getByText(second.quoteExact, { exact: true }).first()).toBeVisible();

    // Typing a j into a field types it; it does not move the selection.
    const summary = claimDetails(page).getByRole("textbox", { name: "Summary" });
    await summary.click();
    await page.keyboard.press("j");
    await expect(summary).toHaveValue("j");
    await expect(card(second)).toHaveAttribute("aria-current", "true");

    await card(second).focus();
    await page.keyboard.press("?");
    const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(shortcuts).toBeVisible();
    await expect(shortcuts.getByText("Next claim (in text order, within the filters)")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(shortcuts).toBeHidden();
    // Shortcuts work again once the dialog is closed.
    await page.keyboard.press("k");
    await expect(card(first)).toHaveAttribute("aria-current", "true");
  });

  test("a stale save is refused with the name of who changed the claim, and keeps what was typed", async ({ page, browser, baseURL }) => {
    await signIn(page, ana.email, ana.password);
    const article = await importArticle(page.request, { status: "draft", slugPrefix: "e2e-conflict" });
    const claim = await markClaim(page.request, article, seedClaim("Moscow has amassed"));
    const path = `/edit/${article.id}?claim=${claim.id}`;

    const other = await signedInContext(browser, baseURL, ben);
    try {
      // Both open the same claim.
      await openWorkspace(page, path, article.title);
      await openWorkspace(other.page, path, article.title);
      const mine = claimDetails(page).getByRole("textbox", { name: "Summary" });
      const theirs = claimDetails(other.page).getByRole("textbox", { name: "Summary" });
      await expect(mine).toHaveValue("");
      await expect(theirs).toHaveValue("");

      // Ana saves first.
      const anasSummary = `About 100,000 troops near Ukraine (${suffix})`;
      await mine.fill(anasSummary);
      await claimDetails(page).getByRole("button", { name: "Save details" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();

      // Ben, still on the version he opened, saves something else.
      const bensSummary = `Troop numbers near the border (${suffix})`;
      await theirs.fill(bensSummary);
      await claimDetails(other.page).getByRole("button", { name: "Save details" }).click();
      const alert = claimDetails(other.page).getByRole("alert");
      await expect(alert).toContainText(`changed by ${ana.name}`);
      await expect(theirs).toHaveValue(bensSummary);

      const [row] = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ summary: string }[]>`select summary from claims where id = ${claim.id}`);
      expect(row?.summary, "Ana's save was not overwritten").toBe(anasSummary);
    } finally {
      await other.context.close();
    }
  });

  test("attaching evidence does not make the next save look stale, even when the evidence row gets the claim's id", async ({ page }) => {
    await signIn(page, ana.email, ana.password);
    const article = await importArticle(page.request, { status: "draft", slugPrefix: "e2e-ids" });
    const evidenceSequence = () =>
      withSql(e2eEnv.databaseUrl, async (sql) => {
        const [row] = await sql<{ last: number | null }[]>`select last_value::int as last from pg_sequences where sequencename = 'evidence_id_seq'`;
        return row?.last ?? 0;
      });
    // A claim whose id the evidence sequence has not reached yet (claims usually run ahead of evidence).
    let claim = await markClaim(page.request, article, seedClaim("Moscow has amassed"));
    for (const prefix of ["Russia is not seeking war", "“If it depends on Russia", "“But we won’t allow", "Lavrov said in a videoconference"]) {
      if (claim.id > (await evidenceSequence())) break;
      claim = await markClaim(page.request, article, seedClaim(prefix));
    }
    expect(claim.id, "a claim id the evidence ids have not reached").toBeGreaterThan(await evidenceSequence());

    await openWorkspace(page, `/edit/${article.id}?claim=${claim.id}`, article.title);
    const details = claimDetails(page);
    // A first save, so the claim's version (2) is not the version a new evidence row starts at (1).
    await details.getByRole("textbox", { name: "Summary" }).fill("Troop numbers near the border");
    await details.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();

    await details.getByRole("button", { name: "Add evidence" }).click();
    await details.getByRole("combobox", { name: "Source" }).fill(YOUTUBE_SOURCE);
    await details.getByRole("combobox", { name: "Stance" }).selectOption({ label: "Context" });
    // Only forward: the next evidence row gets the claim's id, the case that once broke the next save.
    if (claim.id > 1) await withSql(e2eEnv.databaseUrl, (sql) => sql`select setval(pg_get_serial_sequence('evidence', 'id'), ${claim.id - 1})`);
    await details.getByRole("button", { name: "Attach evidence" }).click();
    await expect(details.getByRole("list", { name: "Evidence" }).getByRole("listitem")).toHaveCount(1);
    // Usually the evidence row now has the claim's id (a parallel test can take it first): either way the
    // next save must go through, which is what the editor cares about.

    await details.getByRole("combobox", { name: "Verdict" }).selectOption({ label: "Mostly true" });
    await details.getByRole("textbox", { name: "Rationale" }).fill("Estimates at the time put the build-up at around 100,000 troops.");
    await details.getByRole("button", { name: "Save verdict" }).click();
    const saved = page.getByRole("status").filter({ hasText: "Verdict saved." });
    await expect(saved.or(details.getByRole("alert"))).toBeVisible();
    expect(await details.getByRole("alert").allTextContents(), "the verdict save was refused").toEqual([]);
    await expect(saved).toBeVisible();
    const [row] = await withSql(e2eEnv.databaseUrl, (sql) => sql<{ verdict: string | null }[]>`select verdict from claims where id = ${claim.id}`);
    expect(row?.verdict).toBe("mostly_true");
  });
});
