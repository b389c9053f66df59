import { describe, expect, it } from "vitest";
import { auditor } from "./audit-fixtures";
import { callerWith, createArticle, eventsOf, mark, namedUser, RATIONALE, writerOf } from "./claims-fixtures";
import { inRollback, openTestDatabase, uniqueName } from "./helpers";

const { db } = await openTestDatabase();

describe("the claim audit trail", () => {
  it("every mutation writes exactly one event per change; refusals and no-ops write none", () =>
    inRollback(db, async (tx) => {
      const author = await namedUser(tx, "editor", "Author");
      const reviewer = await namedUser(tx, "editor", "Reviewer");
      const admin = await namedUser(tx, "admin", "Admin");
      const a = callerWith(tx, author);
      const r = callerWith(tx, reviewer).claim;
      const article = await createArticle(tx);
      const expectAudit = auditor(tx);

      let c = (await expectAudit("mark", "claim.created", () => mark(tx, author, article, "Ninety percent of voters"))).result;
      const id = c.id;
      c = (await expectAudit("update", "claim.updated", () => a.claim.update({ claimId: id, version: c.version, summary: "90% back the plan" }))).result;
      await expectAudit("update, nothing changed", null, () => a.claim.update({ claimId: id, version: c.version, summary: "90% back the plan" }));
      await expectAudit("update, stale version", null, () => a.claim.update({ claimId: id, version: c.version - 1, summary: "Other" }), "CONFLICT");
      c = (await expectAudit("setVerdict", "claim.verdict_set", () => a.claim.setVerdict({ claimId: id, version: c.version, verdict: "false", rationale: RATIONALE }))).result;
      expect(c.status).toBe("in_progress"); // one event, although both verdict and status changed
      await expectAudit("setVerdict, same again", null, () => a.claim.setVerdict({ claimId: id, version: c.version, verdict: "false", rationale: RATIONALE }));
      c = (await expectAudit("assign", "claim.assigned", () => a.claim.assign({ claimId: id, version: c.version, assigneeId: author.id }))).result;
      await expectAudit("assign, same person", null, () => a.claim.assign({ claimId: id, version: c.version, assigneeId: author.id }));
      await expectAudit("assign to nobody real", null, () => a.claim.assign({ claimId: id, version: c.version, assigneeId: 2_000_000_000 }), "BAD_REQUEST");

      // A URL on a new host adds its publisher and the source to the registry: one row each, then the evidence.
      const host = `${uniqueName("audit")}.example.org`;
      const kept = (await expectAudit("attach", ["publisher.created", "source.created", "evidence.added", "source.capture_requested"], () => a.evidence.attach({ claimId: id, url: `https://${host}/kept`, stance: "refutes" }))).result;
      const extra = (await expectAudit("attach another", ["source.created", "evidence.added", "source.capture_requested"], () => a.evidence.attach({ claimId: id, url: `https://${host}/extra`, stance: "context" }))).result;
      await expectAudit("attach a known source by id, elsewhere in it", "evidence.added", () => a.evidence.attach({ claimId: id, sourceId: kept.sourceId, stance: "supports", locator: "para 4" }));
      await expectAudit("attach the same source at the same place", null, () => a.evidence.attach({ claimId: id, sourceId: kept.sourceId, stance: "context", locator: "para 4" }), "BAD_REQUEST");
      await expectAudit("attach a bad URL", null, () => a.evidence.attach({ claimId: id, url: "javascript:alert(1)", stance: "context" }), "BAD_REQUEST");
      const edited = (await expectAudit("evidence update", "evidence.updated", () => a.evidence.update({ evidenceId: kept.id, version: kept.version, locator: "p. 12" }))).result;
      await expectAudit("evidence update, nothing changed", null, () => a.evidence.update({ evidenceId: kept.id, version: edited.version, locator: "p. 12" }));
      await expectAudit("evidence remove", "evidence.removed", () => a.evidence.remove({ evidenceId: extra.id, version: extra.version }));
      await expectAudit("evidence remove again", null, () => a.evidence.remove({ evidenceId: extra.id, version: extra.version + 1 }), "NOT_FOUND");

      await expectAudit("jump to published", null, () => a.claim.changeStatus({ claimId: id, version: c.version, status: "published" }), "BAD_REQUEST");
      c = (await expectAudit("to review", "claim.status_changed", () => a.claim.changeStatus({ claimId: id, version: c.version, status: "in_review" }))).result;
      await expectAudit("to review again", null, () => a.claim.changeStatus({ claimId: id, version: c.version, status: "in_review" }));
      await expectAudit("evidence while in review", null, () => a.evidence.attach({ claimId: id, url: "https://example.org/late", stance: "supports" }), "CONFLICT");
      c = (await expectAudit("reject", "claim.rejected", () => r.review({ claimId: id, version: c.version, decision: "reject", comment: "Which year?" }))).result;
      c = (await expectAudit("to review", "claim.status_changed", () => a.claim.changeStatus({ claimId: id, version: c.version, status: "in_review" }))).result;
      const approve = { claimId: id, decision: "approve" as const, comment: "Checked." };
      await expectAudit("approve own verdict", null, () => a.claim.review({ ...approve, version: c.version }), "FORBIDDEN");
      c = (await expectAudit("approve", "claim.approved", () => r.review({ ...approve, version: c.version }))).result;
      await expectAudit("delete published", null, () => a.claim.delete({ claimId: id, version: c.version }), "CONFLICT");
      c = (await expectAudit("withdraw", "claim.status_changed", () => a.claim.changeStatus({ claimId: id, version: c.version, status: "in_review" }))).result;
      c = (await expectAudit("back", "claim.status_changed", () => a.claim.changeStatus({ claimId: id, version: c.version, status: "in_progress" }))).result;
      await expectAudit("delete", "claim.deleted", () => a.claim.delete({ claimId: id, version: c.version }));
      await expectAudit("restore by an editor", null, () => a.claim.restore({ claimId: id }), "FORBIDDEN");
      await expectAudit("restore", "claim.restored", () => callerWith(tx, admin).claim.restore({ claimId: id }));
      await expectAudit("restore a live claim", null, () => callerWith(tx, admin).claim.restore({ claimId: id }), "NOT_FOUND");

      // The history names who did what, in order, and nobody's email.
      const { history } = await callerWith(tx, reviewer).claim.detail({ claimId: id });
      expect(history).toHaveLength((await eventsOf(tx, id)).length);
      expect(history.filter((h) => h.action === "claim.rejected" || h.action === "claim.approved").map((h) => h.actorName)).toEqual([reviewer.name, reviewer.name]);
      expect(history.find((h) => h.action === "claim.restored")?.actorName).toBe(admin.name);
      expect(history.filter((h) => h.actorName === author.name).length).toBeGreaterThan(10);
      expect(JSON.stringify(history)).not.toContain(author.email);
      expect(history.find((h) => h.action === "claim.updated")).toMatchObject({ before: { summary: null }, after: { summary: "90% back the plan" } });
      // Each row says what it is about: the claim's own rows and its evidence's, all within the article.
      const rows = await eventsOf(tx, id);
      expect(rows.every((row) => row.articleId === article.id && row.actorLabel === null)).toBe(true);
      expect(rows.filter((row) => row.entityType === "claim").every((row) => row.entityId === id)).toBe(true);
      expect(rows.filter((row) => row.entityType === "evidence").map((row) => row.entityId)).toEqual(expect.arrayContaining([kept.id, extra.id]));
      expect(history.find((h) => h.action === "claim.approved")?.label).toBe("approved the verdict");
    }));

  it("each change and its event are written by the same transaction", async () => {
    // Committed for real (no surrounding transaction): xmin is the id of the transaction that wrote a row.
    const editor = await namedUser(db, "editor", "Editor");
    const caller = callerWith(db, editor);
    const article = await createArticle(db);
    const claim = await mark(db, editor, article, "Critics called the figures misleading");
    const eventWriters = async () => Promise.all((await eventsOf(db, claim.id)).map((e) => writerOf(db, "audit_events", e.id)));

    const [created] = await eventWriters();
    expect(created).toBe(await writerOf(db, "claims", claim.id));
    await caller.claim.setVerdict({ claimId: claim.id, version: claim.version, verdict: "mixed", rationale: RATIONALE });
    const afterVerdict = await eventWriters();
    expect(afterVerdict).toHaveLength(2);
    expect(afterVerdict[1]).toBe(await writerOf(db, "claims", claim.id));
    expect(afterVerdict[1]).not.toBe(created);
    const link = await caller.evidence.attach({ claimId: claim.id, url: "https://example.org/audit", stance: "context" });
    const afterAttach = await eventWriters();
    expect(afterAttach[2]).toBe(await writerOf(db, "evidence", link.id));
    expect(new Set(afterAttach).size).toBe(3);
  });
});
