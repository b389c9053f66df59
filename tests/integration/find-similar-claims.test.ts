import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { FeatureCache } from "@/lib/matching/rank";
import { findSimilarClaims } from "@/server/services/claim-memory/find-similar-claims";
import { createArticle, mark, namedUser, RATIONALE } from "./claims-fixtures";
import { inRollback, openTestDatabase, rejectionOf } from "./helpers";

const { db } = await openTestDatabase();

// Each test's own words ("Quokkaland" and the like) keep the run's other claims out of its candidates.
function article(place: string) {
  return [
    `Moscow has amassed some 100,000 troops close to the border with ${place} and in annexed Crimea.`,
    `Russia has moved about 10,000 troops to its border with Finland, the ${place} ministry said.`,
    `Wheat prices in ${place} rose 5 percent on Thursday.`,
  ].join("\n\n");
}

describe("findSimilarClaims (PostgreSQL full-text candidates, lib/matching ranking)", () => {
  it("ranks the same claim first, marks only it same, and keeps other articles' claims apart", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Matcher");
      const first = await createArticle(tx, { text: article("Quokkaland") });
      const troops = await mark(tx, editor, first, "Moscow has amassed some 100,000 troops close to the border with Quokkaland and in annexed Crimea.");
      const finland = await mark(tx, editor, first, "Russia has moved about 10,000 troops to its border with Finland");
      await mark(tx, editor, first, "Wheat prices in Quokkaland rose 5 percent on Thursday.");

      const results = await findSimilarClaims(tx, { text: "Russia has massed a hundred thousand soldiers near Quokkaland's border and in Crimea" });
      expect(results[0]).toMatchObject({ claimId: troops.id, articleId: first.id, same: true, articleSlug: first.slug, status: "unchecked" });
      expect(results.filter((r) => r.same).map((r) => r.claimId)).toEqual([troops.id]);
      const finlandResult = results.find((r) => r.claimId === finland.id);
      expect(finlandResult?.same ?? false).toBe(false);

      // The article being edited is left out.
      const elsewhere = await findSimilarClaims(tx, { text: "Russia has massed a hundred thousand soldiers near Quokkaland's border", excludeArticleId: first.id });
      expect(elsewhere.some((r) => r.articleId === first.id)).toBe(false);
    }));

  it("never proposes a near miss as the same claim", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Matcher");
      const doc = await createArticle(tx, { text: article("Wombatia") });
      const troops = await mark(tx, editor, doc, "Moscow has amassed some 100,000 troops close to the border with Wombatia and in annexed Crimea.");
      const results = await findSimilarClaims(tx, { text: "Moscow has amassed some 10,000 troops close to the border with Wombatia and in annexed Crimea." });
      const candidate = results.find((r) => r.claimId === troops.id);
      expect(candidate?.vetoes).toContain("quantity");
      expect(results.every((r) => !r.same)).toBe(true);
    }));

  it("returns at most `limit` claims, best first, and never deleted ones", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Matcher");
      const doc = await createArticle(tx, { text: article("Numbatia") });
      const wheat = await mark(tx, editor, doc, "Wheat prices in Numbatia rose 5 percent on Thursday.");
      await mark(tx, editor, doc, "Moscow has amassed some 100,000 troops close to the border with Numbatia and in annexed Crimea.");
      const query = { text: "Numbatia wheat prices rose 5% on Thursday" };
      const results = await findSimilarClaims(tx, { ...query, limit: 1 });
      expect(results).toHaveLength(1);
      expect(results[0]!.claimId).toBe(wheat.id);

      await tx.execute(sql`update claims set deleted_at = now() where id = ${wheat.id}`);
      expect((await findSimilarClaims(tx, query)).some((r) => r.claimId === wheat.id)).toBe(false);
    }));

  it("with publishedOnly, returns only published claims of published articles", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Matcher");
      const published = await createArticle(tx, { text: article("Bilbyland") });
      const draft = await createArticle(tx, { status: "draft", text: article("Bilbyland") });
      const text = "Wheat prices in Bilbyland rose 5 percent on Thursday.";
      const checked = await mark(tx, editor, published, text);
      const unchecked = await mark(tx, editor, published, "Moscow has amassed some 100,000 troops close to the border with Bilbyland and in annexed Crimea.");
      const inDraft = await mark(tx, editor, draft, text);
      // Straight to published: the review workflow is tested elsewhere; here only the filter matters.
      for (const id of [checked.id, inDraft.id]) {
        await tx.execute(sql`update claims set status = 'published', verdict = 'true', rationale = ${RATIONALE}, published_at = now() where id = ${id}`);
      }
      const all = await findSimilarClaims(tx, { text: "Bilbyland wheat prices rose 5% on Thursday, and troops massed near Bilbyland" });
      expect(all.map((r) => r.claimId)).toEqual(expect.arrayContaining([checked.id, unchecked.id, inDraft.id]));
      const onlyPublished = await findSimilarClaims(tx, { text: "Bilbyland wheat prices rose 5% on Thursday, and troops massed near Bilbyland", publishedOnly: true });
      expect(onlyPublished.map((r) => r.claimId)).toEqual([checked.id]);
      expect(onlyPublished[0]).toMatchObject({ verdict: "true", status: "published" });
    }));

  it("handles text with nothing to search, and refuses invalid input", async () => {
    expect(await findSimilarClaims(db, { text: "the of and" })).toEqual([]);
    expect(await findSimilarClaims(db, { text: "war' & !peace | (NATO:*) <-> 'x" }, new FeatureCache())).toBeInstanceOf(Array);
    await expect(rejectionOf(findSimilarClaims(db, { text: "   " }))).resolves.toBeTruthy();
    await expect(rejectionOf(findSimilarClaims(db, { text: "war", limit: 0 }))).resolves.toBeTruthy();
  });
});
