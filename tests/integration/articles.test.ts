import { getErrorShape, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articleRevisions, articleSources, articles, claims, sources } from "@/db/schema";
import { appRouter } from "@/server/routers/_app";
import { prepareDatabase } from "@/server/startup/prepare-database";
import { seedDemoArticle } from "@/server/startup/seed-demo";
import type { ImportArticleInput } from "@/server/services/article/import-article";
import {
  anonymousActor, callerFor, createTestUser, envWith, inRollback, openTestDatabase, rejectionOf, tableFingerprints, TEST_PASSWORD, uniqueEmail, uniqueName,
} from "./helpers";
import { DEMO } from "../../test-support/demo";

// Every test runs in a rolled-back snapshot (inRollback), so whole-table fingerprints are stable while
// other files write to the shared database, and the demo article is never left behind for them.
const handle = await openTestDatabase();
const { db } = handle;

/** The error shape a client would receive over HTTP: this app's errorFormatter applied to the error. */
function clientShape(error: unknown) {
  if (!(error instanceof TRPCError)) throw error;
  return getErrorShape({ config: appRouter._def._config, error, type: "mutation", path: "article.import", input: undefined, ctx: undefined });
}

describe("demo article", () => {
  it("is imported with 16 paragraphs, the related teaser kept out of the body and YouTube deduplicated", () =>
    inRollback(db, async (tx) => {
      expect(await seedDemoArticle(tx)).toBe("created");
      const article = await callerFor(tx, anonymousActor).article.bySlug({ slug: DEMO.slug });
      expect(article.paragraphs).toHaveLength(16);
      expect(article.publisherName).toBe("The Moscow Times");
      expect(article.relatedLinks).toHaveLength(1);
      expect(article.body).not.toContain("Related article");
      expect(article.body).not.toMatch(/https?:\/\//);
      // The video URL appears twice in the text; the article cites it once, next to the related article's page.
      expect(article.citedSources).toHaveLength(2);
      expect(article.citedSources.filter((s) => s.type === "video")).toHaveLength(1);
      expect(new Set(article.citedSources.map((s) => s.url)).size).toBe(2);
      const listed = await callerFor(tx, anonymousActor).article.listPublished();
      expect(listed.map((a) => a.slug)).toContain(DEMO.slug);
    }));

  it("seeding again, or preparing the database twice, changes no rows", () =>
    inRollback(db, async (tx) => {
      const env = envWith({ ADMIN_EMAIL: uniqueEmail("first-admin"), ADMIN_PASSWORD: TEST_PASSWORD });
      await seedDemoArticle(tx);
      const afterSeed = await tableFingerprints(tx);
      expect(await seedDemoArticle(tx)).toBe("present");
      expect(await tableFingerprints(tx)).toEqual(afterSeed);

      const log: string[] = [];
      const txHandle = { ...handle, db: tx }; // migrations run on the pool (already applied: a no-op)
      await prepareDatabase(txHandle, env, (line) => log.push(line));
      const afterFirstStart = await tableFingerprints(tx);
      const linesAfterFirstStart = log.length;
      await prepareDatabase(txHandle, env, (line) => log.push(line));
      expect(await tableFingerprints(tx)).toEqual(afterFirstStart);
      expect(log).toHaveLength(linesAfterFirstStart);
    }));
});

describe("article procedures", () => {
  const draftInput = (slug: string): ImportArticleInput => ({ title: "A draft", slug, text: "First paragraph.\n\nSecond paragraph." });

  it("a draft is not found for anonymous callers and readers, and visible to editors", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const reader = await createTestUser(tx, "reader");
      const slug = uniqueName("draft");
      await callerFor(tx, editor).article.import(draftInput(slug));

      const missing = await rejectionOf(callerFor(tx, anonymousActor).article.bySlug({ slug: uniqueName("never-existed") }));
      for (const actor of [anonymousActor, reader]) {
        const error = await rejectionOf(callerFor(tx, actor).article.bySlug({ slug }));
        expect(error).toMatchObject({ code: "NOT_FOUND" });
        // Same answer as for a slug that never existed: a guessed slug reveals nothing.
        expect((error as Error).message).toBe((missing as Error).message);
      }
      const seen = await callerFor(tx, editor).article.bySlug({ slug });
      expect(seen.status).toBe("draft");
      expect(seen.paragraphs.map((p) => p.text)).toEqual(["First paragraph.", "Second paragraph."]);
      expect((await callerFor(tx, anonymousActor).article.listPublished()).map((a) => a.slug)).not.toContain(slug);
    }));

  it("dashboard counts live claims per status and ignores deleted ones", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const withClaims = await callerFor(tx, editor).article.import(draftInput(uniqueName("claims")));
      const withoutClaims = await callerFor(tx, editor).article.import(draftInput(uniqueName("no-claims")));
      const claim = { articleId: withClaims.id, revisionId: withClaims.revisionId, quoteExact: "First", positionStart: 0, positionEnd: 5, kind: "quote" as const };
      await tx.insert(claims).values([
        claim,
        { ...claim, status: "in_progress" },
        { ...claim, status: "in_progress" },
        { ...claim, deletedAt: new Date() },
        { ...claim, status: "in_review", deletedAt: new Date() },
      ]);

      const rows = (await callerFor(tx, editor).article.dashboard()).items;
      expect(rows.find((r) => r.id === withClaims.id)).toMatchObject({
        claimCount: 3, uncheckedCount: 1, inProgressCount: 2, inReviewCount: 0, publishedCount: 0, status: "draft",
      });
      expect(rows.find((r) => r.id === withoutClaims.id)).toMatchObject({ claimCount: 0, uncheckedCount: 0 });
    }));

  it("import writes the article, its first revision and its cited sources together", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const slug = uniqueName("sourced");
      const url = `https://example.org/${slug}/report`;
      const result = await callerFor(tx, editor).article.import({
        title: "Sourced", slug, status: "published", text: `A claim.\n${url}\n\nAnother claim.\n${url}?utm_source=x`,
      });
      expect(result).toMatchObject({ slug, paragraphCount: 2, sourceCount: 1 });

      const [article] = await tx.select().from(articles).where(eq(articles.id, result.id));
      expect(article?.currentRevisionId).toBe(result.revisionId);
      expect(article?.createdBy).toBe(editor.id);
      const revisions = await tx.select().from(articleRevisions).where(eq(articleRevisions.articleId, result.id));
      expect(revisions.map((r) => r.body)).toEqual(["A claim.\n\nAnother claim."]);
      const cited = await tx
        .select({ url: sources.canonicalUrl, originals: sources.originalUrls })
        .from(articleSources)
        .innerJoin(sources, eq(sources.id, articleSources.sourceId))
        .where(eq(articleSources.articleId, result.id));
      expect(cited).toEqual([{ url, originals: [url] }]);
    }));

  it("a duplicate slug is a CONFLICT naming the slug, and writes nothing", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const slug = uniqueName("taken");
      await callerFor(tx, editor).article.import(draftInput(slug));
      const before = await tableFingerprints(tx);

      const error = await rejectionOf(callerFor(tx, editor).article.import({ ...draftInput(slug), text: "Other text.\n\nhttps://example.net/x" }));
      expect(error).toMatchObject({ code: "CONFLICT" });
      expect((error as Error).message).toContain(slug);
      expect(await tableFingerprints(tx)).toEqual(before);
      expect(await tx.select().from(articles).where(and(eq(articles.slug, slug), eq(articles.title, "A draft")))).toHaveLength(1);
    }));

  it.each([
    { problem: "empty text", input: { text: "" }, field: "text" },
    { problem: "text without paragraphs", input: { text: "  \n\n \t\n" }, field: null },
    { problem: "a javascript: original URL", input: { originalUrl: "javascript:alert(1)" }, field: "originalUrl" },
    { problem: "an impossible date", input: { publishedOn: "2022-13-01" }, field: "publishedOn" },
  ])("import with $problem is a BAD_REQUEST a person can read, without a stack", ({ input, field }) =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const before = await tableFingerprints(tx);
      const error = await rejectionOf(callerFor(tx, editor).article.import({ ...draftInput(uniqueName("bad")), ...input }));

      expect(error).toBeInstanceOf(TRPCError);
      expect(getHTTPStatusCodeFromError(error as TRPCError)).toBe(400);
      const shape = clientShape(error);
      expect(shape.data.code).toBe("BAD_REQUEST");
      expect(shape.message).not.toMatch(/^\s*[[{]/); // not a JSON dump of validation issues
      if (field) {
        expect(shape.message).toContain(`${field}:`);
        expect(shape.data.fields).toEqual([field]);
      }
      expect(JSON.stringify(shape)).not.toMatch(/stack|\n\s+at |\.ts:\d+/);
      expect(await tableFingerprints(tx)).toEqual(before);
    }));

  it("editors publish and unpublish with setStatus", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const slug = uniqueName("status");
      const { id } = await callerFor(tx, editor).article.import(draftInput(slug));
      const publicView = callerFor(tx, anonymousActor);

      expect(await callerFor(tx, editor).article.setStatus({ articleId: id, status: "published" })).toEqual({ id, slug, status: "published" });
      expect((await publicView.article.listPublished()).map((a) => a.slug)).toContain(slug);
      expect((await publicView.article.bySlug({ slug })).status).toBe("published");

      await callerFor(tx, editor).article.setStatus({ articleId: id, status: "draft" });
      expect(await rejectionOf(publicView.article.bySlug({ slug }))).toMatchObject({ code: "NOT_FOUND" });
      const [lastId] = await tx.select({ id: articles.id }).from(articles).orderBy(articles.id).limit(1);
      expect(await rejectionOf(callerFor(tx, editor).article.setStatus({ articleId: (lastId?.id ?? 0) + 1_000_000, status: "draft" }))).toMatchObject({ code: "NOT_FOUND" });
    }));
});
