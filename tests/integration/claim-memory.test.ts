import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articles, auditEvents, claimSuggestions, claims, evidence } from "@/db/schema";
import { rememberClaims } from "@/server/services/claim-memory/remember-claims";
import { getPublishedClaims } from "@/server/services/reader/get-published-claims";
import { callerWith, createArticle, mark, namedUser, publishedClaim, recordingCache } from "./claims-fixtures";
import { inRollback, openTestDatabase, rejectionOf } from "./helpers";

const { db } = await openTestDatabase();

// Each test's own place name keeps the run's other claims out of its matches.
const troops = (place: string) => `Moscow has amassed some 100,000 troops close to the border with ${place} and in annexed Crimea.`;
const paraphrase = (place: string) => `Russia has massed a hundred thousand soldiers near the ${place} border and in Crimea, officials said.`;
const nearMiss = (place: string) => `Russia has moved about 10,000 troops to its border with Finland, the ${place} ministry said.`;

async function checkedArticle(tx: Parameters<typeof createArticle>[0], place: string) {
  const author = await namedUser(tx, "editor", "Author");
  const reviewer = await namedUser(tx, "editor", "Reviewer");
  const first = await createArticle(tx, { text: [troops(place), `Wheat prices in ${place} rose 5 percent on Thursday.`].join("\n\n") });
  const { claim } = await publishedClaim(tx, author, reviewer, first, { text: troops(place) });
  return { author, reviewer, first, original: claim };
}

async function actionsOf(tx: Parameters<typeof createArticle>[0], claimId: number) {
  const rows = await tx.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.claimId, claimId)).orderBy(auditEvents.id);
  return rows.map((r) => r.action);
}

