import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sources } from "@/db/schema";
import type { Database } from "@/db/types";
import { createArticle, mark } from "./claims-fixtures";
import { callerFor, createTestUser, inRollback, openTestDatabase, query, rejectionOf, uniqueName } from "./helpers";

const { db } = await openTestDatabase();

async function insertSource(tx: Database, url: string, values: { title?: string; publisherId?: number; originalUrls?: string[]; notes?: string } = {}) {
  const [row] = await tx
    .insert(sources)
    .values({ canonicalUrl: url, originalUrls: values.originalUrls ?? [url], title: values.title ?? null, publisherId: values.publisherId ?? null, notes: values.notes ?? null })
    .returning({ id: sources.id });
  return row!.id;
}

async function cite(tx: Database, claimId: number, sourceId: number, locator: string | null, deleted = false) {
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into evidence (claim_id, source_id, stance, locator, deleted_at) values (${claimId}, ${sourceId}, 'supports', ${locator}, ${deleted ? sql`now()` : null}) returning id`,
  );
  return row!.id;
}

const evidenceRow = async (tx: Database, id: number) =>
  (await query<{ source_id: number; deleted: boolean; version: number }>(tx, sql`select source_id, deleted_at is not null as deleted, version from evidence where id = ${id}`))[0]!;
const sourceRow = async (tx: Database, id: number) =>
  (await query<{ original_urls: string[]; merged_into_id: number | null; notes: string | null }>(tx, sql`select original_urls, merged_into_id, notes from sources where id = ${id}`))[0]!;
const auditCount = async (tx: Database) => (await query<{ n: number }>(tx, sql`select count(*)::int as n from audit_events`))[0]!.n;

async function scene(tx: Database) {
  const admin = callerFor(tx, await createTestUser(tx, "admin"));
  const editor = await createTestUser(tx, "editor");
  const article = await createArticle(tx);
  const first = await mark(tx, editor, article, "Ninety percent");
  const second = await mark(tx, editor, article, "of voters");
  const word = uniqueName("merge");
  const [publisher] = await query<{ id: number }>(tx, sql`insert into publishers (domain, name) values (${`${word}.example`}, 'Merge Times') returning id`);
  const title = `Budget report ${word}`;
  const survivor = await insertSource(tx, `https://${word}.example/report`, { title, publisherId: publisher!.id });
  const duplicate = await insertSource(tx, `https://www.${word}.example/report`, {
    title: `  ${title.toUpperCase()} `, publisherId: publisher!.id, originalUrls: [`http://www.${word}.example/report/?utm_source=x`], notes: "Kept from the duplicate",
  });
  const evidence = {
    survivorOnFirst: await cite(tx, first.id, survivor, null),
    // The same claim, the same (empty) place: the unique index forbids both citing the survivor.
    twinOnFirst: await cite(tx, first.id, duplicate, null),
    onSecond: await cite(tx, second.id, duplicate, "0:10"),
    removedEarlier: await cite(tx, second.id, duplicate, null, true),
  };
  return { admin, word, survivor, duplicate, evidence };
}

