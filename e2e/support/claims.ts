import type { ArticleStatus } from "../../lib/articles/status";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { signIn } from "./auth";
import { withSql } from "../../test-support/sql";
import { e2eEnv } from "./env";
import { trpcData, trpcMutation, trpcQuery } from "./trpc";
import { createUserWithCli, type TestUser } from "./users";

// Claims through the real API (tRPC over HTTP with a signed-in editor's cookies), for specs that need a
// published or in-review claim without walking the whole workspace UI each time.

/** The seed article as the importer takes it (the demo article's text), byte-exact from the fixtures. */
const SEED_ARTICLE_TEXT = readFileSync(new URL("../../lib/import/__fixtures__/seed-article.txt", import.meta.url), "utf8");

export interface SeedClaim {
  text: string;
  kind: "quote" | "statistic" | "event" | "attribution" | "characterization";
  speaker?: string;
}

/** The fact-checker's claims for the seed article (lib/import/__fixtures__/seed-claims.json). */
const SEED_CLAIMS: readonly SeedClaim[] = (
  JSON.parse(readFileSync(new URL("../../lib/import/__fixtures__/seed-claims.json", import.meta.url), "utf8")) as { claims: SeedClaim[] }
).claims;

/** The seed claim whose text starts with `prefix` (exactly one must). */
export function seedClaim(prefix: string): SeedClaim {
  const found = SEED_CLAIMS.filter((c) => c.text.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one seed claim starting with ${JSON.stringify(prefix)}, found ${found.length}`);
  return found[0]!;
}

export const YOUTUBE_SOURCE = "https://www.youtube.com/watch?v=cxghDz524HQ";
/** How the registry stores that URL (lib/url/canonicalize), and the publisher it is filed under. */
export const YOUTUBE_CANONICAL = "https://youtube.com/watch?v=cxghDz524HQ";
export const YOUTUBE_PUBLISHER = "youtube.com";

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A tRPC call that must succeed: fails the test with the server's answer otherwise. */
async function ok<T>(response: APIResponse, what: string): Promise<T> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(200);
  return trpcData<T>(response);
}

/** An editor (or admin) with a name chosen by the test, created through the operator CLI like any other. */
export function createNamedUserWithCli(name: string, role: "editor" | "admin" = "editor"): Promise<TestUser> {
  return createUserWithCli(role, name.split(" ")[0]!.toLowerCase(), name);
}

/** A short suffix that keeps names and slugs of this run's objects apart from everyone else's. */
export const uniqueSuffix = () => `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;

/** A new browser context with `user` signed in through the form. Close it when done. */
export async function signedInContext(browser: Browser, baseURL: string | undefined, user: { email: string; password: string }, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, ...options });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return { context, page };
}

/**
 * Two editors for a spec whose claims need a verdict set by one and approved by the other: created through
 * the CLI and signed in before the spec's tests (beforeAll), their contexts closed after them (afterAll).
 * `author` and `reviewer` are their API request contexts, set once beforeAll has run.
 */
export function authorAndReviewer(authorName: string, reviewerName: string): { author: APIRequestContext; reviewer: APIRequestContext } {
  const editors = {} as { author: APIRequestContext; reviewer: APIRequestContext };
  let contexts: BrowserContext[] = [];
  test.beforeAll(async ({ browser }, workerInfo) => {
    const baseURL = workerInfo.project.use.baseURL;
    const users = await Promise.all([createNamedUserWithCli(authorName), createNamedUserWithCli(reviewerName)]);
    const [a, b] = await Promise.all(users.map((user) => signedInContext(browser, baseURL, user)));
    contexts = [a!.context, b!.context];
    editors.author = a!.page.request;
    editors.reviewer = b!.page.request;
  });
  test.afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });
  return editors;
}

export interface ImportedArticle {
  id: number;
  slug: string;
  title: string;
  revisionId: number;
  /** The stored body (reflowed paragraphs), which claim offsets refer to. */
  body: string;
}

/**
 * Imports an article (the seed text by default) under a fresh slug, as the signed-in editor.
 * `publishedOn` orders the home page (newest first): an old date keeps the article off the first screen,
 * so other specs' home page visits do not prefetch (render) its reader page while this one changes it.
 */
