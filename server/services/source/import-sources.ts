import { parse } from "csv-parse/sync";
import { asc, eq, inArray, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { publishers, sourceImportBatches, sources } from "@/db/schema";
import type { Database } from "@/db/types";
import { MAX_IMPORT_ROWS, parseImportRow, readHeader, type ImportRow } from "@/lib/sources/csv-import";
import { hostnameOf } from "@/lib/url/canonicalize";
import { ConflictError, InvalidInputError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudits } from "../audit/record-audit";

export const BATCH_ROWS = 5_000;
export const stageImportInput = z.object({
  importId: z.uuid(),
  seq: z.number().int().min(0).max(MAX_IMPORT_ROWS),
  // Under the 2 MB request limit; the browser cuts the file into batches this size, each with the header row first.
  csv: z.string().min(1, "The batch is empty.").max(1_500_000),
});

/** A batch's records: the header and the rows after it. RFC 4180 through csv-parse; a byte-order mark is dropped. */
function parseBatch(csv: string): { header: string[]; rows: string[][] } {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new InvalidInputError(`The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new InvalidInputError("The file is empty. Export the sources to see the expected columns.");
  return { header, rows };
}
export const importIdInput = z.object({ importId: z.uuid() });

export type RowOutcome = { row: number; outcome: "new" | "duplicate" | "rejected"; reason: string | null; url: string };
export type Progress = (done: number, total: number) => void;

/**
 * Keeps one batch of an import's rows. The import id is random (the browser makes it) and admins may all import,
 * so whoever holds the id may check and commit it; created_by says who sent it.
 */
export async function stageImport(ctx: ServiceContext, rawInput: z.input<typeof stageImportInput>) {
  assertCan(ctx.actor, "source.manage");
  const input = stageImportInput.parse(rawInput);
  const { header, rows } = parseBatch(input.csv);
  const columns = readHeader(header);
  if (typeof columns === "string") throw new InvalidInputError(columns);
  const owner = ctx.actor.kind === "user" ? ctx.actor.id : null;
  if (owner === null) throw new InvalidInputError("Only a signed-in admin can import.");
  return ctx.db.transaction(async (tx) => {
    await tx.delete(sourceImportBatches).where(lt(sourceImportBatches.createdAt, sql`now() - interval '1 day'`));
    const [{ staged }] = (await tx
      .select({ staged: sql<number>`coalesce(sum(${sourceImportBatches.rowCount}), 0)::int` })
      .from(sourceImportBatches)
      .where(eq(sourceImportBatches.importId, input.importId))) as [{ staged: number }];
    if (staged + rows.length > MAX_IMPORT_ROWS) throw new InvalidInputError(`An import holds at most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows. Split the file.`);
    const [stored] = await tx
      .insert(sourceImportBatches)
      .values({ importId: input.importId, seq: input.seq, createdBy: owner, csv: input.csv, rowCount: rows.length })
      .onConflictDoNothing()
      .returning({ seq: sourceImportBatches.seq });
    // A batch sent twice (a retry after a lost answer) is kept once: the first copy stands.
    return { staged: staged + (stored ? rows.length : 0) };
  });
}

/** The whole file again, batch by batch: the first batch's header names the columns of every row. */
async function stagedRows(tx: Database, importId: string) {
  const batches = await tx.select({ csv: sourceImportBatches.csv }).from(sourceImportBatches).where(eq(sourceImportBatches.importId, importId)).orderBy(asc(sourceImportBatches.seq));
  if (batches.length === 0) throw new NotFoundError("That import (it may have been imported already, or be over a day old)");
  const parsed = batches.map((batch) => parseBatch(batch.csv));
  return { header: parsed[0]!.header, rows: parsed.flatMap((batch) => batch.rows) };
}

/**
 * Sorts every row into new / duplicate / rejected, with the reason, in file order (row 1 is the first row after
 * the header). A duplicate is a row whose canonical URL is already a source, or appeared earlier in the file.
 */
export async function classifyRows(tx: Database, header: readonly string[], rows: readonly string[][], progress?: Progress) {
  const columns = readHeader(header);
  if (typeof columns === "string") throw new InvalidInputError(columns);
  const parsed = rows.map((cells) => parseImportRow(columns, cells));
  const urls = [...new Set(parsed.flatMap((p) => (p.ok ? [p.row.canonicalUrl] : [])))];
  const known = new Map<string, number>();
  for (let from = 0; from < urls.length; from += BATCH_ROWS) {
    const slice = urls.slice(from, from + BATCH_ROWS);
    const found = await tx
      .select({ url: sources.canonicalUrl, id: sql<number>`coalesce(${sources.mergedIntoId}, ${sources.id})` })
      .from(sources)
      .where(inArray(sources.canonicalUrl, slice));
    for (const row of found) known.set(row.url, row.id);
    progress?.(Math.min(from + BATCH_ROWS, urls.length), urls.length);
  }
  const firstRow = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  const fresh: ImportRow[] = [];
  parsed.forEach((result, index) => {
    const row = index + 1;
    const url = (rows[index]?.[0] ?? "").slice(0, 200);
    if (!result.ok) return outcomes.push({ row, outcome: "rejected", reason: result.reason, url });
    const existing = known.get(result.row.canonicalUrl);
    if (existing !== undefined) return outcomes.push({ row, outcome: "duplicate", reason: `Already in the registry as source #${existing}.`, url: result.row.url });
    const earlier = firstRow.get(result.row.canonicalUrl);
    if (earlier !== undefined) return outcomes.push({ row, outcome: "duplicate", reason: `Same address as row ${earlier}.`, url: result.row.url });
    firstRow.set(result.row.canonicalUrl, row);
    fresh.push(result.row);
    outcomes.push({ row, outcome: "new", reason: null, url: result.row.url });
  });
  return { outcomes, fresh };
}

