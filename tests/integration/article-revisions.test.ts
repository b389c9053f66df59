import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articleRevisions, articles, auditEvents, claims } from "@/db/schema";
import type { Database } from "@/db/types";
import { ConflictError } from "@/server/errors";
import { getPublicArticle } from "@/server/services/reader/get-public-article";
import { getReaderView } from "@/server/services/reader/get-reader-view";
import { callerWith, namedUser, publishedClaim, recordingCache, type TestArticle } from "./claims-fixtures";
import { inRollback, openTestDatabase, rejectionOf, systemActor, uniqueName } from "./helpers";
import { importArticle } from "@/server/services/article/import-article";

const { db } = await openTestDatabase();

const DEMO_TEXT = readFileSync(path.join(process.cwd(), "data", "demo", "seed-article.txt"), "utf8");
const TROOPS = "Moscow has amassed some 100,000 troops close to the border with Ukraine and in annexed Crimea.";
const DELETED_PARAGRAPH = "He outlined missile deployment, deconfliction mechanisms and military exercises away from Russian-NATO borders as areas of possible negotiations.";
const RETALIATION = "then we’ll take retaliatory measures";

async function demoArticle(tx: Database): Promise<TestArticle> {
  const slug = uniqueName("demo");
  const imported = await importArticle({ db: tx, actor: systemActor }, { title: "Demo copy", slug, status: "published", text: DEMO_TEXT });
  const [revision] = await tx.select({ body: articleRevisions.body }).from(articleRevisions).where(eq(articleRevisions.id, imported.revisionId));
  return { id: imported.id, slug, revisionId: imported.revisionId, body: revision!.body };
}

async function versionOf(tx: Database, articleId: number) {
  const [row] = await tx.select({ version: articles.version }).from(articles).where(eq(articles.id, articleId));
  return row!.version;
}

/** The demo edit of issue 10: "some" → "about", and the claimed paragraph about negotiations cut. */
function editedDemo(body: string) {
  expect(body).toContain(DELETED_PARAGRAPH);
  return body.replace("some 100,000 troops", "about 100,000 troops").replace(`${DELETED_PARAGRAPH}\n\n`, "");
}