export async function importArticle(
  request: APIRequestContext,
  {
    title,
    text = SEED_ARTICLE_TEXT,
    status = "published",
    slugPrefix = "e2e-claims",
    publishedOn = "2022-01-28",
  }: { title?: string; text?: string; status?: ArticleStatus; slugPrefix?: string; publishedOn?: string } = {},
): Promise<ImportedArticle> {
  const slug = `${slugPrefix}-${uniqueSuffix()}`;
  const fullTitle = title ?? `Lavrov says Russia is not seeking war (${slug})`;
  const imported = await ok<{ id: number; revisionId: number }>(
    await trpcMutation(request, "article.import", {
      title: fullTitle,
      slug,
      status,
      byline: "The Moscow Times",
      publisher: { domain: "themoscowtimes.com", name: "The Moscow Times" },
      publishedOn,
      text,
    }),
    "article.import",
  );
  const workspace = await ok<{ article: { body: string; revisionId: number } }>(await trpcQuery(request, "claim.workspace", { articleId: imported.id }), "claim.workspace");
  expect(workspace.article.revisionId).toBe(imported.revisionId);
  return { id: imported.id, slug, title: fullTitle, revisionId: imported.revisionId, body: workspace.article.body };
}

/** Publishes a draft (or takes an article back to draft). */
export async function setArticleStatus(request: APIRequestContext, article: ImportedArticle, status: ArticleStatus) {
  await ok(await trpcMutation(request, "article.setStatus", { articleId: article.id, status }), "article.setStatus");
}

/** [start, end) of the only occurrence of `text` in `body`. */
export function spanOf(body: string, text: string): { start: number; end: number } {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`not in the article body: ${JSON.stringify(text)}`);
  if (body.indexOf(text, start + 1) >= 0) throw new Error(`more than once in the article body: ${JSON.stringify(text)}`);
  return { start, end: start + text.length };
}

interface ClaimRow {
  id: number;
  version: number;
  status: string;
  quoteExact: string;
}

export async function markClaim(request: APIRequestContext, article: ImportedArticle, claim: SeedClaim & { summary?: string }): Promise<ClaimRow> {
  const { start, end } = spanOf(article.body, claim.text);
  const row = await ok<ClaimRow>(
    await trpcMutation(request, "claim.mark", {
      articleId: article.id,
      revisionId: article.revisionId,
      start,
      end,
      kind: claim.kind,
      speaker: claim.speaker ?? "",
      summary: claim.summary ?? "",
    }),
    "claim.mark",
  );
  expect(row.quoteExact, "the server kept the exact words").toBe(claim.text);
  return row;
}

export interface EvidenceInput {
  url: string;
  stance: "supports" | "refutes" | "context";
  locator?: string;
  excerpt?: string;
  note?: string;
}

export interface Verdict {
  verdict: "true" | "mostly_true" | "mixed" | "misleading" | "mostly_false" | "false" | "unverifiable";
  rationale: string;
}

/** mark → evidence.attach → claim.setVerdict → claim.changeStatus(in_review), all as `author`. */
export async function claimInReview(
  author: APIRequestContext,
  article: ImportedArticle,
  claim: SeedClaim,
  { verdict, rationale }: Verdict,
  evidence: EvidenceInput = { url: YOUTUBE_SOURCE, stance: "supports", locator: "1:02:03" },
): Promise<ClaimRow> {
  const marked = await markClaim(author, article, claim);
  await ok(await trpcMutation(author, "evidence.attach", { claimId: marked.id, ...evidence }), "evidence.attach");
  const judged = await ok<ClaimRow>(await trpcMutation(author, "claim.setVerdict", { claimId: marked.id, version: marked.version, verdict, rationale }), "claim.setVerdict");
  const sent = await ok<ClaimRow>(await trpcMutation(author, "claim.changeStatus", { claimId: marked.id, version: judged.version, status: "in_review" }), "claim.changeStatus");
  expect(sent.status).toBe("in_review");
  return sent;
}

/** A second editor's approval, which publishes the verdict. */
export async function approveClaim(reviewer: APIRequestContext, claim: ClaimRow, comment = "Checked the recording; the wording matches."): Promise<ClaimRow> {
  const approved = await ok<ClaimRow>(await trpcMutation(reviewer, "claim.review", { claimId: claim.id, version: claim.version, decision: "approve", comment }), "claim.review");
  expect(approved.status).toBe("published");
  return approved;
}

