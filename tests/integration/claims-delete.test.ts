import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claims } from "@/db/schema";
import { callerWith, claimInReview, createArticle, eventsOf, mark, namedUser, publishedClaim } from "./claims-fixtures";
import { createTestUser, inRollback, openTestDatabase, rejectionOf, tableFingerprints } from "./helpers";

const { db } = await openTestDatabase();

describe("soft delete", () => {
  it("claim.delete hides the claim from the workspace, detail and queue, but keeps the row and its history", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const caller = callerWith(tx, editor).claim;
      const article = await createArticle(tx);
      const kept = await mark(tx, editor, article, "The budget grew");
      const claim = await mark(tx, editor, article, "Ninety percent of voters");
      const assigned = await caller.assign({ claimId: claim.id, version: claim.version, assigneeId: editor.id });
      expect((await caller.myQueue()).assigned.map((c) => c.id)).toContain(claim.id);

      expect(await caller.delete({ claimId: claim.id, version: assigned.version })).toEqual({ id: claim.id, version: assigned.version + 1 });
      expect((await caller.workspace({ articleId: article.id })).claims.map((c) => c.id)).toEqual([kept.id]);
      expect(await rejectionOf(caller.detail({ claimId: claim.id }))).toMatchObject({ code: "NOT_FOUND" });
      expect((await caller.myQueue()).assigned.map((c) => c.id)).not.toContain(claim.id);

      const [row] = await tx.select().from(claims).where(eq(claims.id, claim.id));
      expect(row).toMatchObject({ deletedBy: editor.id, quoteExact: "Ninety percent of voters" });
      expect(row?.deletedAt).toBeInstanceOf(Date);
      expect((await eventsOf(tx, claim.id)).map((e) => e.action)).toEqual(["claim.created", "claim.assigned", "claim.deleted"]);

      // A deleted claim cannot be worked on any more, and cannot be deleted twice.
      const stillDeleted = await tableFingerprints(tx);
      for (const call of [
        () => caller.update({ claimId: claim.id, version: row!.version, summary: "x" }),
        () => caller.delete({ claimId: claim.id, version: row!.version }),
        () => callerWith(tx, editor).evidence.attach({ claimId: claim.id, url: "https://example.org/deleted", stance: "context" }),
      ]) {
        expect(await rejectionOf(call())).toMatchObject({ code: "NOT_FOUND" });
      }
      expect(await tableFingerprints(tx)).toEqual(stillDeleted);
    }));

  it("deleting a published claim is refused", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const { claim } = await publishedClaim(tx, author, await createTestUser(tx, "editor"), await createArticle(tx));
      const before = await tableFingerprints(tx);
      const error = await rejectionOf(callerWith(tx, author).claim.delete({ claimId: claim.id, version: claim.version }));
      expect(error).toMatchObject({ code: "CONFLICT" });
      expect((error as Error).message).toMatch(/published/);
      expect(await tableFingerprints(tx)).toEqual(before);
    }));

  it("a claim in review can be deleted, and leaves the review queue", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const other = callerWith(tx, await createTestUser(tx, "editor")).claim;
      const { claim } = await claimInReview(tx, author, await createArticle(tx));
      expect((await other.myQueue()).toReview.map((c) => c.id)).toContain(claim.id);
      await callerWith(tx, author).claim.delete({ claimId: claim.id, version: claim.version });
      expect((await other.myQueue()).toReview.map((c) => c.id)).not.toContain(claim.id);
    }));
});

describe("claim.restore", () => {
  it("is for admins only: an editor is FORBIDDEN; an admin restores the claim and it is logged as claim.restored", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const admin = await namedUser(tx, "admin", "Admin");
      const article = await createArticle(tx);
      const claim = await mark(tx, editor, article, "Critics called the figures misleading");
      const deleted = await callerWith(tx, editor).claim.delete({ claimId: claim.id, version: claim.version });

      const before = await tableFingerprints(tx);
      expect(await rejectionOf(callerWith(tx, editor).claim.restore({ claimId: claim.id }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await tableFingerprints(tx)).toEqual(before);

      const restored = await callerWith(tx, admin).claim.restore({ claimId: claim.id });
      expect(restored).toMatchObject({ id: claim.id, deletedAt: null, deletedBy: null, version: deleted.version + 1 });
      const detail = await callerWith(tx, editor).claim.detail({ claimId: claim.id });
      expect(detail.history.at(-1)).toMatchObject({ action: "claim.restored", actorName: admin.name });
      expect((await callerWith(tx, editor).claim.workspace({ articleId: article.id })).claims.map((c) => c.id)).toEqual([claim.id]);
      // Restoring a live claim finds nothing to restore.
      expect(await rejectionOf(callerWith(tx, admin).claim.restore({ claimId: claim.id }))).toMatchObject({ code: "NOT_FOUND" });
    }));
});
