import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerWith, claimInReview, createArticle, mark, namedUser, publishedClaim } from "./claims-fixtures";
import { countRows, createTestUser, inRollback, openTestDatabase } from "./helpers";

const { db } = await openTestDatabase();

describe("notifications and 'Returned to me'", () => {
  it("a rejected claim is returned to its author with the reviewer's comment, in the queue and the notifications, until it is sent back to review", () =>
    inRollback(db, async (tx) => {
      const author = await namedUser(tx, "editor", "Author");
      const reviewer = await namedUser(tx, "editor", "Reviewer");
      const { claim } = await claimInReview(tx, author, await createArticle(tx));
      const rejected = await callerWith(tx, reviewer).claim.review({ claimId: claim.id, version: claim.version, decision: "reject", comment: "Cite the 2025 report." });

      const queue = await callerWith(tx, author).claim.myQueue();
      expect(queue.returned).toEqual([expect.objectContaining({ id: claim.id, comment: "Cite the 2025 report.", reviewerName: reviewer.name, returnedAt: expect.any(Date) })]);
      expect((await callerWith(tx, reviewer).claim.myQueue()).returned).toEqual([]);

      const mine = await callerWith(tx, author).notification.list();
      expect(mine.unreadCount).toBe(1);
      expect(mine.items).toEqual([
        expect.objectContaining({ action: "claim.rejected", label: "returned a claim to you", comment: "Cite the 2025 report.", actorName: reviewer.name, claimId: claim.id, readAt: null }),
      ]);
      // The reviewer did it, so the reviewer is not told.
      expect((await callerWith(tx, reviewer).notification.list()).items).toEqual([]);

      await callerWith(tx, author).claim.changeStatus({ claimId: claim.id, version: rejected.version, status: "in_review" });
      expect((await callerWith(tx, author).claim.myQueue()).returned).toEqual([]);
    }));

  it("tells the new assignee, the verdict's author on approval, and everyone on the claim when an edit changes its words; never the actor", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const reviewer = await createTestUser(tx, "editor");
      const assignee = await createTestUser(tx, "editor");
      const article = await createArticle(tx);
      const mine = await mark(tx, author, article, "The budget grew by 12 billion euros in 2023");
      await callerWith(tx, author).claim.assign({ claimId: mine.id, version: mine.version, assigneeId: author.id });
      expect((await callerWith(tx, author).notification.list()).items).toEqual([]);
      await callerWith(tx, author).claim.assign({ claimId: mine.id, version: mine.version + 1, assigneeId: assignee.id });
      expect((await callerWith(tx, assignee).notification.list()).items.map((n) => n.action)).toEqual(["claim.assigned"]);

      const { claim } = await publishedClaim(tx, author, reviewer, article);
      expect((await callerWith(tx, author).notification.list()).items.map((n) => [n.action, n.claimId])).toEqual([["claim.approved", claim.id]]);

      // The editor rewrites the words of the assigned claim: its author and assignee hear about it.
      const body = article.body.replace("12 billion", "13 billion");
      await callerWith(tx, reviewer).article.edit({ articleId: article.id, version: 1, body });
      expect((await callerWith(tx, assignee).notification.list()).items.map((n) => [n.action, n.claimId])).toEqual([
        ["claim.anchor_changed", mine.id],
        ["claim.assigned", mine.id],
      ]);
      expect((await callerWith(tx, author).notification.list()).items.map((n) => n.action)).toEqual(["claim.anchor_changed", "claim.approved"]);
    }));

  it("a repeated review request (same idempotency key) notifies once", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const reviewer = await createTestUser(tx, "editor");
      const { claim } = await claimInReview(tx, author, await createArticle(tx));
      const input = { claimId: claim.id, version: claim.version, decision: "reject" as const, comment: "Needs a source.", idempotencyKey: randomUUID() };
      await callerWith(tx, reviewer).claim.review(input);
      await callerWith(tx, reviewer).claim.review(input);
      expect((await callerWith(tx, author).notification.list()).unreadCount).toBe(1);
    }));

  it("marks read one, or all up to the newest shown; repeating it, or naming someone else's, changes nothing", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const other = await createTestUser(tx, "editor");
      const article = await createArticle(tx);
      for (const text of ["The budget grew", "Ninety percent of voters"]) {
        const claim = await mark(tx, other, article, text);
        await callerWith(tx, other).claim.assign({ claimId: claim.id, version: claim.version, assigneeId: author.id });
      }
      const me = callerWith(tx, author).notification;
      const [newest, older] = (await me.list()).items;
      expect(await callerWith(tx, other).notification.markRead({ notificationId: newest!.id, andOlder: true })).toEqual({ marked: 0 });
      expect(await me.markRead({ notificationId: older!.id })).toEqual({ marked: 1 });
      expect(await me.markRead({ notificationId: older!.id })).toEqual({ marked: 0 });
      expect((await me.list()).unreadCount).toBe(1);
      expect(await me.markRead({ notificationId: newest!.id, andOlder: true })).toEqual({ marked: 1 });
      const after = await me.list();
      expect(after.unreadCount).toBe(0);
      expect(after.items.every((n) => n.readAt instanceof Date)).toBe(true);
      expect(await countRows(tx, "notifications")).toBeGreaterThanOrEqual(2);
    }));
});
