import { desc, eq, inArray } from "drizzle-orm";
import { sourceCaptures, sourceLinkHealth, sourceSnapshots } from "@/db/schema";
import type { Database } from "@/db/types";

/** Captures asked for and not finished: re-sent to the queue when it starts. */
export async function outstandingCaptures(db: Database): Promise<number[]> {
  const rows = await db
    .select({ sourceId: sourceCaptures.sourceId })
    .from(sourceCaptures)
    .where(inArray(sourceCaptures.state, ["queued", "capturing"]));
  return rows.map((r) => r.sourceId);
}

export interface SourceArchive {
  /** Where the capture stands: what editors see while they wait for it. */
  captureState: "queued" | "capturing" | "archived" | "failed" | null;
  captureError: string | null;
  /** The newest archived copy, served at /archive/<id>. */
  snapshot: { publicId: string; capturedAt: Date } | null;
  linkHealth: "ok" | "redirected" | "failing" | "dead" | null;
  redirectUrl: string | null;
}

/** Capture state, newest snapshot and link standing of each source, for the evidence lists. */
export async function archivesOf(db: Database, sourceIds: number[]): Promise<Map<number, SourceArchive>> {
  const ids = [...new Set(sourceIds)];
  const result = new Map<number, SourceArchive>();
  if (ids.length === 0) return result;
  const [captures, snapshots, health] = await Promise.all([
    db.select().from(sourceCaptures).where(inArray(sourceCaptures.sourceId, ids)),
    db
      .selectDistinctOn([sourceSnapshots.sourceId], { publicId: sourceSnapshots.publicId, sourceId: sourceSnapshots.sourceId, capturedAt: sourceSnapshots.fetchedAt })
      .from(sourceSnapshots)
      .where(inArray(sourceSnapshots.sourceId, ids))
      .orderBy(sourceSnapshots.sourceId, desc(sourceSnapshots.fetchedAt), desc(sourceSnapshots.id)),
    db.select().from(sourceLinkHealth).where(inArray(sourceLinkHealth.sourceId, ids)),
  ]);
  for (const id of ids) {
    const capture = captures.find((c) => c.sourceId === id);
    const snapshot = snapshots.find((s) => s.sourceId === id);
    const standing = health.find((h) => h.sourceId === id);
    result.set(id, {
      captureState: capture?.state ?? null,
      captureError: capture?.state === "failed" ? capture.lastError : null,
      snapshot: snapshot ? { publicId: snapshot.publicId, capturedAt: snapshot.capturedAt } : null,
      linkHealth: standing?.health ?? null,
      redirectUrl: standing?.health === "redirected" ? standing.redirectUrl : null,
    });
  }
  return result;
}

/**
 * One snapshot with its document, for /archive/<publicId>. Anyone holding the random id may read it: it is a copy
 * of a public web page, and the id cannot be guessed (decision 0016).
 */
export async function getSnapshotByPublicId(db: Database, publicId: string) {
  const [row] = await db.select().from(sourceSnapshots).where(eq(sourceSnapshots.publicId, publicId));
  return row ?? null;
}
