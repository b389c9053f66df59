import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/routers/_app";
import { serveArticlePage } from "./article-page";
import { callerFor, createTestUser, inRollback, openTestDatabase, rejectionOf, tableFingerprints, uniqueName } from "./helpers";

// The "New article" page's server side: article.preview and article.fetchFromUrl write nothing, refuse bad
// input with a message a person can act on, and the import refuses a taken slug without writing.

const { db } = await openTestDatabase();

// /article is a page (article-page.ts); /photo an image; /broken HTML with no article; /metadata a redirect to
// the cloud metadata address; anything else a 404.
const { url: page, port } = await serveArticlePage({
  "/photo": (res) => void res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  "/broken": (res) => void res.writeHead(200, { "content-type": "text/html" }).end("<html><body><div"),
  "/metadata": (res) => void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
});

/** Runs `fn` as a new editor and checks that not a single row changed in the database. */
const writingNothing = (fn: (caller: ReturnType<typeof callerFor>) => Promise<void>) =>
  inRollback(db, async (tx) => {
    const caller = callerFor(tx, await createTestUser(tx, "editor"));
    const before = await tableFingerprints(tx);
    await fn(caller);
    expect(await tableFingerprints(tx)).toEqual(before);
  });

describe("article.preview", () => {
  it("shows the importer's paragraphs, source links and teasers, derives the slug, and writes nothing", () =>
    writingNothing(async (caller) => {
      const text = "Some 100,000 troops\nare at the border.\n\nRelated article: Troops At The Border\n\nhttps://example.com/news/troops-at-the-border\nhttps://www.youtube.com/watch?v=abc\n";
      const preview = await caller.article.preview({ text, title: "Troops: at the border?" });
      expect(preview).toEqual({
        paragraphs: ["Some 100,000 troops are at the border."],
        sourceUrls: ["https://example.com/news/troops-at-the-border", "https://www.youtube.com/watch?v=abc"],
        relatedLinks: [{ title: "Troops At The Border", url: "https://example.com/news/troops-at-the-border" }],
        characters: 38,
        slug: "troops-at-the-border",
        slugTaken: false,
      });
    }));

  it("says when the slug is taken, and the import then refuses it with a message and writes nothing", () =>
    inRollback(db, async (tx) => {
      const caller = callerFor(tx, await createTestUser(tx, "editor"));
      const slug = uniqueName("taken");
      await caller.article.import({ title: "First", slug, text: "A paragraph." });
      expect(await caller.article.preview({ text: "Another paragraph.", slug })).toMatchObject({ slug, slugTaken: true });
      const before = await tableFingerprints(tx);
      const error = await rejectionOf(caller.article.import({ title: "Second", slug, text: "Another paragraph." }));
      expect(error).toMatchObject({ code: "CONFLICT", message: `An article with the link /a/${slug} already exists. Choose another slug.` });
      expect(await tableFingerprints(tx)).toEqual(before);
    }));

  it("refuses text with no paragraphs, and text over 1 MB, as BAD_REQUEST with a message", () =>
    writingNothing(async (caller) => {
      expect(await rejectionOf(caller.article.preview({ text: "\n\nhttps://example.com/only-a-link\n" }))).toMatchObject({
        code: "BAD_REQUEST",
        message: "The text has no paragraphs to import (only blank lines or links).",
      });
      expect(await rejectionOf(caller.article.preview({ text: "x".repeat(1_000_001) }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("over 1 MB") });
    }));
});

describe("article.fetchFromUrl", () => {
  it("fetches the page through the safe fetcher, extracts it with Readability, keeps the address as typed, and writes nothing", () =>
    writingNothing(async (caller) => {
      const typed = page("/article");
      const fetched = await caller.article.fetchFromUrl({ url: typed });
      expect(fetched).toMatchObject({ originalUrl: typed, finalUrl: typed, title: "Troops at the border", publisherName: "Example Times", publishedOn: "2022-01-28" });
      const preview = await caller.article.preview({ text: fetched.text, title: fetched.title ?? "" });
      expect(preview.paragraphs).toEqual([
        "Moscow has amassed some 100,000 troops near the border, officials said on Friday, in a statement that was widely reported.",
        "“There won’t be a war,” the minister said.",
      ]);
      // The relative link is resolved against the page's own address.
      expect(preview.sourceUrls).toEqual([page("/report"), "https://www.example.org/2022/minister"]);
      expect(fetched.publisherDomain).toBe("articles.test");
    }));

  it("refuses a 404, an image, a page with no article and a redirect to the metadata address, each with a message and no write", () =>
    writingNothing(async (caller) => {
      const refusals = await Promise.all(["/missing", "/photo", "/broken", "/metadata"].map((path) => rejectionOf(caller.article.fetchFromUrl({ url: page(path) }))));
      expect(refusals.map((error) => (error as { code: string }).code)).toEqual(["BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST"]);
      const messages = refusals.map((error) => (error as Error).message);
      expect(messages[0]).toMatch(/^The page answered HTTP 404/);
      expect(messages[1]).toMatch(/^The page could not be fetched: .*image\/png/);
      expect(messages[2]).toMatch(/^No article text was found/);
      expect(messages[3]).toMatch(/^The page could not be fetched: .*169\.254\.169\.254/);
    }));

  it("without the test-only allow-list, the production fetcher refuses a loopback address", () =>
    inRollback(db, async (tx) => {
      const caller = createCaller({ db: tx, actor: await createTestUser(tx, "editor"), requestId: "test-production-fetcher" });
      expect(await rejectionOf(caller.article.fetchFromUrl({ url: `http://127.0.0.1:${port}/article` }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^The page could not be fetched/) });
    }));
});
