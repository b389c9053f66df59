import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/types";
import { findPublicArticle, getPublicArticle } from "@/server/services/reader/get-public-article";
import { getPublishedClaims } from "@/server/services/reader/get-published-claims";
import { getReaderView } from "@/server/services/reader/get-reader-view";
import { buildAnnotationCollection } from "@/lib/structured-data/web-annotation";
import { callerWith, claimInReview, createArticle, mark, namedUser, publishedClaim, type TestArticle } from "./claims-fixtures";
import { anonymousActor, createTestUser, inRollback, openTestDatabase, rejectionOf } from "./helpers";

const { db } = await openTestDatabase();

/** A sentence (the review gate wants one) that occurs nowhere else, so finding it anywhere is a leak. */
const secret = (label: string) => `The ${label} rationale ${randomUUID()} is not for readers.`;

/** One article with a claim in every state, each carrying unique rationale, summary and evidence-note strings. */
async function claimsInEveryState(tx: Database, article: TestArticle) {
  const author = await namedUser(tx, "editor", "Author");
  const reviewer = await namedUser(tx, "editor", "Reviewer");
  const a = callerWith(tx, author);
  const hidden: string[] = [author.email, reviewer.email];
  const hide = (text: string) => (hidden.push(text), text);

  const unchecked = await mark(tx, author, article, "Critics called the figures misleading", { summary: hide(`summary ${randomUUID()}`) });
  const inProgress = await claimInReview(tx, author, article, { text: "demanded an audit", rationale: hide(secret("draft")), note: hide(`note ${randomUUID()}`), send: false });
  const inReview = await claimInReview(tx, author, article, { text: "The budget grew", rationale: hide(secret("in-review")), note: hide(`note ${randomUUID()}`) });
  const deleted = await claimInReview(tx, author, article, { text: "the minister said", rationale: hide(secret("deleted")), send: false });
  await a.claim.delete({ claimId: deleted.claim.id, version: deleted.claim.version });
  const withdrawn = await publishedClaim(tx, author, reviewer, article, { text: "12 billion euros", rationale: hide(secret("withdrawn")) });
  await a.claim.changeStatus({ claimId: withdrawn.claim.id, version: withdrawn.claim.version, status: "in_review" });

  // The published claim: its rationale is public, its editor note is not, nor is evidence removed before review.
  const publicRationale = `Published rationale ${randomUUID()}: the survey found forty percent.`;
  const ready = await claimInReview(tx, author, article, { text: "Ninety percent of voters", rationale: publicRationale, note: hide(`note ${randomUUID()}`), send: false });
  const removed = await a.evidence.attach({ claimId: ready.claim.id, url: `https://example.org/${randomUUID()}`, stance: "context", excerpt: hide(`excerpt ${randomUUID()}`) });
  await a.evidence.remove({ evidenceId: removed.id, version: removed.version });
  const described = await a.claim.update({ claimId: ready.claim.id, version: ready.claim.version, summary: hide(`summary ${randomUUID()}`) });
  const sent = await a.claim.changeStatus({ claimId: described.id, version: described.version, status: "in_review" });
  await callerWith(tx, reviewer).claim.review({ claimId: sent.id, version: sent.version, decision: "approve", comment: hide(`comment ${randomUUID()}`) });
  return {
    author, reviewer, hidden, publicRationale,
    published: ready.claim.id, publishedEvidence: ready.evidence.id,
    unpublished: [unchecked.id, inProgress.claim.id, inReview.claim.id, withdrawn.claim.id],
  };
}

function expectNoLeak(label: string, value: unknown, hidden: string[]) {
  const json = JSON.stringify(value);
  for (const text of hidden) expect(json, `${label} leaks "${text}"`).not.toContain(text);
}

