import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articleRevisions, articles, claimVectors } from "@/db/schema";
import type { Database } from "@/db/types";
import { MARK_END, MARK_START, splitHighlights } from "@/lib/search/highlight";
import { seedDemoArticle } from "@/server/startup/seed-demo";
import { DEMO } from "../../test-support/demo";
import { callerWith, claimInReview, createArticle, mark, namedUser, publishedClaim, type TestArticle } from "./claims-fixtures";
import { anonymousActor, inRollback, openTestDatabase, query } from "./helpers";

const { db } = await openTestDatabase();

async function demoArticle(tx: Database): Promise<TestArticle> {
  await seedDemoArticle(tx);
  const [row] = await tx
    .select({ id: articles.id, slug: articles.slug, revisionId: articleRevisions.id, body: articleRevisions.body })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .where(eq(articles.slug, DEMO.slug));
  return row!;
}

/** The seed's troop-number sentence, as the body spells it (line breaks included). */
function troopSentence(body: string): string {
  const match = /Moscow has amassed some 100,000 troops[^.]*Crimea\./.exec(body);
  if (!match) throw new Error("troop sentence not in the demo body");
  return match[0];
}

const hits = (marked: string) => splitHighlights(marked).filter((s) => s.hit).map((s) => s.text.toLowerCase());