describe("editing an article's text", () => {
  it("stores a revision, re-anchors each claim, sends the edited published claim back to review and audits every transition", () =>
    inRollback(db, async (tx) => {
      const ana = await namedUser(tx, "editor", "Ana");
      const ben = await namedUser(tx, "editor", "Ben");
      const article = await demoArticle(tx);
      const troops = await publishedClaim(tx, ana, ben, article, { text: TROOPS });
      const cut = await publishedClaim(tx, ana, ben, article, { text: DELETED_PARAGRAPH });
      const kept = await publishedClaim(tx, ana, ben, article, { text: RETALIATION });

      const cache = recordingCache();
      const saved = await callerWith(tx, ana, cache).article.edit({
        articleId: article.id, version: await versionOf(tx, article.id), body: editedDemo(article.body), note: "Softer troop figure; cut the negotiations paragraph",
      });
      expect(saved.changed).toBe(true);
      expect(saved.version).toBe(2);
      expect(cache.calls).toEqual([article.id]);

      const [revision] = await tx.select().from(articleRevisions).where(eq(articleRevisions.id, saved.revisionId));
      expect(revision?.authorId).toBe(ana.id);
      expect(revision?.note).toBe("Softer troop figure; cut the negotiations paragraph");
      const [current] = await tx.select().from(articles).where(eq(articles.id, article.id));
      expect(current?.currentRevisionId).toBe(saved.revisionId);

      const byId = async (id: number) => (await tx.select().from(claims).where(eq(claims.id, id)))[0]!;
      const troopsNow = await byId(troops.claim.id);
      expect(troopsNow).toMatchObject({ anchorState: "changed", status: "in_review", revisionId: saved.revisionId, verdict: "false" });
      expect(troopsNow.quoteExact).toBe(TROOPS.replace("some", "about"));
      expect(revision!.body.slice(troopsNow.positionStart, troopsNow.positionEnd)).toBe(troopsNow.quoteExact);

      const cutNow = await byId(cut.claim.id);
      // Kept with its verdict, on the revision its words came from, for an editor to re-attach.
      expect(cutNow).toMatchObject({ anchorState: "orphaned", status: "published", verdict: "false", revisionId: article.revisionId, quoteExact: DELETED_PARAGRAPH });

      const keptNow = await byId(kept.claim.id);
      expect(keptNow).toMatchObject({ anchorState: "anchored", status: "published", revisionId: saved.revisionId, quoteExact: RETALIATION });
      expect(keptNow.positionStart).toBeLessThan(kept.claim.positionStart);
      expect(revision!.body.slice(keptNow.positionStart, keptNow.positionEnd)).toBe(RETALIATION);

      const rows = await tx.select().from(auditEvents).where(eq(auditEvents.articleId, article.id)).orderBy(auditEvents.id);
      const fromEdit = rows.filter((r) => r.id > Math.max(...rows.filter((x) => x.action === "claim.approved").map((x) => x.id)));
      expect(fromEdit.map((r) => [r.action, r.entityId])).toEqual([
        ["revision.created", saved.revisionId],
        ["claim.anchor_changed", troops.claim.id],
        ["claim.orphaned", cut.claim.id],
        ["claim.reanchored", kept.claim.id],
      ]);
      expect(fromEdit.every((r) => r.actorId === ana.id)).toBe(true);
      expect(fromEdit[1]?.before).toMatchObject({ status: "published", exact: TROOPS });
      expect(fromEdit[1]?.after).toMatchObject({ status: "in_review", anchorState: "changed" });

      // Readers: the old verdict is gone from every public output; the edited claim shows as under review.
      const view = await getReaderView(tx, article.slug);
      expect(view?.claims.map((c) => c.id)).toEqual([kept.claim.id]);
      expect(view?.underReview).toEqual([{ id: troops.claim.id, start: troopsNow.positionStart, end: troopsNow.positionEnd, exact: troopsNow.quoteExact }]);
      expect(JSON.stringify(view?.underReview)).not.toContain("false");
      expect(view?.article.body).toBe(revision!.body);
      const exported = await getPublicArticle(tx, article.slug);
      expect(exported.claims.map((c) => c.id)).toEqual([kept.claim.id]);

      // A second editor approves the edited words: published again, anchored, no longer "under review".
      const approved = await callerWith(tx, ben).claim.review({ claimId: troops.claim.id, version: troopsNow.version, decision: "approve", comment: "About is what the source says." });
      expect(approved).toMatchObject({ status: "published", anchorState: "anchored" });
      const after = await getReaderView(tx, article.slug);
      expect(after?.underReview).toEqual([]);
      expect(after?.claims.map((c) => c.id).sort()).toEqual([troops.claim.id, kept.claim.id].sort());
    }));

  it("refuses the second of two saves made on the same version, naming who saved first, and writes nothing", () =>
    inRollback(db, async (tx) => {
      const ana = await namedUser(tx, "editor", "Ana");
      const ben = await namedUser(tx, "editor", "Ben");
      const article = await demoArticle(tx);
      const opened = await versionOf(tx, article.id);
      await callerWith(tx, ana).article.edit({ articleId: article.id, version: opened, body: editedDemo(article.body) });
      const before = await tx.select().from(articleRevisions).where(eq(articleRevisions.articleId, article.id));
      const error = await rejectionOf(callerWith(tx, ben).article.edit({ articleId: article.id, version: opened, body: `${article.body}\n\nBen's addition.` }));
      expect(error).toMatchObject({ code: "CONFLICT" });
      expect((error as Error).message).toContain(ana.name);
      expect((error as Error).cause).toBeInstanceOf(ConflictError);
      expect(await tx.select().from(articleRevisions).where(eq(articleRevisions.articleId, article.id))).toHaveLength(before.length);
    }));

  it("saving the text unchanged writes no revision and no audit row", () =>
    inRollback(db, async (tx) => {
      const ana = await namedUser(tx, "editor", "Ana");
      const article = await demoArticle(tx);
      const audits = (await tx.select().from(auditEvents).where(eq(auditEvents.articleId, article.id))).length;
      const result = await callerWith(tx, ana).article.edit({ articleId: article.id, version: 1, body: `${article.body}\r\n\r\n` });
      expect(result.changed).toBe(false);
      expect(await tx.select().from(auditEvents).where(eq(auditEvents.articleId, article.id))).toHaveLength(audits);
    }));
});

