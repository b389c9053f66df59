import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claims, evidence } from "@/db/schema";
import { callerWith, claimInReview, createArticle, eventsOf, mark, namedUser, RATIONALE } from "./claims-fixtures";
import { createTestUser, inRollback, openTestDatabase, rejectionOf } from "./helpers";

const { db } = await openTestDatabase();
const messageOf = (error: unknown) => (error as Error).message;

describe("changeStatus: unchecked → in progress → in review", () => {
  it("sending to review needs a verdict, a one-sentence rationale and evidence; each missing piece is named", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const caller = callerWith(tx, editor).claim;
      const article = await createArticle(tx);
      let claim = await mark(tx, editor, article, "Ninety percent of voters");
      claim = await caller.changeStatus({ claimId: claim.id, version: claim.version, status: "in_progress" });
      expect(claim.status).toBe("in_progress");

      const toReview = () => caller.changeStatus({ claimId: claim.id, version: claim.version, status: "in_review" });
      const nothing = await rejectionOf(toReview());
      expect(nothing).toMatchObject({ code: "BAD_REQUEST" });
      expect(messageOf(nothing)).toMatch(/verdict/);
      expect(messageOf(nothing)).toMatch(/rationale/);
      expect(messageOf(nothing)).toMatch(/evidence/);

      // A verdict with a rationale that is no sentence ("see link"), and no evidence yet.
      claim = await caller.setVerdict({ claimId: claim.id, version: claim.version, verdict: "false", rationale: "see link" });
      const noSentence = messageOf(await rejectionOf(toReview()));
      expect(noSentence).not.toMatch(/verdict/);
      expect(noSentence).toMatch(/rationale of at least one full sentence/);
      expect(noSentence).toMatch(/evidence/);

      claim = await caller.setVerdict({ claimId: claim.id, version: claim.version, verdict: "false", rationale: RATIONALE });
      const noEvidence = await rejectionOf(toReview());
      expect(noEvidence).toMatchObject({ code: "BAD_REQUEST" });
      expect(messageOf(noEvidence)).toBe("Not ready for review: Link at least one source as evidence.");

      await callerWith(tx, editor).evidence.attach({ claimId: claim.id, url: "https://example.org/budget-report", stance: "refutes" });
      // The API always sets verdict and rationale together; a verdict cleared by other means is still caught.
      await tx.update(claims).set({ verdict: null }).where(eq(claims.id, claim.id));
      expect(messageOf(await rejectionOf(toReview()))).toBe("Not ready for review: Choose a verdict.");
      await tx.update(claims).set({ verdict: "false" }).where(eq(claims.id, claim.id));

      const inReview = await toReview();
      expect(inReview).toMatchObject({ status: "in_review", version: claim.version + 1 });
      const actions = (await eventsOf(tx, claim.id)).map((e) => e.action);
      expect(actions).toEqual(["claim.created", "claim.status_changed", "claim.verdict_set", "claim.verdict_set", "evidence.added", "claim.status_changed"]);
    }));

  it("refuses jumping steps and setting published directly; going back is allowed", () =>
    inRollback(db, async (tx) => {
      const editor = await createTestUser(tx, "editor");
      const caller = callerWith(tx, editor).claim;
      const article = await createArticle(tx);
      const fresh = await mark(tx, editor, article, "The budget grew");
      const jump = await rejectionOf(caller.changeStatus({ claimId: fresh.id, version: fresh.version, status: "in_review" }));
      expect(jump).toMatchObject({ code: "BAD_REQUEST" });
      expect(messageOf(jump)).toMatch(/one step forward at a time/);

      const { claim } = await claimInReview(tx, editor, article);
      const publish = await rejectionOf(caller.changeStatus({ claimId: claim.id, version: claim.version, status: "published" }));
      expect(publish).toMatchObject({ code: "BAD_REQUEST" });
      expect(messageOf(publish)).toMatch(/second editor/);
      const fromUnchecked = await rejectionOf(caller.changeStatus({ claimId: fresh.id, version: fresh.version, status: "published" }));
      expect(fromUnchecked).toMatchObject({ code: "BAD_REQUEST" });

      const back = await caller.changeStatus({ claimId: claim.id, version: claim.version, status: "in_progress" });
      expect(back.status).toBe("in_progress");
      const twoBack = await caller.changeStatus({ claimId: claim.id, version: back.version, status: "unchecked" });
      expect(twoBack.status).toBe("unchecked");
      const [row] = await tx.select().from(claims).where(eq(claims.id, claim.id));
      expect(row).toMatchObject({ status: "unchecked", verdict: "false", rationale: RATIONALE });
    }));
});

