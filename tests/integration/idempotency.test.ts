import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callerWith, claimInReview, createArticle, mark, namedUser } from "./claims-fixtures";
import { openTestDatabase, query } from "./helpers";

const { db } = await openTestDatabase();

async function counts(claimId: number, userId: number) {
  const [row] = await query<{ audit: number; evidence: number; keys: number }>(
    db,
    sql`select (select count(*)::int from audit_events where claim_id = ${claimId}) as audit,
               (select count(*)::int from evidence where claim_id = ${claimId} and deleted_at is null) as evidence,
               (select count(*)::int from idempotency_keys where user_id = ${userId}) as keys`,
  );
  return row!;
}

describe("idempotency keys", () => {
  it("answers a second attach with the same key with the first result and writes nothing", async () => {
    const editor = await namedUser(db, "editor", "Ana");
    const article = await createArticle(db, { status: "draft" });
    const claim = await mark(db, editor, article, "Ninety percent of voters");
    const caller = callerWith(db, editor);
    const input = { claimId: claim.id, url: `https://example.org/${randomUUID()}`, stance: "refutes" as const, idempotencyKey: randomUUID() };
    const first = await caller.evidence.attach(input);
    const before = await counts(claim.id, editor.id);
    expect(before.keys).toBe(1);
    const second = await caller.evidence.attach(input);
    expect(second).toEqual(first);
    expect(second.createdAt).toBeInstanceOf(Date);
    expect(await counts(claim.id, editor.id)).toEqual(before);
  });

  it("answers concurrent repeats of one save verdict with one change and no conflict", async () => {
    const editor = await namedUser(db, "editor", "Ana");
    const article = await createArticle(db, { status: "draft" });
    const claim = await mark(db, editor, article, "Ninety percent of voters");
    const caller = callerWith(db, editor);
    const input = { claimId: claim.id, version: claim.version, verdict: "false" as const, rationale: "The report says otherwise.", idempotencyKey: randomUUID() };
    const results = await Promise.all([caller.claim.setVerdict(input), caller.claim.setVerdict(input), caller.claim.setVerdict(input)]);
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([claim.version + 1]));
    const [{ n }] = (await query<{ n: number }>(db, sql`select count(*)::int as n from audit_events where claim_id = ${claim.id} and action = 'claim.verdict_set'`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("answers a repeated approve with the first result, not a conflict", async () => {
    const author = await namedUser(db, "editor", "Ana");
    const reviewer = await namedUser(db, "editor", "Ben");
    const article = await createArticle(db, { status: "draft" });
    const { claim } = await claimInReview(db, author, article);
    const input = { claimId: claim.id, version: claim.version, decision: "approve" as const, comment: "Checked.", idempotencyKey: randomUUID() };
    const caller = callerWith(db, reviewer);
    const first = await caller.claim.review(input);
    await expect(caller.claim.review(input)).resolves.toEqual(first);
    const [{ n }] = (await query<{ n: number }>(db, sql`select count(*)::int as n from audit_events where claim_id = ${claim.id} and action = 'claim.approved'`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  // Every workspace button's mutation (components/workspace): the same key twice is one change, one audit row, the first answer.
  it.each([
    ["claim.assign", "claim.assigned"],
    ["claim.update", "claim.updated"],
    ["claim.changeStatus", "claim.status_changed"],
    ["claim.reattach", "claim.reattached"],
    ["claim.delete", "claim.deleted"],
    ["evidence.remove", "evidence.removed"],
  ] as const)("%s: a repeat with the same key answers with the first result and writes nothing", async (procedure, auditAction) => {
    const editor = await namedUser(db, "editor", "Ana");
    const article = await createArticle(db, { status: "draft" });
    const claim = await mark(db, editor, article, "Ninety percent of voters");
    const caller = callerWith(db, editor);
    const link = await caller.evidence.attach({ claimId: claim.id, url: `https://example.org/${randomUUID()}`, stance: "refutes" });
    const idempotencyKey = randomUUID();
    const start = article.body.indexOf("The budget grew");
    const send = () => {
      const at = { claimId: claim.id, version: claim.version, idempotencyKey };
      switch (procedure) {
        case "claim.assign": return caller.claim.assign({ ...at, assigneeId: editor.id });
        case "claim.update": return caller.claim.update({ ...at, summary: "Support for the plan" });
        case "claim.changeStatus": return caller.claim.changeStatus({ ...at, status: "in_progress" });
        case "claim.reattach": return caller.claim.reattach({ ...at, revisionId: article.revisionId, start, end: start + "The budget grew".length });
        case "claim.delete": return caller.claim.delete(at);
        case "evidence.remove": return caller.evidence.remove({ evidenceId: link.id, version: link.version, idempotencyKey });
      }
    };
    const first = await send();
    const before = await counts(claim.id, editor.id);
    await expect(send()).resolves.toEqual(first);
    expect(await counts(claim.id, editor.id)).toEqual(before);
    const [{ n }] = (await query<{ n: number }>(db, sql`select count(*)::int as n from audit_events where claim_id = ${claim.id} and action = ${auditAction}`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("article.edit: a double-clicked Save revision stores one revision and answers the repeat with it, not a conflict", async () => {
    const editor = await namedUser(db, "editor", "Ana");
    const article = await createArticle(db, { status: "draft" });
    const caller = callerWith(db, editor);
    const input = { articleId: article.id, version: 1, body: `${article.body}\n\nA paragraph added (${randomUUID()}).`, idempotencyKey: randomUUID() };
    const [first, second] = await Promise.all([caller.article.edit(input), caller.article.edit(input)]);
    expect(second).toEqual(first);
    const [{ n }] = (await query<{ n: number }>(db, sql`select count(*)::int as n from article_revisions where article_id = ${article.id}`)) as [{ n: number }];
    expect(n).toBe(2);
    // Without the key the repeat is stale, and the message says whose save it was: the editor's own.
    await expect(caller.article.edit({ ...input, idempotencyKey: undefined })).rejects.toThrow(/^You saved this article at/);
  });

  it("scopes keys by user: another user's key does not replay someone else's answer", async () => {
    const ana = await namedUser(db, "editor", "Ana");
    const ben = await namedUser(db, "editor", "Ben");
    const article = await createArticle(db, { status: "draft" });
    const idempotencyKey = randomUUID();
    const base = { articleId: article.id, revisionId: article.revisionId, start: 0, end: 6, kind: "statistic" as const, idempotencyKey };
    const byAna = await callerWith(db, ana).claim.mark(base);
    const byBen = await callerWith(db, ben).claim.mark(base);
    expect(byBen.id).not.toBe(byAna.id);
    expect(byBen.createdBy).toBe(ben.id);
  });

  it("refuses a key reused for a different action", async () => {
    const editor = await namedUser(db, "editor", "Ana");
    const article = await createArticle(db, { status: "draft" });
    const claim = await mark(db, editor, article, "Ninety percent of voters");
    const caller = callerWith(db, editor);
    const idempotencyKey = randomUUID();
    const updated = await caller.claim.update({ claimId: claim.id, version: claim.version, summary: "Support for the plan", idempotencyKey });
    await expect(caller.claim.setVerdict({ claimId: claim.id, version: updated.version, verdict: "false", rationale: "x", idempotencyKey })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses the same source at the same locator twice on one claim, with a clear message", async () => {
    const editor = await namedUser(db, "editor", "Ana");
    const article = await createArticle(db, { status: "draft" });
    const claim = await mark(db, editor, article, "Ninety percent of voters");
    const caller = callerWith(db, editor);
    const url = `https://example.org/${randomUUID()}`;
    await caller.evidence.attach({ claimId: claim.id, url, stance: "refutes", locator: "p. 4" });
    await expect(caller.evidence.attach({ claimId: claim.id, url, stance: "supports", locator: "p. 4" })).rejects.toThrow(/already attached to this claim at p\. 4/);
    // Another place in the same source is other evidence.
    await expect(caller.evidence.attach({ claimId: claim.id, url, stance: "supports", locator: "p. 9" })).resolves.toMatchObject({ locator: "p. 9" });
    // The index is the guarantee, whatever the service checks.
    await expect(
      db.execute(sql`insert into evidence (claim_id, source_id, stance, locator) select claim_id, source_id, 'context', locator from evidence where claim_id = ${claim.id} and locator = 'p. 4'`),
    ).rejects.toMatchObject({ cause: { constraint_name: "evidence_live_claim_source_locator_key" } });
  });

  it("tells an editor their own earlier save apart from a colleague's", async () => {
    const editor = await namedUser(db, "editor", "Ana");
    const article = await createArticle(db, { status: "draft" });
    const claim = await mark(db, editor, article, "Ninety percent of voters");
    const caller = callerWith(db, editor);
    await caller.claim.update({ claimId: claim.id, version: claim.version, summary: "One" });
    await expect(caller.claim.update({ claimId: claim.id, version: claim.version, summary: "Two" })).rejects.toThrow(/^You changed this claim/);
  });
});
