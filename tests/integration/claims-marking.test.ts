import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articleRevisions, articles, claims } from "@/db/schema";
import type { Database } from "@/db/types";
import seedClaims from "@/lib/import/__fixtures__/seed-claims.json";
import { CONTEXT_LENGTH } from "@/lib/anchoring";
import type { ClaimKind } from "@/lib/claims/workflow";
import { seedDemoArticle } from "@/server/startup/seed-demo";
import { DEMO } from "../../test-support/demo";
import { callerWith, createArticle, eventsOf } from "./claims-fixtures";
import { countRows, createTestUser, inRollback, openTestDatabase, rejectionOf } from "./helpers";

// The demo article is seeded inside a rolled-back transaction (as articles.test.ts does), so it is never
// left behind for other files, which expect to create it themselves.
const { db } = await openTestDatabase();

async function demoArticle(tx: Database) {
  await seedDemoArticle(tx);
  const [row] = await tx
    .select({ id: articles.id, revisionId: articleRevisions.id, body: articleRevisions.body })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .where(eq(articles.slug, DEMO.slug));
  if (!row) throw new Error("demo article not seeded");
  return row;
}

describe("claim.mark on the demo article", () => {
  it("stores every seed claim exactly: quote = body slice = claim text, with adjacent context of at most 32 code units", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const article = await demoArticle(tx);
      const caller = callerWith(tx, editor);
      expect(seedClaims.claims).toHaveLength(18);
      const marked: number[] = [];
      for (const seed of seedClaims.claims) {
        const start = article.body.indexOf(seed.text);
        expect(start, seed.text).toBeGreaterThanOrEqual(0);
        const claim = await caller.claim.mark({
          articleId: article.id, revisionId: article.revisionId, start, end: start + seed.text.length, kind: seed.kind as ClaimKind, speaker: seed.speaker,
        });
        marked.push(claim.id);
        const [row] = await tx.select().from(claims).where(eq(claims.id, claim.id));
        if (!row) throw new Error("claim not stored");
        expect(row.quoteExact).toBe(seed.text);
        expect(article.body.slice(row.positionStart, row.positionEnd)).toBe(seed.text);
        expect([row.positionStart, row.positionEnd]).toEqual([start, start + seed.text.length]);
        expect(row.quotePrefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(row.quoteSuffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        // Adjacent: the prefix ends where the quote starts, the suffix starts where it ends.
        expect(article.body.slice(row.positionStart - row.quotePrefix.length, row.positionStart)).toBe(row.quotePrefix);
        expect(article.body.slice(row.positionEnd, row.positionEnd + row.quoteSuffix.length)).toBe(row.quoteSuffix);
        // Not cut short either: full context unless the body ends first.
        expect(row.quotePrefix.length).toBeGreaterThanOrEqual(Math.min(CONTEXT_LENGTH - 1, row.positionStart));
        expect(row.quoteSuffix.length).toBeGreaterThanOrEqual(Math.min(CONTEXT_LENGTH - 1, article.body.length - row.positionEnd));
        expect(row).toMatchObject({ revisionId: article.revisionId, status: "unchecked", version: 1, createdBy: editor.id, kind: seed.kind });
      }
      const workspace = await caller.claim.workspace({ articleId: article.id });
      expect(workspace.claims.map((c) => c.id).sort((a, b) => a - b)).toEqual(marked);
      expect(workspace.claims.map((c) => c.exact).sort()).toEqual(seedClaims.claims.map((c) => c.text).sort());
    }));

  it("snaps a mid-word selection to whole words, and a sloppy one with surrounding whitespace", () =>
    inRollback(db, async (tx) => {
      const caller = callerWith(tx, await createTestUser(tx, "editor"));
      const article = await demoArticle(tx);
      const phrase = "Moscow has amassed some 100,000";
      const at = article.body.indexOf(phrase);
      // "scow has amassed some 100,0": starts inside "Moscow", ends inside "100,000".
      const snapped = await caller.claim.mark({ articleId: article.id, revisionId: article.revisionId, start: at + 2, end: at + phrase.length - 2, kind: "statistic" });
      expect(snapped).toMatchObject({ quoteExact: phrase, positionStart: at, positionEnd: at + phrase.length });

      const sentence = "He accused Western governments “hysterically advancing” the threat of Russia invading Ukraine.";
      const start = article.body.indexOf(sentence);
      expect(article.body.slice(start - 2, start)).toBe("\n\n");
      const sloppy = await caller.claim.mark({ articleId: article.id, revisionId: article.revisionId, start: start - 2, end: start + sentence.length, kind: "quote" });
      expect(sloppy).toMatchObject({ quoteExact: sentence, positionStart: start, positionEnd: start + sentence.length });
    }));

  it("a whitespace-only selection or one past the end is a BAD_REQUEST and writes nothing", () =>
    inRollback(db, async (tx) => {
      const caller = callerWith(tx, await createTestUser(tx, "editor"));
      const article = await demoArticle(tx);
      const gap = article.body.indexOf("\n\n");
      const space = article.body.indexOf(" ");
      const before = await countRows(tx, "claims");
      const base = { articleId: article.id, revisionId: article.revisionId, kind: "event" as const };
      const blank = await rejectionOf(caller.claim.mark({ ...base, start: gap, end: gap + 2 }));
      expect(blank).toMatchObject({ code: "BAD_REQUEST" });
      expect((blank as Error).message).toMatch(/not just spaces/);
      expect(await rejectionOf(caller.claim.mark({ ...base, start: space, end: space + 1 }))).toMatchObject({ code: "BAD_REQUEST" });
      expect(await rejectionOf(caller.claim.mark({ ...base, start: 0, end: article.body.length + 1 }))).toMatchObject({ code: "BAD_REQUEST" });
      // A start beyond the text (end within it) is the client's mistake too, not a server error.
      expect(await rejectionOf(caller.claim.mark({ ...base, start: article.body.length + 5, end: 3 }))).toMatchObject({ code: "BAD_REQUEST" });
      expect(await countRows(tx, "claims")).toBe(before);
    }));

  it("a stale revisionId is a CONFLICT; the current one works", () =>
    inRollback(db, async (tx) => {
      const caller = callerWith(tx, await createTestUser(tx, "editor"));
      const article = await demoArticle(tx);
      // Another revision becomes current (no service edits text yet, so it is written directly).
      const [next] = await tx
        .insert(articleRevisions)
        .values({ articleId: article.id, body: `Updated. ${article.body}`, note: "copy edit" })
        .returning({ id: articleRevisions.id });
      await tx.update(articles).set({ currentRevisionId: next!.id }).where(eq(articles.id, article.id));
      const before = await countRows(tx, "audit_events");

      const stale = await rejectionOf(caller.claim.mark({ articleId: article.id, revisionId: article.revisionId, start: 0, end: 6, kind: "event" }));
      expect(stale).toMatchObject({ code: "CONFLICT" });
      expect((stale as Error).message).toMatch(/changed since you opened it/);
      expect(await countRows(tx, "audit_events")).toBe(before);
      const fresh = await caller.claim.mark({ articleId: article.id, revisionId: next!.id, start: 0, end: 7, kind: "event" });
      expect(fresh).toMatchObject({ revisionId: next!.id, quoteExact: "Updated" });
    }));

  it("overlapping and nested claims are allowed and each is logged once", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const article = await createArticle(tx);
      const caller = callerWith(tx, editor);
      const spans = ["Ninety percent of voters back the plan", "voters back the plan, the minister said", "back the plan"];
      const ids: number[] = [];
      for (const text of spans) {
        const start = article.body.indexOf(text);
        const claim = await caller.claim.mark({ articleId: article.id, revisionId: article.revisionId, start, end: start + text.length, kind: "attribution" });
        expect(claim.quoteExact).toBe(text);
        ids.push(claim.id);
        expect((await eventsOf(tx, claim.id)).map((e) => e.action)).toEqual(["claim.created"]);
      }
      const { claims: listed } = await caller.claim.workspace({ articleId: article.id });
      expect(listed.map((c) => c.exact)).toEqual(spans); // text order: by start, then end
      expect(listed.map((c) => c.id)).toEqual(ids);
    }));
});