describe("claim.review", () => {
  it("the verdict's author cannot approve; another editor can, which publishes the claim", () =>
    inRollback(db, async (tx) => {
      const author = await namedUser(tx, "editor", "Author");
      const reviewer = await namedUser(tx, "editor", "Reviewer");
      const article = await createArticle(tx);
      const { claim } = await claimInReview(tx, author, article);

      const own = await rejectionOf(callerWith(tx, author).claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "Looks right." }));
      expect(own).toMatchObject({ code: "FORBIDDEN" });
      expect(messageOf(own)).toMatch(/another editor must review it/);
      expect((await callerWith(tx, author).claim.detail({ claimId: claim.id })).reviewRefusal).toMatch(/another editor must/);
      expect((await callerWith(tx, reviewer).claim.detail({ claimId: claim.id })).reviewRefusal).toBeNull();

      const published = await callerWith(tx, reviewer).claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "Checked the report." });
      expect(published).toMatchObject({ status: "published", reviewedBy: reviewer.id, verdictSetBy: author.id });
      expect(published.publishedAt).toBeInstanceOf(Date);

      const { history } = await callerWith(tx, reviewer).claim.detail({ claimId: claim.id });
      expect(new Set(history.map((h) => h.actorName))).toEqual(new Set([author.name, reviewer.name]));
      expect(history.at(-1)).toMatchObject({ action: "claim.approved", actorName: reviewer.name, after: { status: "published", comment: "Checked the report." } });
    }));

  it("an admin may approve a verdict they set themselves", () =>
    inRollback(db, async (tx) => {
      const admin = await namedUser(tx, "admin", "Admin");
      const { claim } = await claimInReview(tx, admin, await createArticle(tx));
      const published = await callerWith(tx, admin).claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "Urgent; checked twice." });
      expect(published).toMatchObject({ status: "published", reviewedBy: admin.id, verdictSetBy: admin.id });
    }));

  it("rejecting needs a comment and sends the claim back to in progress", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const reviewer = callerWith(tx, await createTestUser(tx, "editor")).claim;
      const { claim } = await claimInReview(tx, author, await createArticle(tx));
      for (const comment of ["", "   "]) {
        const error = await rejectionOf(reviewer.review({ claimId: claim.id, version: claim.version, decision: "reject", comment }));
        expect(error).toMatchObject({ code: "BAD_REQUEST" });
      }
      const rejected = await reviewer.review({ claimId: claim.id, version: claim.version, decision: "reject", comment: "The report is about 2022." });
      expect(rejected).toMatchObject({ status: "in_progress", publishedAt: null, reviewedBy: null });
      expect((await eventsOf(tx, claim.id)).at(-1)).toMatchObject({ action: "claim.rejected", after: { comment: "The report is about 2022." } });
      const again = await rejectionOf(reviewer.review({ claimId: claim.id, version: rejected.version, decision: "approve", comment: "Fine." }));
      expect(again).toMatchObject({ code: "CONFLICT" });
    }));

  it("approving is refused when the evidence is gone by the time of review", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const { claim, evidence: link } = await claimInReview(tx, author, await createArticle(tx));
      // Evidence is frozen in review through the API, so its removal is simulated behind the app's back.
      await tx.update(evidence).set({ deletedAt: new Date() }).where(eq(evidence.id, link.id));
      const reviewer = callerWith(tx, await createTestUser(tx, "editor"));
      const error = await rejectionOf(reviewer.claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "OK." }));
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect(messageOf(error)).toMatch(/Cannot publish: .*evidence/);
      const [row] = await tx.select().from(claims).where(eq(claims.id, claim.id));
      expect(row).toMatchObject({ status: "in_review", publishedAt: null, version: claim.version });
    }));
});

describe("after publication", () => {
  it("withdrawing (published → in review) clears publishedAt and reviewer; the verdict is then editable only in progress", () =>
    inRollback(db, async (tx) => {
      const author = await createTestUser(tx, "editor");
      const reviewer = callerWith(tx, await createTestUser(tx, "editor")).claim;
      const { claim } = await claimInReview(tx, author, await createArticle(tx));
      const published = await reviewer.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "Checked." });
      const caller = callerWith(tx, author).claim;
      const setVerdict = (version: number) => caller.setVerdict({ claimId: claim.id, version, verdict: "mixed", rationale: RATIONALE });

      const onPublished = await rejectionOf(setVerdict(published.version));
      expect(onPublished).toMatchObject({ code: "CONFLICT" });
      expect(messageOf(onPublished)).toMatch(/published/);

      const withdrawn = await caller.changeStatus({ claimId: claim.id, version: published.version, status: "in_review", comment: "Wrong year." });
      expect(withdrawn).toMatchObject({ status: "in_review", publishedAt: null, reviewedBy: null });
      const inReview = await rejectionOf(setVerdict(withdrawn.version));
      expect(inReview).toMatchObject({ code: "CONFLICT" });
      expect(messageOf(inReview)).toMatch(/waiting for review/);

      const back = await caller.changeStatus({ claimId: claim.id, version: withdrawn.version, status: "in_progress" });
      expect(await setVerdict(back.version)).toMatchObject({ verdict: "mixed", status: "in_progress" });
    }));
});
