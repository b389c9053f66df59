import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claims } from "@/db/schema";
import type { PublicChange } from "@/server/services/context";
import { callerWith, claimInReview, createArticle, recordingCache } from "./claims-fixtures";
import { createTestUser, inRollback, openTestDatabase, rejectionOf } from "./helpers";

// PublicCache is the app's own port for invalidating cached reader pages; a recording fake stands in for
// the web server's implementation. Everything else (tRPC, services, PostgreSQL) is real.
const { db } = await openTestDatabase();

describe("the PublicCache port", () => {
  it("is told once, with the article id, when a verdict is approved and when it is withdrawn", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const reviewer = await createTestUser(tx, "editor");
      const article = await createArticle(tx);
      const { claim } = await claimInReview(tx, author, article);

      const onApprove = recordingCache();
      const published = await callerWith(tx, reviewer, onApprove).claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "Checked." });
      expect(published.status).toBe("published");
      expect(onApprove.calls).toEqual([article.id]);

      const onWithdraw = recordingCache();
      const withdrawn = await callerWith(tx, author, onWithdraw).claim.changeStatus({ claimId: claim.id, version: published.version, status: "in_review" });
      expect(withdrawn.status).toBe("in_review");
      expect(onWithdraw.calls).toEqual([article.id]);

      // Withdrawing further back from in review changes nothing readers see.
      const quiet = recordingCache();
      await callerWith(tx, author, quiet).claim.changeStatus({ claimId: claim.id, version: withdrawn.version, status: "in_progress" });
      expect(quiet.calls).toEqual([]);
    }));

  it("is told only after the commit: another connection already sees the new state", async () => {
    // Committed for real, so "another connection" means something: the pool hands out a different session.
    const author = await createTestUser(db, "editor");
    const article = await createArticle(db);
    const { claim } = await claimInReview(db, author, article);
    const seen: string[] = [];
    const cache = {
      changed: async ({ articleIds = [] }: PublicChange) => {
        const articleId = articleIds[0]!;
        const [row] = await db.select({ status: claims.status }).from(claims).where(and(eq(claims.articleId, articleId), eq(claims.id, claim.id)));
        seen.push(row!.status);
      },
    };
    const published = await callerWith(db, await createTestUser(db, "editor"), cache).claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "OK." });
    await callerWith(db, author, cache).claim.changeStatus({ claimId: claim.id, version: published.version, status: "in_review" });
    expect(seen).toEqual(["published", "in_review"]);
  });

  it("withdrawing a published claim two steps back (to in progress) also tells it", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const article = await createArticle(tx);
      const { claim } = await claimInReview(tx, author, article);
      const published = await callerWith(tx, await createTestUser(tx, "editor")).claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "OK." });
      const cache = recordingCache();
      const back = await callerWith(tx, author, cache).claim.changeStatus({ claimId: claim.id, version: published.version, status: "in_progress" });
      expect(back).toMatchObject({ status: "in_progress", publishedAt: null });
      expect(cache.calls).toEqual([article.id]);
    }));

  it("is not told about refused approvals, rejections or work on unpublished claims", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const reviewer = await createTestUser(tx, "editor");
      const cache = recordingCache();
      const article = await createArticle(tx);
      const { claim } = await claimInReview(tx, author, article);
      const approve = { claimId: claim.id, decision: "approve" as const, comment: "Fine." };

      expect(await rejectionOf(callerWith(tx, author, cache).claim.review({ ...approve, version: claim.version }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await rejectionOf(callerWith(tx, reviewer, cache).claim.review({ ...approve, version: claim.version + 1 }))).toMatchObject({ code: "CONFLICT" });
      const rejected = await callerWith(tx, reviewer, cache).claim.review({ ...approve, decision: "reject", version: claim.version, comment: "Which year?" });
      expect(rejected.status).toBe("in_progress");
      await callerWith(tx, author, cache).claim.update({ claimId: claim.id, version: rejected.version, summary: "Still a draft" });
      expect(cache.calls).toEqual([]);
    }));
});
