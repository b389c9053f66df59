import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articles, articleSources, evidence, publishers, sources } from "@/db/schema";
import { seedDemoArticle } from "@/server/startup/seed-demo";
import { DEMO } from "../../test-support/demo";
import { callerWith, claimInReview, createArticle, eventsOf, mark } from "./claims-fixtures";
import { countRows, createTestUser, inRollback, openTestDatabase, rejectionOf, tableFingerprints, uniqueName } from "./helpers";

const { db } = await openTestDatabase();

describe("evidence.attach", () => {
  it("a pasted URL is canonicalised and reuses the demo article's YouTube source: no new source row", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      await seedDemoArticle(tx); // inside the rolled-back snapshot, as articles.test.ts does
      const [demo] = await tx.select({ id: articles.id, revisionId: articles.currentRevisionId }).from(articles).where(eq(articles.slug, DEMO.slug));
      const [video] = await tx
        .select({ id: sources.id, url: sources.canonicalUrl })
        .from(articleSources)
        .innerJoin(sources, eq(sources.id, articleSources.sourceId))
        .where(eq(articleSources.articleId, demo!.id))
        .then((rows) => rows.filter((s) => s.url.includes("youtube")));
      const claim = await callerWith(tx, editor).claim.mark({ articleId: demo!.id, revisionId: demo!.revisionId!, start: 0, end: 6, kind: "event" });
      const sourcesBefore = await countRows(tx, "sources");

      const caller = callerWith(tx, editor).evidence;
      const share = await caller.attach({ claimId: claim.id, url: "https://youtu.be/cxghDz524HQ?t=5", stance: "supports", locator: "0:05" });
      const watch = await caller.attach({ claimId: claim.id, url: "https://www.youtube.com/watch?v=cxghDz524HQ", stance: "context" });
      expect(share.sourceId).toBe(video!.id);
      expect(watch.sourceId).toBe(video!.id);
      expect(share.source.canonicalUrl).toBe("https://youtube.com/watch?v=cxghDz524HQ");
      expect(await countRows(tx, "sources")).toBe(sourcesBefore);
      // The new spelling is remembered on the existing source.
      const [row] = await tx.select({ originals: sources.originalUrls }).from(sources).where(eq(sources.id, video!.id));
      expect(row?.originals).toContain("https://youtu.be/cxghDz524HQ?t=5");
      expect((await eventsOf(tx, claim.id)).map((e) => e.action)).toEqual(["claim.created", "evidence.added", "evidence.added"]);
    }));

  it("by sourceId links the registry source; stance, excerpt, locator and note are stored", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const claim = await mark(tx, editor, await createArticle(tx), "Ninety percent");
      const [source] = await tx.insert(sources).values({ canonicalUrl: `https://example.org/${uniqueName("registry")}`, title: "Registry entry" }).returning();
      const link = await callerWith(tx, editor).evidence.attach({ claimId: claim.id, sourceId: source!.id, stance: "refutes", excerpt: " 8 billion ", locator: "p. 12", note: "Ask the ministry" });
      expect(link).toMatchObject({ claimId: claim.id, sourceId: source!.id, stance: "refutes", excerpt: "8 billion", locator: "p. 12", note: "Ask the ministry", createdBy: editor.id });
      const detail = await callerWith(tx, editor).claim.detail({ claimId: claim.id });
      expect(detail.evidence).toEqual([expect.objectContaining({ id: link.id, sourceId: source!.id, sourceTitle: "Registry entry", note: "Ask the ministry" })]);
      // A merged duplicate stands for the source it was merged into.
      const [duplicate] = await tx.insert(sources).values({ canonicalUrl: `https://example.org/${uniqueName("dup")}`, mergedIntoId: source!.id }).returning();
      const viaDuplicate = await callerWith(tx, editor).evidence.attach({ claimId: claim.id, sourceId: duplicate!.id, stance: "supports" });
      expect(viaDuplicate.sourceId).toBe(source!.id);
    }));

  it("both a URL and a sourceId, neither, an unknown source or a javascript: URL are refused with a readable message", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const claim = await mark(tx, editor, await createArticle(tx), "The budget grew");
      const [source] = await tx.insert(sources).values({ canonicalUrl: `https://example.org/${uniqueName("both")}` }).returning();
      const caller = callerWith(tx, editor).evidence;
      const before = await tableFingerprints(tx);
      const base = { claimId: claim.id, stance: "supports" as const };
      for (const input of [{ ...base, url: "https://example.org/x", sourceId: source!.id }, base]) {
        const error = await rejectionOf(caller.attach(input));
        expect(error).toMatchObject({ code: "BAD_REQUEST" });
        expect((error as Error).message).toMatch(/Paste a URL or pick a source/);
      }
      const script = await rejectionOf(caller.attach({ ...base, url: "javascript:alert(1)" }));
      expect(script).toMatchObject({ code: "BAD_REQUEST" });
      expect((script as Error).message).toBe('"javascript:alert(1)" is not a web address: only http and https links can be sources');
      expect(await rejectionOf(caller.attach({ ...base, url: "not a link" }))).toMatchObject({ code: "BAD_REQUEST" });
      expect(await rejectionOf(caller.attach({ ...base, sourceId: 2_000_000_000 }))).toMatchObject({ code: "NOT_FOUND" });
      expect(await tableFingerprints(tx)).toEqual(before);
    }));
});