function summarise(outcomes: RowOutcome[]) {
  const count = (outcome: RowOutcome["outcome"]) => outcomes.filter((o) => o.outcome === outcome).length;
  return { total: outcomes.length, new: count("new"), duplicate: count("duplicate"), rejected: count("rejected") };
}

/** The dry run: what the import would do, row by row, writing nothing. */
export async function previewImport(ctx: ServiceContext, rawInput: z.input<typeof importIdInput>) {
  assertCan(ctx.actor, "source.manage");
  const { importId } = importIdInput.parse(rawInput);
  const { header, rows } = await stagedRows(ctx.db, importId);
  const { outcomes } = await classifyRows(ctx.db, header, rows);
  // Every duplicate and rejected row with its reason; new rows are many and need no explaining, so only the first 200.
  return { ...summarise(outcomes), rows: [...outcomes.filter((o) => o.outcome !== "new"), ...outcomes.filter((o) => o.outcome === "new").slice(0, 200)].sort((a, b) => a.row - b.row).slice(0, 5_000) };
}

/** Runs a checked import: every new source in one transaction, or nothing when any row is rejected. */
export async function commitImport(ctx: ServiceContext, rawInput: z.input<typeof importIdInput>, progress?: Progress) {
  assertCan(ctx.actor, "source.manage");
  const { importId } = importIdInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const { header, rows } = await stagedRows(tx, importId);
    const result = await importRows(tx, ctx, header, rows, progress);
    await tx.delete(sourceImportBatches).where(eq(sourceImportBatches.importId, importId));
    return result;
  });
}

/**
 * Writes the new rows of a file inside the caller's transaction: the publishers they need first (created unrated,
 * as citing a URL does), then the sources, 1,000 at a time, each with its `source.created` audit row.
 */
export async function importRows(tx: Database, ctx: ServiceContext, header: readonly string[], rows: readonly string[][], progress?: Progress) {
  const { outcomes, fresh } = await classifyRows(tx, header, rows);
  const summary = summarise(outcomes);
  if (summary.rejected > 0) {
    const first = outcomes.find((o) => o.outcome === "rejected")!;
    throw new InvalidInputError(`Nothing was imported: ${summary.rejected} ${summary.rejected === 1 ? "row is" : "rows are"} rejected (row ${first.row}: ${first.reason}). Fix the file and check it again.`);
  }
  const domains = [...new Set(fresh.map((row) => hostnameOf(row.canonicalUrl)))];
  const publisherIds = new Map<string, number>();
  for (let from = 0; from < domains.length; from += 1_000) {
    const slice = domains.slice(from, from + 1_000);
    const created = await tx.insert(publishers).values(slice.map((domain) => ({ domain, name: domain }))).onConflictDoNothing({ target: publishers.domain }).returning();
    await recordAudits(tx, ctx.actor, created.map((p) => ({ action: "publisher.created", entityId: p.id, after: { domain: p.domain, name: p.name, reliabilityRating: p.reliabilityRating } })));
    for (const p of await tx.select({ id: publishers.id, domain: publishers.domain }).from(publishers).where(inArray(publishers.domain, slice))) publisherIds.set(p.domain, p.id);
  }
  let written = 0;
  for (let from = 0; from < fresh.length; from += 1_000) {
    const slice = fresh.slice(from, from + 1_000);
    const inserted = await tx
      .insert(sources)
      .values(slice.map((row) => ({
        canonicalUrl: row.canonicalUrl, originalUrls: [row.url], title: row.title, type: row.type, publishedOn: row.publishedOn,
        archivedUrl: row.archivedUrl, linkStatus: row.linkStatus, notes: row.notes, publisherId: publisherIds.get(hostnameOf(row.canonicalUrl)) ?? null,
      })))
      .onConflictDoNothing({ target: sources.canonicalUrl })
      .returning();
    if (inserted.length !== slice.length) throw new ConflictError("Someone added some of these sources while the import ran. Check the file again.");
    await recordAudits(tx, ctx.actor, inserted.map((s) => ({
      action: "source.created", entityId: s.id, after: { url: s.canonicalUrl, originalUrls: s.originalUrls, type: s.type, publisherId: s.publisherId, importedFromCsv: true },
    })));
    written += inserted.length;
    progress?.(written, fresh.length);
  }
  return { ...summary, imported: written };
}