describe("claim groups: link, unlink, reuse a published verdict", () => {
  it("links claims of two articles, reuses the verdict as a starting point that still needs a second editor", () =>
    inRollback(db, async (tx) => {
      const { author, reviewer, first, original } = await checkedArticle(tx, "Quokkaland");
      const second = await createArticle(tx, { text: paraphrase("Quokkaland") });
      const copy = await mark(tx, author, second, paraphrase("Quokkaland"));
      const caller = callerWith(tx, author);

      // The panel offers the earlier claim as similar, not yet linked.
      const before = await caller.claim.similar({ claimId: copy.id });
      expect(before.similar[0]).toMatchObject({ claimId: original.id, articleId: first.id, verdict: "false", linked: false, same: true });
      expect(before.similar.every((s) => s.articleId !== second.id)).toBe(true);

      // A verdict cannot be reused before the claims are linked.
      expect(await rejectionOf(caller.claim.reuseVerdict({ claimId: copy.id, version: copy.version, fromClaimId: original.id }))).toMatchObject({ code: "BAD_REQUEST" });

      const cache = recordingCache();
      const linked = await callerWith(tx, author, cache).claim.link({ claimId: copy.id, sameAsClaimId: original.id });
      expect(linked.changed).toBe(true);
      expect(cache.calls).toContain(first.id);
      const after = await caller.claim.similar({ claimId: copy.id });
      expect(after.linked.map((c) => c.claimId)).toEqual([original.id]);
      expect(after.similar.find((s) => s.claimId === original.id)?.linked).toBe(true);
      // Linking again changes nothing.
      expect((await caller.claim.link({ claimId: original.id, sameAsClaimId: copy.id })).changed).toBe(false);

      const reused = await caller.claim.reuseVerdict({ claimId: copy.id, version: copy.version, fromClaimId: original.id });
      expect(reused).toMatchObject({ verdict: "false", status: "in_progress", reusedFromClaimId: original.id, verdictSetBy: author.id });
      const copiedEvidence = await tx.select().from(evidence).where(eq(evidence.claimId, copy.id));
      expect(copiedEvidence).toHaveLength(1);
      expect(await actionsOf(tx, copy.id)).toEqual(["claim.created", "claim.linked", "claim.verdict_reused", "evidence.added"]);

      // Through the usual workflow: the editor who reused it cannot approve it; a second editor can.
      const inReview = await caller.claim.changeStatus({ claimId: copy.id, version: reused.version, status: "in_review" });
      expect(await rejectionOf(caller.claim.review({ claimId: copy.id, version: inReview.version, decision: "approve", comment: "Mine." }))).toMatchObject({ code: "FORBIDDEN" });
      const approvalCache = recordingCache();
      const published = await callerWith(tx, reviewer, approvalCache).claim.review({ claimId: copy.id, version: inReview.version, decision: "approve", comment: "Same claim, same sources." });
      expect(published.status).toBe("published");
      // Both reader pages change: the new verdict, and the first article's "Also checked in".
      expect(approvalCache.calls.sort()).toEqual([first.id, second.id].sort());
      const statusCache = recordingCache();
      await callerWith(tx, author, statusCache).article.setStatus({ articleId: second.id, status: "draft" });
      expect(statusCache.calls.sort()).toEqual([first.id, second.id].sort());
    }));

  it("refuses to link claims of the same article, or to reuse a verdict that is not published", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Linker");
      const one = await createArticle(tx, { text: [troops("Wombatia"), nearMiss("Wombatia")].join("\n\n") });
      const a = await mark(tx, editor, one, troops("Wombatia"));
      const b = await mark(tx, editor, one, nearMiss("Wombatia"));
      const caller = callerWith(tx, editor);
      expect(await rejectionOf(caller.claim.link({ claimId: a.id, sameAsClaimId: b.id }))).toMatchObject({ code: "BAD_REQUEST" });
      expect(await rejectionOf(caller.claim.link({ claimId: a.id, sameAsClaimId: a.id }))).toMatchObject({ code: "BAD_REQUEST" });

      const two = await createArticle(tx, { text: paraphrase("Wombatia") });
      const c = await mark(tx, editor, two, paraphrase("Wombatia"));
      await caller.claim.link({ claimId: c.id, sameAsClaimId: a.id });
      expect(await rejectionOf(caller.claim.reuseVerdict({ claimId: c.id, version: c.version, fromClaimId: a.id }))).toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("Only a published verdict"),
      });
    }));

  it("merges groups when linking, and unlinks with an audit row (a lone last member leaves too)", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Grouper");
      const [x, y, z] = await Promise.all(["Numbatia", "Numbatia", "Numbatia"].map(() => createArticle(tx, { text: troops("Numbatia") })));
      const [cx, cy, cz] = [await mark(tx, editor, x!, troops("Numbatia")), await mark(tx, editor, y!, troops("Numbatia")), await mark(tx, editor, z!, troops("Numbatia"))];
      const caller = callerWith(tx, editor);
      await caller.claim.link({ claimId: cx.id, sameAsClaimId: cy.id });
      await caller.claim.link({ claimId: cz.id, sameAsClaimId: cx.id });
      const groups = await tx.select({ id: claims.id, groupId: claims.groupId }).from(claims).where(sql`${claims.id} in (${cx.id}, ${cy.id}, ${cz.id})`);
      expect(new Set(groups.map((g) => g.groupId)).size).toBe(1);
      expect(groups[0]?.groupId).not.toBeNull();

      await caller.claim.unlink({ claimId: cz.id });
      expect((await caller.claim.similar({ claimId: cx.id })).linked.map((c) => c.claimId)).toEqual([cy.id]);
      await caller.claim.unlink({ claimId: cy.id });
      const left = await tx.select({ groupId: claims.groupId }).from(claims).where(eq(claims.id, cx.id));
      expect(left[0]?.groupId).toBeNull();
      expect(await actionsOf(tx, cx.id)).toEqual(["claim.created", "claim.linked", "claim.linked", "claim.unlinked"]);
      expect(await actionsOf(tx, cz.id)).toEqual(["claim.created", "claim.linked", "claim.unlinked"]);
      expect(await rejectionOf(caller.claim.unlink({ claimId: cx.id }))).toMatchObject({ code: "BAD_REQUEST" });
    }));
});

