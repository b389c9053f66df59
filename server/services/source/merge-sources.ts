import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { auditEvents, evidence, sources } from "@/db/schema";
import type { Database } from "@/db/types";
import { ConflictError, InvalidInputError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput } from "../ids";

export const mergeSourcesInput = z.object({ survivorId: idInput, duplicateId: idInput });
export const unmergeSourceInput = z.object({ auditEventId: idInput });

type Source = typeof sources.$inferSelect;
/** What the merge's audit row records: enough to undo it exactly (unmergeSource). */
interface MergeRecord {
  mergedSourceId: number;
  mergedUrl: string;
  /** Evidence now citing the survivor instead of the duplicate. */
  movedEvidenceIds: number[];
  /** Live evidence of the duplicate that the survivor already gave at the same place for the same claim: removed, not doubled. */
  removedEvidenceIds: number[];
  /** Spellings the survivor learnt from the duplicate. */
  addedUrls: string[];
  /** Blank fields of the survivor filled from the duplicate. */
  filled: Partial<Pick<Source, (typeof FILLABLE)[number]>>;
}

// Fields a survivor without a value takes from the duplicate, so a merge never loses what an admin wrote.
const FILLABLE = ["title", "publishedOn", "archivedUrl", "notes", "publisherId"] as const;

