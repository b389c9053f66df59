import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/types";
import type { Actor } from "@/server/actor";
import { findOrCreateSource } from "@/server/services/source/find-or-create-source";
import { commitImport, previewImport, stageImport } from "@/server/services/source/import-sources";
import { callerFor, createTestUser, inRollback, openIsolatedDatabase, query, rejectionOf } from "./helpers";

// An isolated database: the round trip exports the whole registry, which other files change while they run.
const db = await openIsolatedDatabase();

const counts = async (tx: Database) =>
  (await query<{ sources: number; publishers: number; audit: number }>(
    tx,
    sql`select (select count(*)::int from sources) as sources, (select count(*)::int from publishers) as publishers, (select count(*)::int from audit_events) as audit`,
  ))[0]!;

/** Sends a parsed file the way the browser does: in batches of 2,000 rows, then the dry run. */
async function stage(tx: Database, actor: Actor, records: string[][], onBatch?: (rows: number) => void) {
  const [header, ...rows] = records;
  const importId = randomUUID();
  for (let from = 0, seq = 0; from < rows.length; from += 2_000, seq += 1) {
    const csv = stringify([header!, ...rows.slice(from, from + 2_000)]);
    const { staged } = await stageImport({ db: tx, actor }, { importId, seq, csv });
    onBatch?.(staged);
  }
  return { importId, preview: await previewImport({ db: tx, actor }, { importId }) };
}

describe("sources as CSV", () => {
  it("round-trips: an export checked as an import is every row a duplicate, and nothing is written", () =>
    inRollback(db, async (tx) => {
      const actor = await createTestUser(tx, "admin");
      const admin = callerFor(tx, actor);
      for (const [url, title] of [
        ["https://www.youtube.com/watch?v=cxghDz524HQ&t=10", "Lavrov, interviewed"],
        ["https://example.org/report?utm_source=x", 'A "quoted", comma title'],
        ["https://example.net/notes", "Line one\nline two"],
      ]) {
        const source = await findOrCreateSource(tx, actor, url!);
        await admin.source.update({ sourceId: source.id, title: title! });
      }
      const exported = await admin.source.exportCsv();
      expect(exported.csv.startsWith("url,title,type,published_on,archived_url,link_status,notes,")).toBe(true);
      const records = parse(exported.csv, { bom: true }) as string[][];
      expect(records.length - 1).toBe(exported.rows);
      expect(records.map((r) => r[1])).toContain("Line one\nline two");

      const before = await counts(tx);
      const { preview } = await stage(tx, actor, records);
      expect(preview).toMatchObject({ total: exported.rows, new: 0, duplicate: exported.rows, rejected: 0 });
      expect(preview.rows.every((row) => row.outcome === "duplicate" && row.reason?.startsWith("Already in the registry as source #"))).toBe(true);
      expect(await counts(tx)).toEqual(before);

      const publishers = parse((await admin.publisher.exportCsv()).csv) as string[][];
      expect(publishers[0]).toEqual(["id", "domain", "name", "reliability_rating", "reliability_rationale", "rated_on", "sources"]);
      expect(publishers.map((r) => r[1])).toEqual(expect.arrayContaining(["youtube.com", "example.org", "example.net"]));
    }));

  it("is all or nothing: one rejected row and nothing is imported, with the row and reason named", () =>
    inRollback(db, async (tx) => {
      const actor = await createTestUser(tx, "admin");
      const { importId, preview } = await stage(tx, actor, [
        ["URL", "Title", "Type"],
        ["https://fresh.example/a", "Fine", "article"],
        ["https://fresh.example/a?utm_medium=mail", "Same again", ""],
        ["http://169.254.169.254/latest/meta-data", "Internal", ""],
        ["https://fresh.example/b", "Bad type", "podcast"],
      ]);
      expect(preview).toMatchObject({ total: 4, new: 1, duplicate: 1, rejected: 2 });
      expect(preview.rows.find((r) => r.row === 2)).toMatchObject({ outcome: "duplicate", reason: "Same address as row 1." });
      expect(preview.rows.find((r) => r.row === 4)?.reason).toContain('type "podcast"');
      const before = await counts(tx);
      const refused = await rejectionOf(tx.transaction((sp) => commitImport({ db: sp, actor }, { importId })));
      expect((refused as Error).message).toContain("Nothing was imported: 2 rows are rejected (row 3");
      expect(await counts(tx)).toEqual(before);
    }));

  it("imports 50,000 rows in one transaction, reporting progress", { timeout: 600_000 }, () =>
    inRollback(db, async (tx) => {
      const actor = await createTestUser(tx, "admin");
      const records = [["url", "title", "notes"], ...Array.from({ length: 50_000 }, (_, i) => [`https://host${i % 50}.bulk.example/story/${i}?utm_source=feed`, `Story ${i}`, i % 7 === 0 ? "has, a comma" : ""])];
      const staged: number[] = [];
      const started = performance.now();
      const { importId, preview } = await stage(tx, actor, records, (rows) => staged.push(rows));
      expect(staged.at(-1)).toBe(50_000);
      expect(preview).toMatchObject({ total: 50_000, new: 50_000, duplicate: 0, rejected: 0 });
      const before = await counts(tx);
      const progress: Array<[number, number]> = [];
      const result = await commitImport({ db: tx, actor }, { importId }, (done, total) => progress.push([done, total]));
      console.log(`bench: source-csv-import-50000-rows-ms ${Math.round(performance.now() - started)}`);
      expect(result).toMatchObject({ imported: 50_000, new: 50_000 });
      expect(progress.length).toBe(50);
      expect(progress.at(-1)).toEqual([50_000, 50_000]);
      expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
      const after = await counts(tx);
      expect(after.sources - before.sources).toBe(50_000);
      expect(after.publishers - before.publishers).toBe(50);
      expect(after.audit - before.audit).toBe(50_050);
      const [sample] = await query<{ canonical_url: string; original_urls: string[] }>(tx, sql`select canonical_url, original_urls from sources where title = 'Story 49999'`);
      expect(sample).toEqual({ canonical_url: "https://host49.bulk.example/story/49999", original_urls: ["https://host49.bulk.example/story/49999?utm_source=feed"] });
    }));
});