describe("claim memory: sentences of an imported or revised article matched against published claims", () => {
  it("offers a paraphrase as Already checked, not a near miss; accept marks and links; dismiss is remembered", () =>
    inRollback(db, async (tx) => {
      const { author, original } = await checkedArticle(tx, "Bilbyland");
      const reader = await namedUser(tx, "reader", "Reader");
      const second = await createArticle(tx, { status: "draft", text: [paraphrase("Bilbyland"), nearMiss("Bilbyland")].join(" ") });
      const caller = callerWith(tx, author);

      const offered = await caller.claim.suggestions({ articleId: second.id });
      expect(offered).toHaveLength(1);
      expect(offered[0]).toMatchObject({ sentence: paraphrase("Bilbyland"), matchedClaimId: original.id, verdict: "false" });
      expect(second.body.slice(offered[0]!.start, offered[0]!.end)).toBe(paraphrase("Bilbyland"));
      expect(await rejectionOf(callerWith(tx, reader).claim.suggestions({ articleId: second.id }))).toMatchObject({ code: "FORBIDDEN" });

      const accepted = await caller.claim.acceptSuggestion({ suggestionId: offered[0]!.id });
      const [marked] = await tx.select().from(claims).where(eq(claims.id, accepted.claimId));
      expect(marked).toMatchObject({ articleId: second.id, quoteExact: paraphrase("Bilbyland"), kind: "statistic" });
      expect((await caller.claim.similar({ claimId: accepted.claimId })).linked.map((c) => c.claimId)).toEqual([original.id]);
      expect(await caller.claim.suggestions({ articleId: second.id })).toEqual([]);
      expect(await rejectionOf(caller.claim.acceptSuggestion({ suggestionId: offered[0]!.id }))).toMatchObject({ code: "CONFLICT" });

      // Dismissed on a third article, the suggestion does not come back when the article is revised.
      const third = await createArticle(tx, { status: "draft", text: paraphrase("Bilbyland") });
      const [suggestion] = await caller.claim.suggestions({ articleId: third.id });
      await caller.claim.dismissSuggestion({ suggestionId: suggestion!.id });
      const [article] = await tx.select({ version: articles.version }).from(articles).where(eq(articles.id, third.id));
      await caller.article.edit({ articleId: third.id, version: article!.version, body: `${paraphrase("Bilbyland")}\n\nA new paragraph about something else entirely.` });
      expect(await caller.claim.suggestions({ articleId: third.id })).toEqual([]);
      const stored = await tx.select({ status: claimSuggestions.status }).from(claimSuggestions).where(eq(claimSuggestions.articleId, third.id));
      expect(stored.map((s) => s.status)).toEqual(["dismissed"]);
      const dismissals = await tx.select().from(auditEvents).where(and(eq(auditEvents.articleId, third.id), eq(auditEvents.action, "article.suggestion_dismissed")));
      expect(dismissals).toHaveLength(1);
    }));

  it("matches only published claims of published articles, and follows a revision", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Memory");
      const draft = await createArticle(tx, { status: "draft", text: troops("Echidnaland") });
      await mark(tx, editor, draft, troops("Echidnaland"));
      const later = await createArticle(tx, { status: "draft", text: `Nothing here yet.\n\n${paraphrase("Echidnaland")}` });
      expect(await callerWith(tx, editor).claim.suggestions({ articleId: later.id })).toEqual([]);
      expect(await rememberClaims(tx, later.id)).toMatchObject({ suggestions: 0 });
    }));
});

describe("readers: Also checked in", () => {
  it("links to the other published articles with a published verdict of the same claim, never a draft or an unpublished verdict", () =>
    inRollback(db, async (tx) => {
      const { author, reviewer, first, original } = await checkedArticle(tx, "Platypia");
      const caller = callerWith(tx, author);
      const published = await createArticle(tx, { text: paraphrase("Platypia") });
      const draft = await createArticle(tx, { status: "draft", text: paraphrase("Platypia") });
      const pending = await createArticle(tx, { text: paraphrase("Platypia") });
      const claimsOf = await Promise.all([published, draft, pending].map((a) => mark(tx, author, a, paraphrase("Platypia"))));
      for (const c of claimsOf) await caller.claim.link({ claimId: c.id, sameAsClaimId: original.id });
      // Published verdicts in the published and the draft article; the third article's verdict only reaches review.
      for (const [i, c] of claimsOf.entries()) {
        const reused = await caller.claim.reuseVerdict({ claimId: c.id, version: c.version, fromClaimId: original.id });
        const inReview = await caller.claim.changeStatus({ claimId: c.id, version: reused.version, status: "in_review" });
        if (i < 2) await callerWith(tx, reviewer).claim.review({ claimId: c.id, version: inReview.version, decision: "approve", comment: "Same claim." });
      }

      const onFirst = (await getPublishedClaims(tx, first.id)).find((c) => c.id === original.id);
      expect(onFirst?.alsoCheckedIn).toEqual([{ slug: published.slug, title: "Claims fixture" }]);
      const onSecond = await getPublishedClaims(tx, published.id);
      expect(onSecond[0]?.alsoCheckedIn).toEqual([{ slug: first.slug, title: "Claims fixture" }]);
      // The public outputs carry the same list and nothing about the draft or the claim in review.
      const view = JSON.stringify(await callerWith(tx, { kind: "anonymous" }).reader.view({ slug: first.slug }));
      expect(view).toContain(published.slug);
      expect(view).not.toContain(draft.slug);
      expect(view).not.toContain(pending.slug);
    }));
});
