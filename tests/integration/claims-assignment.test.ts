import { describe, expect, it } from "vitest";
import { callerWith, claimInReview, createArticle, mark, namedUser, publishedClaim } from "./claims-fixtures";
import { createTestUser, inRollback, openTestDatabase, rejectionOf, tableFingerprints } from "./helpers";

const { db } = await openTestDatabase();

describe("claim.assign", () => {
  it("assigns to an active editor or admin, and unassigns with null", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const colleague = await namedUser(tx, "editor", "Colleague");
      const admin = await createTestUser(tx, "admin");
      const caller = callerWith(tx, editor).claim;
      const article = await createArticle(tx);
      let claim = await mark(tx, editor, article, "Ninety percent");
      claim = await caller.assign({ claimId: claim.id, version: claim.version, assigneeId: colleague.id });
      expect(claim.assigneeId).toBe(colleague.id);
      const listed = (await caller.workspace({ articleId: article.id })).claims.find((c) => c.id === claim.id);
      expect(listed).toMatchObject({ assigneeId: colleague.id, assigneeName: colleague.name });
      claim = await caller.assign({ claimId: claim.id, version: claim.version, assigneeId: admin.id });
      expect(claim.assigneeId).toBe(admin.id);
      claim = await caller.assign({ claimId: claim.id, version: claim.version, assigneeId: null });
      expect(claim.assigneeId).toBeNull();
    }));

  it("refuses readers and deactivated editors as assignees (BAD_REQUEST), writing nothing", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const reader = await createTestUser(tx, "reader");
      const gone = await createTestUser(tx, "editor", { active: false });
      const claim = await mark(tx, editor, await createArticle(tx), "The budget grew");
      const before = await tableFingerprints(tx);
      for (const assignee of [reader, gone]) {
        const error = await rejectionOf(callerWith(tx, editor).claim.assign({ claimId: claim.id, version: claim.version, assigneeId: assignee.id }));
        expect(error).toMatchObject({ code: "BAD_REQUEST" });
        expect((error as Error).message).toMatch(/active editors and admins/);
      }
      expect(await tableFingerprints(tx)).toEqual(before);
    }));

  it("user.editors lists exactly the assignable people, by name, without emails", () =>
    inRollback(db, async (tx) => {
      const editor = await namedUser(tx, "editor", "Listed editor");
      const admin = await namedUser(tx, "admin", "Listed admin");
      const reader = await namedUser(tx, "reader", "Unlisted reader");
      const gone = await namedUser(tx, "editor", "Unlisted former editor", { active: false });
      const editors = await callerWith(tx, editor).user.editors();
      const ids = editors.map((e) => e.id);
      expect(ids).toEqual(expect.arrayContaining([editor.id, admin.id]));
      expect(ids).not.toContain(reader.id);
      expect(ids).not.toContain(gone.id);
      expect(editors.find((e) => e.id === admin.id)).toEqual({ id: admin.id, name: admin.name, role: "admin" });
      expect(JSON.stringify(editors)).not.toMatch(/@/);
    }));
});

describe("claim.myQueue", () => {
  it("lists my assigned unpublished claims, and claims in review whose verdict someone else set", () =>
    inRollback(db, async (tx) => {
      const me = await createTestUser(tx, "editor");
      const other = await createTestUser(tx, "editor");
      const article = await createArticle(tx);
      const assign = async (claim: { id: number; version: number }, to: number) => callerWith(tx, other).claim.assign({ claimId: claim.id, version: claim.version, assigneeId: to });

      const mine = await assign(await mark(tx, other, article, "Ninety percent"), me.id);
      const theirs = await assign(await mark(tx, other, article, "The budget grew"), other.id);
      const { claim: myVerdict } = await claimInReview(tx, me, article, { text: "Critics called" });
      const { claim: theirVerdict } = await claimInReview(tx, other, article, { text: "demanded an audit" });
      const published = await publishedClaim(tx, other, me, article, { text: "the minister said" });
      const publishedAndMine = await assign(published.claim, me.id);

      const queue = await callerWith(tx, me).claim.myQueue();
      const assignedIds = queue.assigned.map((c) => c.id);
      expect(assignedIds).toContain(mine.id);
      expect(assignedIds).not.toContain(theirs.id);
      // A published claim is done: assigned to me, but not in my queue.
      expect(publishedAndMine.assigneeId).toBe(me.id);
      expect(assignedIds).not.toContain(published.claim.id);
      const toReview = queue.toReview.map((c) => c.id);
      expect(toReview).toContain(theirVerdict.id);
      expect(toReview).not.toContain(myVerdict.id);
      expect(queue.toReview.find((c) => c.id === theirVerdict.id)).toMatchObject({ status: "in_review", verdict: "false", articleId: article.id });
    }));

  it("an admin sees every claim in review, their own verdicts included", () =>
    inRollback(db, async (tx) => {
      const admin = await createTestUser(tx, "admin");
      const editor = await createTestUser(tx, "editor");
      const article = await createArticle(tx);
      const { claim: own } = await claimInReview(tx, admin, article);
      const { claim: editors } = await claimInReview(tx, editor, article, { text: "The budget grew" });
      const toReview = (await callerWith(tx, admin).claim.myQueue()).toReview.map((c) => c.id);
      expect(toReview).toEqual(expect.arrayContaining([own.id, editors.id]));
      expect((await callerWith(tx, editor).claim.myQueue()).toReview.map((c) => c.id)).not.toContain(editors.id);
    }));
});