describe("search", () => {
  it('finds the seed\'s YouTube source from "youtub cxgh", for editors and (as the article cites it) for readers', () =>
    inRollback(db, async (tx) => {
      await demoArticle(tx);
      const editor = await namedUser(tx, "editor", "Searcher");
      for (const actor of [editor, anonymousActor]) {
        const result = await callerWith(tx, actor).search.query({ q: "youtub cxgh" });
        const youtube = result.sources.find((s) => s.url.includes("cxghDz524HQ"));
        expect(youtube, JSON.stringify(result.sources)).toBeDefined();
        expect(hits(youtube!.urlSnippet)).toEqual(["youtub", "cxgh"]);
      }
      // A misspelling still finds it through trigrams.
      const misspelt = await callerWith(tx, editor).search.query({ q: "youtubr cxghDz524HQ", type: "source" });
      expect(misspelt.sources.some((s) => s.url.includes("cxghDz524HQ"))).toBe(true);
    }));

  it('finds the troop-number claim from "100000 troops crimea"; readers only once it is published', () =>
    inRollback(db, async (tx) => {
      const demo = await demoArticle(tx);
      const author = await namedUser(tx, "editor", "Author");
      const reviewer = await namedUser(tx, "editor", "Reviewer");
      const text = troopSentence(demo.body);
      const { claim } = await claimInReview(tx, author, demo, { text, rationale: "Western intelligence estimates put the number near 100,000." });

      const editorView = await callerWith(tx, author).search.query({ q: "100000 troops crimea" });
      const found = editorView.claims.find((c) => c.id === claim.id);
      expect(found, JSON.stringify(editorView.claims)).toBeDefined();
      expect(editorView.claims[0]!.id).toBe(claim.id);
      expect(hits(found!.snippet)).toEqual(expect.arrayContaining(["100", "000", "troops", "crimea"]));
      expect(found!.status).toBe("in_review");

      const reader = await namedUser(tx, "reader", "Reader");
      for (const actor of [anonymousActor, reader]) {
        expect((await callerWith(tx, actor).search.query({ q: "100000 troops crimea" })).claims).toEqual([]);
      }
      await callerWith(tx, reviewer).claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "Matches the estimates." });
      const readerView = await callerWith(tx, reader).search.query({ q: "100000 troops crimea" });
      expect(readerView.claims.map((c) => c.id)).toEqual([claim.id]);
      expect(readerView.claims[0]).toMatchObject({ verdict: "false", status: null, articleSlug: DEMO.slug });
    }));

  it("a reader's search never returns a draft, an unpublished verdict or rationale, or an editor note", () =>
    inRollback(db, async (tx) => {
      const word = `zebra${randomUUID().slice(0, 8).replace(/\d/g, "q")}`;
      const editor = await namedUser(tx, "editor", "Editor");
      const other = await namedUser(tx, "editor", "Other");
      const reader = await namedUser(tx, "reader", "Reader");
      // A draft article whose title and body carry the word.
      await createArticle(tx, { status: "draft", text: `The ${word} figure is in this draft.\n\nNinety percent of voters back it.` });
      // A published article with a claim in review (rationale and evidence note carry the word) and an unchecked claim.
      const published = await createArticle(tx);
      await claimInReview(tx, editor, published, { rationale: `The ${word} report shows otherwise, clearly.`, note: `Editor note ${word}.` });
      await mark(tx, editor, published, "Critics called the figures misleading", { speaker: `Speaker ${word}` });
      // A published claim elsewhere: its own rationale is public, and only it may come back.
      const elsewhere = await createArticle(tx);
      const { claim: publicClaim } = await publishedClaim(tx, editor, other, elsewhere, { text: "The budget grew by 12 billion euros", rationale: `The ${word} ministry report shows a rise of 8 billion.` });

      const editorView = await callerWith(tx, editor).search.query({ q: word });
      expect(editorView.claims.length).toBe(3);
      expect(editorView.articles.length).toBe(1);
      for (const actor of [anonymousActor, reader]) {
        const view = await callerWith(tx, actor).search.query({ q: word });
        expect(view.articles).toEqual([]);
        expect(view.sources).toEqual([]);
        expect(view.claims.map((c) => c.id)).toEqual([publicClaim.id]);
        expect(view.claims[0]!.rationaleSnippet).toContain(word);
        // Asking for other statuses changes nothing for the public.
        expect((await callerWith(tx, actor).search.query({ q: word, status: "in_review" })).claims.map((c) => c.id)).toEqual([publicClaim.id]);
        expect(JSON.stringify(view)).not.toContain("Editor note");
      }
    }));

  it("filters by type, verdict, status, speaker and date range", () =>
    inRollback(db, async (tx) => {
      const word = `okapi${randomUUID().slice(0, 8).replace(/\d/g, "x")}`;
      const editor = await namedUser(tx, "editor", "Editor");
      const article = await createArticle(tx, { text: `Ninety percent of ${word} voters back the plan.\n\nThe ${word} budget grew by 12 billion euros.` });
      const a = await mark(tx, editor, article, `Ninety percent of ${word} voters`, { speaker: "Sergei Lavrov" });
      const b = await mark(tx, editor, article, `The ${word} budget grew`, { speaker: "Dmitry Peskov" });
      await callerWith(tx, editor).claim.setVerdict({ claimId: b.id, version: b.version, verdict: "mixed", rationale: "Partly right, as the report shows." });
      const search = (extra: object) => callerWith(tx, editor).search.query({ q: word, ...extra });

      expect((await search({})).articles).toHaveLength(1);
      expect((await search({ type: "claim" })).articles).toEqual([]);
      expect((await search({ verdict: "mixed" })).claims.map((c) => c.id)).toEqual([b.id]);
      expect((await search({ status: "unchecked" })).claims.map((c) => c.id)).toEqual([a.id]);
      expect((await search({ speaker: "lavrov" })).claims.map((c) => c.id)).toEqual([a.id]);
      expect((await search({ speaker: "Peskow" })).claims.map((c) => c.id)).toEqual([b.id]); // misspelt, by trigrams
      expect((await search({ q: `${word} lavrov` })).claims.map((c) => c.id)).toEqual([]); // every term in one field
      const today = new Date().toISOString().slice(0, 10);
      expect((await search({ type: "claim", from: today, to: today })).claims).toHaveLength(2);
      expect((await search({ type: "claim", to: "2001-01-01" })).claims).toEqual([]);
      await expect(search({ from: "2024-02-01", to: "2024-01-01" })).rejects.toThrow(/start date/);
    }));

  it("snippets carry only our markers: stored markup stays text, stored markers are removed", () =>
    inRollback(db, async (tx) => {
      const word = `quokka${randomUUID().slice(0, 6).replace(/\d/g, "z")}`;
      const editor = await namedUser(tx, "editor", "Editor");
      const text = `<b onclick="x">${word}</b> ${MARK_START}rose${MARK_END} sharply.`;
      const article = await createArticle(tx, { text });
      const claim = await mark(tx, editor, article, article.body.slice(0, article.body.indexOf(" sharply")));
      const [found] = (await callerWith(tx, editor).search.query({ q: word, type: "claim" })).claims;
      expect(found!.id).toBe(claim.id);
      expect(splitHighlights(found!.snippet)).toEqual([
        { text: '<b onclick="x">', hit: false },
        { text: word, hit: true },
        { text: "</b> rose", hit: false },
      ]);
    }));

  it("the claim search uses the GIN index on the stored quote vector", () =>
    inRollback(db, async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = await query<{ "QUERY PLAN": string }>(
        tx,
        sql`explain select id from claims where ${claimVectors.quote} @@ to_tsquery('english', 'troop')`,
      );
      expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("claims_quote_exact_fts_idx");
    }));
});