describe("merging duplicate sources", () => {
  it("lists the pair as possible duplicates, and the edit form is offered the existing source", () =>
    inRollback(db, async (tx) => {
      const { admin, word, survivor, duplicate } = await scene(tx);
      const groups = await admin.source.possibleDuplicates();
      const ids = groups.map((group) => group.sources.map((s) => s.id).sort((a, b) => a - b));
      // The same title and publisher, and also the same address once today's rules drop the "www.".
      expect(ids).toContainEqual([survivor, duplicate].sort((a, b) => a - b));
      const offer = await admin.source.checkUrl({ url: `https://${word}.example/report?utm_campaign=y`, sourceId: duplicate });
      expect(offer).toMatchObject({ canonicalUrl: `https://${word}.example/report`, existing: { id: survivor } });
      expect(await rejectionOf(admin.source.checkUrl({ url: "http://169.254.169.254/" }))).toMatchObject({ code: "BAD_REQUEST" });
    }));

  it("re-points evidence (removing what would be doubled), keeps every URL, writes one audit row, and is undone from the history", () =>
    inRollback(db, async (tx) => {
      const { admin, word, survivor, duplicate, evidence } = await scene(tx);
      const before = await auditCount(tx);
      const merged = await admin.source.merge({ survivorId: survivor, duplicateId: duplicate });
      expect(merged).toMatchObject({ movedEvidence: 2, removedEvidence: 1 });
      expect(await auditCount(tx)).toBe(before + 1);

      expect(await evidenceRow(tx, evidence.survivorOnFirst)).toMatchObject({ source_id: survivor, deleted: false, version: 1 });
      expect(await evidenceRow(tx, evidence.twinOnFirst)).toMatchObject({ source_id: survivor, deleted: true, version: 3 });
      expect(await evidenceRow(tx, evidence.onSecond)).toMatchObject({ source_id: survivor, deleted: false, version: 2 });
      expect(await evidenceRow(tx, evidence.removedEarlier)).toMatchObject({ source_id: survivor, deleted: true });
      const kept = await sourceRow(tx, survivor);
      expect(kept.original_urls).toEqual([`https://${word}.example/report`, `https://www.${word}.example/report`, `http://www.${word}.example/report/?utm_source=x`]);
      expect(kept.notes).toBe("Kept from the duplicate");
      expect((await sourceRow(tx, duplicate)).merged_into_id).toBe(survivor);
      const listed = await admin.source.list({ query: word });
      expect(listed.items.map((s) => s.id)).toEqual([survivor]);
      expect(listed.items[0]!.citingClaims).toBe(2);

      expect(await rejectionOf(admin.source.merge({ survivorId: survivor, duplicateId: duplicate }))).toMatchObject({ code: "CONFLICT" });
      expect(await rejectionOf(admin.source.merge({ survivorId: survivor, duplicateId: survivor }))).toMatchObject({ code: "BAD_REQUEST" });

      const history = await admin.audit.history({ entityType: "source", entityId: survivor });
      const mergeRow = history.find((row) => row.action === "source.merged")!;
      expect(mergeRow.after).toMatchObject({ mergedSourceId: duplicate });
      await admin.source.unmerge({ auditEventId: mergeRow.id });
      expect(await auditCount(tx)).toBe(before + 2);
      expect(await evidenceRow(tx, evidence.twinOnFirst)).toMatchObject({ source_id: duplicate, deleted: false });
      expect(await evidenceRow(tx, evidence.onSecond)).toMatchObject({ source_id: duplicate, deleted: false });
      expect(await evidenceRow(tx, evidence.removedEarlier)).toMatchObject({ source_id: duplicate, deleted: true });
      expect(await evidenceRow(tx, evidence.survivorOnFirst)).toMatchObject({ source_id: survivor, deleted: false });
      expect(await sourceRow(tx, survivor)).toMatchObject({ original_urls: [`https://${word}.example/report`], notes: null });
      expect((await sourceRow(tx, duplicate)).merged_into_id).toBeNull();
      expect(await rejectionOf(admin.source.unmerge({ auditEventId: mergeRow.id }))).toMatchObject({ code: "CONFLICT" });
    }));

  it("a merged duplicate's address finds the survivor when an editor cites it again", () =>
    inRollback(db, async (tx) => {
      const { admin, word, survivor, duplicate } = await scene(tx);
      await admin.source.merge({ survivorId: survivor, duplicateId: duplicate });
      const editor = await createTestUser(tx, "editor");
      const claim = await mark(tx, editor, await createArticle(tx), "Ninety percent");
      const attached = await callerFor(tx, editor).evidence.attach({ claimId: claim.id, url: `https://www.${word}.example/report`, stance: "refutes" });
      expect(attached.source.id).toBe(survivor);
    }));
});