/** Moves a claim to another status (e.g. a published one back to in_review, which withdraws it). */
export async function changeStatus(request: APIRequestContext, claim: ClaimRow, status: "unchecked" | "in_progress" | "in_review"): Promise<ClaimRow> {
  return ok<ClaimRow>(await trpcMutation(request, "claim.changeStatus", { claimId: claim.id, version: claim.version, status }), "claim.changeStatus");
}

/** Everything stored about the claims an editor created on an article, with the text of each claim's own revision. */
export function storedClaimsBy(articleId: number, email: string) {
  return withSql(e2eEnv.databaseUrl, (sql) =>
    sql<{ id: number; quote_exact: string; position_start: number; position_end: number; kind: string; speaker: string | null; body: string }[]>`
      select c.id, c.quote_exact, c.position_start, c.position_end, c.kind, c.speaker, r.body
      from claims c
      join article_revisions r on r.id = c.revision_id
      join users u on u.id = c.created_by
      where c.article_id = ${articleId} and lower(u.email) = lower(${email}) and c.deleted_at is null
      order by c.id`,
  );
}

/**
 * Waits until React has hydrated `element` (its props are attached to the DOM node). Before that, key and
 * selection handlers are not listening yet and a click or key press would be lost.
 */
export async function waitForHydration(element: Locator, what = "the page") {
  await expect(element).toBeVisible();
  await expect
    .poll(() => element.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps$"))), { message: `${what} never hydrated` })
    .toBe(true);
}

/**
 * The claim's words without the quotation marks and trailing comma a quote claim carries, for matching
 * names that put the claim in quotes of their own (“…”), however the page treats the claim's own marks.
 */
export function claimWords(claimText: string, max = 60): string {
  return claimText.replace(/^["“‘']+/, "").replace(/["”’'\s,;:]+$/, "").slice(0, max);
}

/**
 * The reader page's badge for a claim: a button named "<Verdict>: why? Fact-check of: <words>…"
 * (components/reader/claim-badge-button). The claim's highlighted words carry the same name (a <mark>
 * with the button role, claim-text-button); the badge is the one that is a real <button>.
 */
export function readerBadge(page: Page, verdictLabel: string, claimText: string): Locator {
  return page.getByRole("button", { name: new RegExp(`^${escapeRegExp(verdictLabel)}: why\\? Fact-check of: “*${escapeRegExp(claimWords(claimText))}`) }).and(page.locator("button"));
}

/** The reader page's dialog for a claim: named by its heading, the claim in quotes. */
export function readerDialog(page: Page, claimText: string): Locator {
  return page.getByRole("dialog", { name: new RegExp(`^“*${escapeRegExp(claimWords(claimText))}`) });
}

/** Opens a published claim's dialog on the reader page with a click, and waits until it shows the rationale. */
export async function openReaderDialog(page: Page, slug: string, claim: { text: string }, rationale: string): Promise<Locator> {
  await page.goto(`/a/${slug}`);
  const badge = readerBadge(page, "True", claim.text);
  await waitForHydration(badge, "the claim badge");
  await badge.click();
  const dialog = readerDialog(page, claim.text);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(rationale)).toBeVisible();
  return dialog;
}

/**
 * A published article (the seed text) with one published verdict on the first Lavrov quote: set by
 * `author`, approved by `reviewer` (may be the same request context when it is an admin's).
 *
 * The verdict is approved while the article is still a draft, and the article published after: readers
 * never see it without the verdict, so no page render of it can be in flight when the verdict lands
 * (see the report on cache fills racing the approval's cache expiry).
 */
export async function articleWithPublishedClaim(author: APIRequestContext, reviewer: APIRequestContext = author, slugPrefix = "e2e-published") {
  const article = await importArticle(author, { slugPrefix, status: "draft" });
  const claim = seedClaim("“If it depends on Russia");
  const rationale = "Lavrov said these words in a radio videoconference; the recording confirms them word for word.";
  const published = await approveClaim(reviewer, await claimInReview(author, article, claim, { verdict: "true", rationale }));
  await setArticleStatus(author, article, "published");
  return { article, claim, rationale, published };
}