describe("evidence while the claim is in review or published", () => {
  it("is frozen: attach, update and remove are CONFLICTs; back in progress it can change again", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const reviewer = callerWith(tx, await createTestUser(tx, "editor"));
      const caller = callerWith(tx, author);
      const { claim, evidence: link } = await claimInReview(tx, author, await createArticle(tx));
      const published = await reviewer.claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "Checked." });

      // One at a time: calls on one transaction must not overlap.
      const attempts = [
        () => caller.evidence.attach({ claimId: claim.id, url: "https://example.org/late", stance: "supports" }),
        () => caller.evidence.update({ evidenceId: link.id, version: link.version, note: "changed" }),
        () => caller.evidence.remove({ evidenceId: link.id, version: link.version }),
      ];
      const expectFrozen = async () => {
        const before = await tableFingerprints(tx);
        for (const attempt of attempts) {
          const error = await rejectionOf(attempt());
          expect(error).toMatchObject({ code: "CONFLICT" });
          expect((error as Error).message).toMatch(/frozen/);
        }
        expect(await tableFingerprints(tx)).toEqual(before);
      };
      await expectFrozen(); // published
      const withdrawn = await caller.claim.changeStatus({ claimId: claim.id, version: published.version, status: "in_review" });
      await expectFrozen(); // in review
      await caller.claim.changeStatus({ claimId: claim.id, version: withdrawn.version, status: "in_progress" });
      const updated = await caller.evidence.update({ evidenceId: link.id, version: link.version, note: "changed" });
      expect(updated).toMatchObject({ note: "changed", version: link.version + 1 });
      await caller.evidence.remove({ evidenceId: link.id, version: updated.version });
      const [row] = await tx.select().from(evidence).where(eq(evidence.id, link.id));
      expect(row?.deletedAt).toBeInstanceOf(Date);
      expect((await caller.claim.detail({ claimId: claim.id })).evidence).toEqual([]);
    }));
});

describe("source.search", () => {
  it("finds by title, URL or publisher name, hides merged duplicates and takes % and _ literally", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const search = (query: string) => callerWith(tx, editor).source.search({ query }).then((rows) => rows.map((r) => r.id));
      const tag = uniqueName("zq").replace("-", "");
      const [publisher] = await tx.insert(publishers).values({ domain: `${tag}.example`, name: `${tag} Gazette` }).returning();
      const [byTitle, byUrl, byPublisher, percent, underscore, merged] = await tx
        .insert(sources)
        .values([
          { canonicalUrl: `https://example.org/${tag}/a`, title: `Budget report ${tag}` },
          { canonicalUrl: `https://example.org/${tag}-only-in-url` },
          { canonicalUrl: `https://example.org/${tag}/c`, publisherId: publisher!.id },
          { canonicalUrl: `https://example.org/${tag}/d`, title: `${tag} 100% sure` },
          { canonicalUrl: `https://example.org/${tag}/e`, title: `${tag} a_b` },
          { canonicalUrl: `https://example.org/${tag}/f`, title: `Budget report ${tag} (copy)` },
        ])
        .returning();
      await tx.update(sources).set({ mergedIntoId: byTitle!.id }).where(eq(sources.id, merged!.id));

      expect(await search(`Budget report ${tag}`)).toEqual([byTitle!.id]);
      expect(await search(`${tag}-only-in`)).toEqual([byUrl!.id]);
      expect(await search(`${tag} gazette`)).toEqual([byPublisher!.id]);
      const byId = (a: number, b: number) => a - b;
      expect((await search(tag)).sort(byId)).toEqual([byTitle, byUrl, byPublisher, percent, underscore].map((s) => s!.id).sort(byId));
      // Unescaped, "%" and "_" would be wildcards matching every source of this test.
      expect(await search(`${tag} 100%`)).toEqual([percent!.id]);
      expect(await search(`${tag} a_b`)).toEqual([underscore!.id]);
      expect(await search(`${tag}%`)).toEqual([]);
      expect(await search(`${tag}_`)).toEqual([]);
    }));
});
