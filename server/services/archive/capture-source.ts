import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { sourceCaptures, sourceSnapshots, sources } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Actor } from "../../actor";
import { FetchError, type Fetcher } from "../../fetch";
import { recordAudit } from "../audit/record-audit";
import type { PublicCache } from "../context";
import { sourceLink } from "../source/source-link";

/** Who the audit log names for work the queue does on its own. */
export const JOB_ACTOR: Actor = { kind: "system", label: "background jobs" };

/** What an archived copy may be: documents a reader can look at. Video and audio files are not copied. */
export const CAPTURE_TYPES = ["text/html", "application/xhtml+xml", "text/plain", "application/pdf", "image/*"] as const;

/** Failures that another attempt cannot fix: refused addresses, wrong types, oversized bodies, broken redirects. */
const PERMANENT: ReadonlySet<string> = new Set(["blocked", "unsupported_type", "unsupported_encoding", "too_large", "too_many_redirects", "redirect_loop", "bad_redirect"]);

export interface CaptureDeps {
  db: Database;
  fetcher: Fetcher;
  /** Waits for the host's turn (per-host politeness); none in tests that fetch one page. */
  awaitHost?: (url: string) => Promise<void>;
  /** Readers are offered the archived copy beside the source: their cached pages get it at once. */
  publicCache?: PublicCache;
}

export type CaptureOutcome =
  | { kind: "archived"; snapshotId: number }
  | { kind: "skipped" } // already archived (a retry of a capture that finished, or a duplicate job)
  | { kind: "failed"; error: string }; // permanently: not retried

/** A failure worth another attempt (the queue retries it with backoff). */
export class RetryableCaptureError extends Error {}

/**
 * Fetches a source through the safe fetcher and stores one snapshot: the document, final URL, status, content type,
 * fetch time and SHA-256. Idempotent: the capture row is locked and checked before the snapshot is written, so a
 * job run twice (retried after a restart, or sent twice) stores one snapshot.
 */
export async function captureSource(deps: CaptureDeps, sourceId: number, { finalAttempt = false } = {}): Promise<CaptureOutcome> {
  const [pending] = await deps.db
    .update(sourceCaptures)
    .set({ state: "capturing", attempts: sql`${sourceCaptures.attempts} + 1`, updatedAt: new Date() })
    .where(and(eq(sourceCaptures.sourceId, sourceId), inArray(sourceCaptures.state, ["queued", "capturing"])))
    .returning();
  if (!pending) return { kind: "skipped" };
  const [source] = await deps.db.select({ url: sourceLink }).from(sources).where(eq(sources.id, sourceId));
  if (!source) return { kind: "skipped" };

  let fetched;
  try {
    await deps.awaitHost?.(source.url);
    fetched = await deps.fetcher(source.url, { accept: CAPTURE_TYPES });
    if (fetched.body === null) throw new FetchError("network", `${fetched.url} answered ${fetched.status}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof FetchError && PERMANENT.has(error.kind);
    const givenUp = permanent || finalAttempt;
    await deps.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(sourceCaptures)
        .set({ state: givenUp ? "failed" : "queued", lastError: message, updatedAt: new Date() })
        // Only while it is ours: a run cut off by a restart may fail after its retry has already archived the copy.
        .where(and(eq(sourceCaptures.sourceId, sourceId), eq(sourceCaptures.state, "capturing")))
        .returning({ sourceId: sourceCaptures.sourceId });
      if (updated && givenUp) await recordAudit(tx, JOB_ACTOR, { action: "source.capture_failed", entityId: sourceId, after: { error: message } });
    });
    if (permanent) return { kind: "failed", error: message };
    throw new RetryableCaptureError(message, { cause: error });
  }
  const body = fetched.body;

  const outcome = await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(sourceCaptures).where(eq(sourceCaptures.sourceId, sourceId)).for("update");
    if (!locked || locked.state === "archived") return { kind: "skipped" } as const;
    const [snapshot] = await tx
      .insert(sourceSnapshots)
      .values({
        sourceId,
        requestedUrl: source.url,
        finalUrl: fetched.url,
        httpStatus: fetched.status,
        contentType: fetched.contentType,
        document: body,
        sha256: createHash("sha256").update(body).digest("hex"),
        fetchedAt: new Date(),
      })
      .returning({ id: sourceSnapshots.id });
    if (!snapshot) throw new Error("snapshot insert returned no row");
    await tx.update(sourceCaptures).set({ state: "archived", lastError: null, updatedAt: new Date() }).where(eq(sourceCaptures.sourceId, sourceId));
    await recordAudit(tx, JOB_ACTOR, {
      action: "source.archived",
      entityId: sourceId,
      after: { snapshotId: snapshot.id, finalUrl: fetched.url, httpStatus: fetched.status, contentType: fetched.contentType, sha256: createHash("sha256").update(body).digest("hex") },
    });
    return { kind: "archived", snapshotId: snapshot.id } as const;
  });
  if (outcome.kind === "archived") await deps.publicCache?.changed({ sourceIds: [sourceId] });
  return outcome;
}

/**
 * Asks for a capture of each source that has never been asked for one (the first citation). Runs inside the
 * caller's transaction, so the request commits with the evidence: returns the sources to hand to the queue.
 */
export async function requestFirstCaptures(tx: Database, actor: Actor, sourceIds: number[]): Promise<number[]> {
  if (sourceIds.length === 0) return [];
  const rows = await tx
    .insert(sourceCaptures)
    .values(sourceIds.map((sourceId) => ({ sourceId })))
    .onConflictDoNothing()
    .returning({ sourceId: sourceCaptures.sourceId });
  for (const { sourceId } of rows) await recordAudit(tx, actor, { action: "source.capture_requested", entityId: sourceId, after: { reason: "first citation" } });
  return rows.map((r) => r.sourceId);
}

/** An admin's re-capture: queued again whatever its state, so the next run stores a fresh snapshot. */
export async function requestRecapture(tx: Database, actor: Actor, sourceId: number): Promise<void> {
  await recordAudit(tx, actor, { action: "source.capture_requested", entityId: sourceId, after: { reason: "re-capture" } });
  await tx
    .insert(sourceCaptures)
    .values({ sourceId })
    .onConflictDoUpdate({ target: sourceCaptures.sourceId, set: { state: "queued", attempts: 0, lastError: null, requestedAt: new Date(), updatedAt: new Date() } });
}
