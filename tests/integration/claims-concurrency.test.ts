import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { claims, evidence } from "@/db/schema";
import { callerWith, claimInReview, createArticle, eventsOf, mark, namedUser, RATIONALE, type TestArticle } from "./claims-fixtures";
import { openTestDatabase, rejectionOf, type UserActor } from "./helpers";

// No surrounding transaction here: each call commits on its own pooled connection (postgres.js), so the
// two calls of a pair really run at the same time in two database sessions.
const { db } = await openTestDatabase();
const ROUNDS = 20;

let alice: UserActor;
let bob: UserActor;
let article: TestArticle;
beforeAll(async () => {
  [alice, bob, article] = await Promise.all([namedUser(db, "editor", "Alice"), namedUser(db, "editor", "Bob"), createArticle(db)]);
});

/** Exactly one of the pair succeeded; the other is a CONFLICT naming the winner. Returns the winner's index. */
function oneWinner(results: PromiseSettledResult<unknown>[], actors: UserActor[]): number {
  const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
  expect(won, JSON.stringify(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok")))).toHaveLength(1);
  const winner = won[0]!;
  const lost = results[1 - winner] as PromiseRejectedResult;
  expect(lost.reason).toMatchObject({ code: "CONFLICT" });
  expect((lost.reason as Error).message).toMatch(new RegExp(`changed by ${actors[winner]!.name} at \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d UTC`));
  return winner;
}

async function expectSingleChange(claimId: number, winner: UserActor, action: string) {
  const events = await eventsOf(db, claimId);
  expect(events.map((e) => e.action)).toEqual(["claim.created", action]);
  expect(events[1]?.actorId).toBe(winner.id);
  const [row] = await db.select().from(claims).where(eq(claims.id, claimId));
  expect(row?.version).toBe(2);
  return row!;
}

describe("optimistic locking under real concurrency", () => {
  it(`two claim.update calls on the same version: one wins, the other is told who changed it (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const claim = await mark(db, alice, article, "Ninety percent");
      const results = await Promise.allSettled(
        [alice, bob].map((editor) => callerWith(db, editor).claim.update({ claimId: claim.id, version: claim.version, summary: `${editor.name} round ${round}` })),
      );
      const winner = [alice, bob][oneWinner(results, [alice, bob])]!;
      expect((await expectSingleChange(claim.id, winner, "claim.updated")).summary).toBe(`${winner.name} round ${round}`);
    }
  });

  it(`two claim.setVerdict calls on the same version: one wins (${ROUNDS} rounds)`, async () => {
    const verdicts = ["false", "mixed"] as const;
    for (let round = 0; round < ROUNDS; round++) {
      const claim = await mark(db, alice, article, "The budget grew");
      const results = await Promise.allSettled(
        [alice, bob].map((editor, i) => callerWith(db, editor).claim.setVerdict({ claimId: claim.id, version: claim.version, verdict: verdicts[i]!, rationale: RATIONALE })),
      );
      const i = oneWinner(results, [alice, bob]);
      expect(await expectSingleChange(claim.id, [alice, bob][i]!, "claim.verdict_set")).toMatchObject({ verdict: verdicts[i], verdictSetBy: [alice, bob][i]!.id });
    }
  });

  it(`two claim.assign calls on the same version: one wins (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const claim = await mark(db, alice, article, "Critics called");
      const results = await Promise.allSettled(
        [alice, bob].map((editor) => callerWith(db, editor).claim.assign({ claimId: claim.id, version: claim.version, assigneeId: editor.id })),
      );
      const winner = [alice, bob][oneWinner(results, [alice, bob])]!;
      expect((await expectSingleChange(claim.id, winner, "claim.assigned")).assigneeId).toBe(winner.id);
    }
  });

  it(`two reviewers approving at once: the claim is published once (${ROUNDS} rounds)`, async () => {
    const carol = await namedUser(db, "editor", "Carol");
    for (let round = 0; round < ROUNDS; round++) {
      const { claim } = await claimInReview(db, carol, article);
      const results = await Promise.allSettled(
        [alice, bob].map((editor) => callerWith(db, editor).claim.review({ claimId: claim.id, version: claim.version, decision: "approve", comment: "Checked." })),
      );
      const winner = [alice, bob][oneWinner(results, [alice, bob])]!;
      const events = await eventsOf(db, claim.id);
      expect(events.filter((e) => e.action === "claim.approved").map((e) => e.actorId)).toEqual([winner.id]);
    }
  });

  it(`sending to review while the only evidence is removed: never in review without evidence (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { claim, evidence: link } = await claimInReview(db, alice, article, { send: false });
      const [toReview, removal] = await Promise.allSettled([
        callerWith(db, alice).claim.changeStatus({ claimId: claim.id, version: claim.version, status: "in_review" }),
        callerWith(db, bob).evidence.remove({ evidenceId: link.id, version: link.version }),
      ]);
      expect([toReview!.status, removal!.status].sort()).toEqual(["fulfilled", "rejected"]);
      if (toReview!.status === "rejected") expect(toReview.reason).toMatchObject({ code: "BAD_REQUEST" }); // no evidence left
      if (removal!.status === "rejected") expect(removal.reason).toMatchObject({ code: "CONFLICT" }); // evidence frozen in review
      const [row] = await db.select({ status: claims.status }).from(claims).where(eq(claims.id, claim.id));
      const live = await db.select().from(evidence).where(and(eq(evidence.claimId, claim.id), isNull(evidence.deletedAt)));
      expect(row?.status).toBe(toReview!.status === "fulfilled" ? "in_review" : "in_progress");
      expect(live).toHaveLength(toReview!.status === "fulfilled" ? 1 : 0);
    }
  });

  it("two evidence updates on the same version: one wins, the other is a CONFLICT", async () => {
    const { evidence: link } = await claimInReview(db, alice, article, { send: false });
    const results = await Promise.allSettled(
      (["supports", "context"] as const).map((stance, i) => callerWith(db, [alice, bob][i]!).evidence.update({ evidenceId: link.id, version: link.version, stance })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    const [row] = await db.select().from(evidence).where(eq(evidence.id, link.id));
    expect(row?.version).toBe(link.version + 1);
  });
});

describe("stale writes, one after the other", () => {
  it("a claim write with a version someone else already moved on is a CONFLICT naming them, and changes nothing", async () => {
    const claim = await mark(db, alice, article, "minister said on Monday");
    const moved = await callerWith(db, bob).claim.update({ claimId: claim.id, version: claim.version, speaker: "The minister" });
    const stale = { claimId: claim.id, version: claim.version };
    const attempts = [
      () => callerWith(db, alice).claim.update({ ...stale, summary: "Mine" }),
      () => callerWith(db, alice).claim.setVerdict({ ...stale, verdict: "true", rationale: RATIONALE }),
      () => callerWith(db, alice).claim.assign({ ...stale, assigneeId: alice.id }),
      () => callerWith(db, alice).claim.changeStatus({ ...stale, status: "in_progress" }),
      () => callerWith(db, alice).claim.delete(stale),
    ];
    for (const attempt of attempts) {
      const error = await rejectionOf(attempt());
      expect(error).toMatchObject({ code: "CONFLICT" });
      expect((error as Error).message).toContain(`changed by ${bob.name} at `);
    }
    const [row] = await db.select().from(claims).where(eq(claims.id, claim.id));
    expect(row).toMatchObject({ version: moved.version, summary: null, verdict: null, assigneeId: null, status: "unchecked", deletedAt: null });
    expect(await eventsOf(db, claim.id)).toHaveLength(2);
  });

  it("an evidence update with a stale version is a CONFLICT", async () => {
    const { evidence: link } = await claimInReview(db, alice, article, { send: false });
    await callerWith(db, bob).evidence.update({ evidenceId: link.id, version: link.version, note: "Bob's note" });
    const error = await rejectionOf(callerWith(db, alice).evidence.update({ evidenceId: link.id, version: link.version, note: "Alice's note" }));
    expect(error).toMatchObject({ code: "CONFLICT" });
    const [row] = await db.select().from(evidence).where(eq(evidence.id, link.id));
    expect(row).toMatchObject({ note: "Bob's note", version: link.version + 1 });
    expect(await rejectionOf(callerWith(db, alice).evidence.remove({ evidenceId: link.id, version: link.version }))).toMatchObject({ code: "CONFLICT" });
  });
});