describe("what readers see of a published article", () => {
  it("getPublishedClaims, getReaderView and getPublicArticle return only published claims, without drafts, notes or emails", () =>
    inRollback(db, async (tx) => {
      const article = await createArticle(tx);
      const s = await claimsInEveryState(tx, article);
      // Sanity: the editors' own view has every live claim, so the filtering below is real.
      const workspace = await callerWith(tx, s.author).claim.workspace({ articleId: article.id });
      expect(workspace.claims.map((c) => c.id).sort((x, y) => x - y)).toEqual([...s.unpublished, s.published].sort((x, y) => x - y));
      expect(workspace.claims.map((c) => c.status).sort()).toEqual(["in_progress", "in_review", "in_review", "published", "unchecked"]);

      const claims = await getPublishedClaims(tx, article.id);
      expect(claims.map((c) => c.id)).toEqual([s.published]);
      expect(claims[0]).toMatchObject({ exact: "Ninety percent of voters", verdict: "false", rationale: s.publicRationale, checkedBy: s.author.name, reviewedBy: s.reviewer.name });
      expect(claims[0]?.sources.map((e) => e.id)).toEqual([s.publishedEvidence]);
      expect(Object.keys(claims[0]?.sources[0] ?? {})).not.toContain("note");
      expectNoLeak("getPublishedClaims", claims, s.hidden);

      const view = await getReaderView(tx, article.slug);
      expect(view?.claims.map((c) => c.id)).toEqual([s.published]);
      expect(view?.claims[0]?.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(JSON.stringify(view)).toContain(s.publicRationale);
      expectNoLeak("getReaderView", view, s.hidden);

      const exported = await getPublicArticle(tx, article.slug);
      expect(exported.claims.map((c) => c.id)).toEqual([s.published]);
      expect(JSON.stringify(exported)).toContain(s.publicRationale);
      expectNoLeak("getPublicArticle", exported, s.hidden);

      // The home page counts the published verdict only: not the deleted, withdrawn, in-review or draft ones.
      const listed = (await callerWith(tx, anonymousActor).article.listPublished()).find((a) => a.id === article.id);
      expect(listed?.checkedCount).toBe(1);
      expectNoLeak("article.listPublished", listed, s.hidden);

      // The Web Annotation export built from it: the published evidence as a body, nothing hidden.
      const collection = buildAnnotationCollection({
        exportUrl: `https://factdesk.test/api/articles/${article.slug}/annotations`,
        articleUrl: `https://factdesk.test/a/${article.slug}`,
        articleTitle: exported.title,
        publisher: { name: "Factdesk", url: "https://factdesk.test" },
        claims: exported.claims,
      });
      expectNoLeak("the annotation export", collection, s.hidden);
      const [item] = (collection.first as { items: { body: { type: string; items?: { source?: { id: string } }[] }[] }[] }).items;
      const evidenceBodies = item?.body.filter((body) => body.type === "Composite") ?? [];
      expect(evidenceBodies).toHaveLength(1);
      expect(evidenceBodies[0]?.items?.[0]?.source?.id).toBe(exported.claims[0]?.sources[0]?.url);
    }));

  it("an article with no published claim shows none", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const article = await createArticle(tx);
      await claimInReview(tx, editor, article);
      expect(await getPublishedClaims(tx, article.id)).toEqual([]);
      expect((await getReaderView(tx, article.slug))?.claims).toEqual([]);
      expect((await getPublicArticle(tx, article.slug)).claims).toEqual([]);
    }));

  it("anonymous article.bySlug never returns claim data, not even published verdicts", () =>
    inRollback(db, async (tx) => {
      const article = await createArticle(tx);
      const s = await claimsInEveryState(tx, article);
      for (const actor of [anonymousActor, await createTestUser(tx, "reader")]) {
        const page = await callerWith(tx, actor).article.bySlug({ slug: article.slug });
        expect(page.slug).toBe(article.slug);
        expect(Object.keys(page)).not.toContain("claims");
        const json = JSON.stringify(page);
        expect(json).not.toMatch(/verdict|rationale/i);
        expectNoLeak("article.bySlug", page, [...s.hidden, s.publicRationale, s.author.name, s.reviewer.name]);
      }
    }));
});

describe("a draft article", () => {
  it("is null / NOT_FOUND to every reader-facing function, even with a published claim", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const article = await createArticle(tx, { status: "draft" });
      const { claim } = await publishedClaim(tx, author, await createTestUser(tx, "editor"), article);
      expect(claim.status).toBe("published");

      expect(await getReaderView(tx, article.slug)).toBeNull();
      expect(await rejectionOf(getPublicArticle(tx, article.slug))).toMatchObject({ code: "NOT_FOUND" });
      expect(await findPublicArticle(tx, article.slug)).toBeNull();
      expect(await rejectionOf(callerWith(tx, anonymousActor).article.bySlug({ slug: article.slug }))).toMatchObject({ code: "NOT_FOUND" });
      // Whoever is signed in: these outputs are shared and cached, so they always ask as the public.
      expect((await callerWith(tx, author).article.bySlug({ slug: article.slug })).status).toBe("draft");
      expect(await getReaderView(tx, article.slug)).toBeNull();
    }));
});