async function lockPair(tx: Database, ids: number[]): Promise<Map<number, Source>> {
  // Locked in id order, so two admins merging the same pair the other way round cannot deadlock.
  const rows = await tx.select().from(sources).where(inArray(sources.id, ids)).orderBy(sources.id).for("update");
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Merges `duplicateId` into `survivorId` in one transaction with one audit row: the duplicate's evidence cites the
 * survivor (evidence the survivor already gives at the same place for the same claim is removed instead, since the
 * live-evidence unique index forbids it twice), the survivor keeps every address of both, and the duplicate stays
 * as a row pointing at the survivor so the merge can be undone from the history.
 */
export async function mergeSources(ctx: ServiceContext, rawInput: z.input<typeof mergeSourcesInput>) {
  assertCan(ctx.actor, "source.manage");
  const { survivorId, duplicateId } = mergeSourcesInput.parse(rawInput);
  if (survivorId === duplicateId) throw new InvalidInputError("Pick two different sources to merge.");
  const result = await ctx.db.transaction(async (tx) => {
    const pair = await lockPair(tx, [survivorId, duplicateId]);
    const survivor = pair.get(survivorId);
    const duplicate = pair.get(duplicateId);
    if (!survivor || !duplicate) throw new NotFoundError("That source");
    if (duplicate.mergedIntoId !== null) throw new ConflictError(`Source #${duplicate.id} was already merged into #${duplicate.mergedIntoId}. Reload the list.`);
    if (survivor.mergedIntoId !== null) throw new ConflictError(`Source #${survivor.id} was itself merged into #${survivor.mergedIntoId}. Merge into that one instead.`);

    const cited = await tx
      .select({ id: evidence.id, sourceId: evidence.sourceId, claimId: evidence.claimId, locator: evidence.locator, deletedAt: evidence.deletedAt })
      .from(evidence)
      .where(inArray(evidence.sourceId, [survivorId, duplicateId]));
    const place = (row: { claimId: number; locator: string | null }) => `${row.claimId}\u0000${row.locator ?? ""}`;
    const survivorPlaces = new Set(cited.filter((row) => row.sourceId === survivorId && row.deletedAt === null).map(place));
    const fromDuplicate = cited.filter((row) => row.sourceId === duplicateId);
    const removedEvidenceIds = fromDuplicate.filter((row) => row.deletedAt === null && survivorPlaces.has(place(row))).map((row) => row.id);
    const movedEvidenceIds = fromDuplicate.filter((row) => !removedEvidenceIds.includes(row.id)).map((row) => row.id);
    if (removedEvidenceIds.length > 0) {
      await tx.update(evidence).set({ deletedAt: sql`now()`, version: sql`${evidence.version} + 1`, updatedAt: sql`now()` }).where(inArray(evidence.id, removedEvidenceIds));
    }
    // Every row of the duplicate moves, removed ones too, so the survivor's history of citations is complete.
    const allIds = fromDuplicate.map((row) => row.id);
    if (allIds.length > 0) {
      await tx.update(evidence).set({ sourceId: survivorId, version: sql`${evidence.version} + 1`, updatedAt: sql`now()` }).where(inArray(evidence.id, allIds));
    }

    const known = new Set(survivor.originalUrls);
    const addedUrls = [duplicate.canonicalUrl, ...duplicate.originalUrls].filter((url) => !known.has(url) && url !== survivor.canonicalUrl && (known.add(url), true));
    const filled: MergeRecord["filled"] = {};
    for (const field of FILLABLE) if (survivor[field] === null && duplicate[field] !== null) Object.assign(filled, { [field]: duplicate[field] });
    await tx.update(sources).set({ ...filled, originalUrls: [...survivor.originalUrls, ...addedUrls], updatedAt: sql`now()` }).where(eq(sources.id, survivorId));
    await tx.update(sources).set({ mergedIntoId: survivorId, updatedAt: sql`now()` }).where(eq(sources.id, duplicateId));

    const record: MergeRecord = { mergedSourceId: duplicateId, mergedUrl: duplicate.canonicalUrl, movedEvidenceIds, removedEvidenceIds, addedUrls, filled };
    await recordAudit(tx, ctx.actor, {
      action: "source.merged",
      entityId: survivorId,
      before: { originalUrls: survivor.originalUrls, ...Object.fromEntries(Object.keys(filled).map((field) => [field, null])) },
      after: { ...record },
    });
    return { survivorId, duplicateId, movedEvidence: movedEvidenceIds.length, removedEvidence: removedEvidenceIds.length };
  });
  // Readers see the survivor where they saw either; the cache finds the articles showing the two (public-change.ts).
  await ctx.publicCache?.changed({ sourceIds: [result.survivorId, result.duplicateId] });
  return result;
}

const mergeRecordShape = z.object({
  mergedSourceId: z.number().int(),
  movedEvidenceIds: z.array(z.number().int()),
  removedEvidenceIds: z.array(z.number().int()),
  addedUrls: z.array(z.string()),
  filled: z.record(z.string(), z.unknown()),
});

/**
 * Undoes one merge, named by its row in the survivor's history: the evidence that moved cites the duplicate again,
 * the evidence the merge removed comes back, and the survivor forgets the addresses and fields it took over.
 * One audit row. Refused once the duplicate has been merged again or its evidence changed hands since.
 */
export async function unmergeSource(ctx: ServiceContext, rawInput: z.input<typeof unmergeSourceInput>) {
  assertCan(ctx.actor, "source.manage");
  const { auditEventId } = unmergeSourceInput.parse(rawInput);
  const result = await ctx.db.transaction(async (tx) => {
    const [event] = await tx.select().from(auditEvents).where(and(eq(auditEvents.id, auditEventId), eq(auditEvents.action, "source.merged")));
    if (!event) throw new NotFoundError("That merge");
    const record = mergeRecordShape.parse(event.after);
    const survivorId = event.entityId;
    const pair = await lockPair(tx, [survivorId, record.mergedSourceId]);
    const survivor = pair.get(survivorId);
    const duplicate = pair.get(record.mergedSourceId);
    if (!survivor || !duplicate) throw new NotFoundError("That source");
    if (duplicate.mergedIntoId !== survivorId) throw new ConflictError(`Source #${duplicate.id} is no longer merged into #${survivorId}; this merge was already undone.`);

    const ids = [...record.movedEvidenceIds, ...record.removedEvidenceIds];
    if (ids.length > 0) {
      // Only rows still citing the survivor go back; an editor may have re-pointed one since, and that stays theirs.
      await tx.update(evidence).set({ sourceId: duplicate.id, version: sql`${evidence.version} + 1`, updatedAt: sql`now()` }).where(and(inArray(evidence.id, ids), eq(evidence.sourceId, survivorId)));
    }
    if (record.removedEvidenceIds.length > 0) {
      await tx.update(evidence).set({ deletedAt: null, version: sql`${evidence.version} + 1`, updatedAt: sql`now()` }).where(and(inArray(evidence.id, record.removedEvidenceIds), eq(evidence.sourceId, duplicate.id)));
    }
    const added = new Set(record.addedUrls);
    const cleared = Object.fromEntries(Object.entries(record.filled).filter(([field, value]) => field in survivor && survivor[field as keyof Source] === value).map(([field]) => [field, null]));
    await tx.update(sources).set({ ...cleared, originalUrls: survivor.originalUrls.filter((url) => !added.has(url)), updatedAt: sql`now()` }).where(eq(sources.id, survivorId));
    await tx.update(sources).set({ mergedIntoId: null, updatedAt: sql`now()` }).where(eq(sources.id, duplicate.id));
    await recordAudit(tx, ctx.actor, {
      action: "source.unmerged",
      entityId: survivorId,
      before: { mergedSourceId: duplicate.id, originalUrls: survivor.originalUrls },
      after: { mergedSourceId: null, restoredSourceId: duplicate.id, undoesAuditEventId: auditEventId },
    });
    return { survivorId, restoredSourceId: duplicate.id };
  });
  await ctx.publicCache?.changed({ sourceIds: [result.survivorId, result.restoredSourceId] });
  return result;
}
