import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { evidence, sources } from "@/db/schema";
import { expiryKeysFor } from "@/server/http/public-change";
import { callerWith, createArticle, publishedClaim, recordingCache, claimInReview } from "./claims-fixtures";
import { createTestUser, inRollback, openTestDatabase } from "./helpers";

// What a change expires (docs/decisions/0040): the keys are worked out from the database, so this runs on it.
const { db } = await openTestDatabase();

async function sourceOf(tx: Parameters<typeof expiryKeysFor>[0], evidenceId: number) {
  const [row] = await tx.select({ sourceId: evidence.sourceId, publisherId: sources.publisherId }).from(evidence).innerJoin(sources, eq(sources.id, evidence.sourceId)).where(eq(evidence.id, evidenceId));
  return row!;
}

describe("the keys a public change expires", () => {
  it("a source or publisher: its own key, and every published article showing it, never a draft's", () =>
    inRollback(db, async (tx) => {
      const [author, reviewer] = [await createTestUser(tx, "editor"), await createTestUser(tx, "editor")];
      const shown = await createArticle(tx);
      const { evidence: cited } = await publishedClaim(tx, author, reviewer, shown);
      const { sourceId, publisherId } = await sourceOf(tx, cited.id);
      // The same source cited by a claim still in review: not on any reader page yet.
      const draft = await createArticle(tx, { status: "draft" });
      const { claim: pending } = await claimInReview(tx, author, draft, { send: false });
      await callerWith(tx, author).evidence.attach({ claimId: pending.id, url: (await tx.select({ url: sources.canonicalUrl }).from(sources).where(eq(sources.id, sourceId)))[0]!.url, stance: "context", excerpt: "Also." });

      const bySource = await expiryKeysFor(tx, { sourceIds: [sourceId] });
      expect(bySource).toEqual(expect.arrayContaining([`source:${sourceId}`, `article:${shown.slug}`]));
      expect(bySource).not.toContain(`article:${draft.slug}`);
      expect(bySource, "a source changes no list of articles").not.toContain("published-articles");

      expect(await expiryKeysFor(tx, { publisherIds: [publisherId!] })).toEqual(expect.arrayContaining([`publisher:${publisherId}`, `article:${shown.slug}`]));
      expect(await expiryKeysFor(tx, { articleIds: [shown.id], claimIds: [7] })).toEqual(["published-articles", `article:${shown.slug}`, "claim:7"]);
      expect(await expiryKeysFor(tx, {})).toEqual([]);
    }));

  it("is told when an admin edits a source, rates or renames a publisher, and not for an edit that changes nothing", () =>
    inRollback(db, async (tx) => {
      const [author, reviewer, admin] = [await createTestUser(tx, "editor"), await createTestUser(tx, "editor"), await createTestUser(tx, "admin")];
      const { evidence: cited } = await publishedClaim(tx, author, reviewer, await createArticle(tx));
      const { sourceId, publisherId } = await sourceOf(tx, cited.id);
      const cache = recordingCache();
      const asAdmin = callerWith(tx, admin, cache);
      await asAdmin.source.update({ sourceId, title: "The ministry's annual report" });
      await asAdmin.source.update({ sourceId, title: "The ministry's annual report" }); // the same again
      await asAdmin.publisher.rate({ publisherId: publisherId!, rating: "mixed", rationale: "Corrections are slow and rare.", ratedOn: "2026-11-30" });
      await asAdmin.publisher.rename({ publisherId: publisherId!, name: "Example Ministry" });
      expect(cache.changes).toEqual([{ sourceIds: [sourceId] }, { publisherIds: [publisherId] }, { publisherIds: [publisherId] }]);
    }));
});