describe("re-attaching an orphaned claim", () => {
  it("puts it on the selected words of the current revision, back in review, audited", () =>
    inRollback(db, async (tx) => {
      const ana = await namedUser(tx, "editor", "Ana");
      const ben = await namedUser(tx, "editor", "Ben");
      const article = await demoArticle(tx);
      const cut = await publishedClaim(tx, ana, ben, article, { text: DELETED_PARAGRAPH });
      const saved = await callerWith(tx, ana).article.edit({ articleId: article.id, version: 1, body: editedDemo(article.body) });
      const [orphan] = await tx.select().from(claims).where(eq(claims.id, cut.claim.id));
      const [revision] = await tx.select().from(articleRevisions).where(eq(articleRevisions.id, saved.revisionId));
      const words = "military exercises in western Russia";
      const start = revision!.body.indexOf(words);

      const stale = await rejectionOf(callerWith(tx, ben).claim.reattach({ claimId: orphan!.id, version: orphan!.version, revisionId: article.revisionId, start, end: start + words.length }));
      expect(stale).toMatchObject({ code: "CONFLICT" });

      const cache = recordingCache();
      const reattached = await callerWith(tx, ben, cache).claim.reattach({ claimId: orphan!.id, version: orphan!.version, revisionId: saved.revisionId, start, end: start + words.length });
      expect(reattached).toMatchObject({ anchorState: "anchored", status: "in_review", quoteExact: words, revisionId: saved.revisionId, verdict: "false" });
      expect(cache.calls).toEqual([article.id]);
      const [last] = await tx.select().from(auditEvents).where(eq(auditEvents.claimId, orphan!.id)).orderBy(auditEvents.id).then((r) => r.slice(-1));
      expect(last).toMatchObject({ action: "claim.reattached", actorId: ben.id });
      expect(last?.before).toMatchObject({ anchorState: "orphaned", exact: DELETED_PARAGRAPH });
      expect((await getReaderView(tx, article.slug))?.underReview.map((c) => c.id)).toEqual([orphan!.id]);
    }));
});

describe("the revision list and diff", () => {
  it("lists revisions with author and note, and diffs any two word by word; another article's revision is NOT_FOUND", () =>
    inRollback(db, async (tx) => {
      const ana = await namedUser(tx, "editor", "Ana");
      const article = await demoArticle(tx);
      const other = await demoArticle(tx);
      const saved = await callerWith(tx, ana).article.edit({ articleId: article.id, version: 1, body: editedDemo(article.body), note: "Two edits" });
      const { revisions } = await callerWith(tx, ana).article.revisions({ articleId: article.id });
      expect(revisions.map((r) => [r.id, r.authorName, r.note])).toEqual([
        [saved.revisionId, ana.name, "Two edits"],
        [article.revisionId, null, "Imported"],
      ]);
      const diff = await callerWith(tx, ana).article.revisionDiff({ articleId: article.id, from: article.revisionId, to: saved.revisionId });
      expect(diff.complete).toBe(true);
      expect(diff.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["about"]);
      const removed = diff.parts.filter((p) => p.kind === "removed").map((p) => p.text.trim());
      expect(removed[0]).toBe("some");
      expect(removed.join(" ")).toContain(DELETED_PARAGRAPH);
      const error = await rejectionOf(callerWith(tx, ana).article.revisionDiff({ articleId: article.id, from: other.revisionId, to: saved.revisionId }));
      expect(error).toMatchObject({ code: "NOT_FOUND" });
    }));
});
