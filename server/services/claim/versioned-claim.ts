import { and, eq, isNull, sql } from "drizzle-orm";
import { claims } from "@/db/schema";
import type { Database } from "@/db/types";
import { formatDateTime } from "@/lib/text/format-date";
import { ConflictError, NotFoundError } from "../../errors";
import { lastClaimChange } from "../audit/audit-history";
import type { Actor } from "../../actor";

export type ClaimRow = typeof claims.$inferSelect;

/** "This claim was changed by Ana Rivera at 27 November 2026, 18:42 UTC …": who made the change a stale write would overwrite. */
export async function staleWriteError(tx: Database, claimId: number, what: "claim" | "evidence", actor?: Actor): Promise<ConflictError> {
  const last = await lastClaimChange(tx, claimId);
  // Never blame a colleague for the editor's own save (another tab, or a repeat sent without its idempotency key).
  if (last && actor?.kind === "user" && last.actorId === actor.id) {
    return new ConflictError(`You changed this ${what} at ${formatDateTime(last.at)}, after this page loaded it (in another tab?). Reload to see that change; what you typed is kept.`);
  }
  const who = last ? `${last.actorName ?? "the system"} at ${formatDateTime(last.at)}` : "someone else";
  return new ConflictError(`This ${what} was changed by ${who} after you opened it. Reload to see their change; what you typed is kept.`);
}

/**
 * Locks a live claim for the rest of the transaction and checks the version the editor saw. A stale
 * version is refused with a message naming who changed it and when, so nobody overwrites a colleague.
 */
export async function lockClaimAtVersion(tx: Database, claimId: number, expectedVersion: number, actor?: Actor): Promise<ClaimRow> {
  const [current] = await tx.select().from(claims).where(and(eq(claims.id, claimId), isNull(claims.deletedAt))).for("update");
  if (!current) throw new NotFoundError("That claim");
  if (current.version !== expectedVersion) throw await staleWriteError(tx, claimId, "claim", actor);
  return current;
}

/** Applies `set` to a claim locked by lockClaimAtVersion, bumping its version. */
export async function updateLockedClaim(tx: Database, current: ClaimRow, set: Partial<typeof claims.$inferInsert>): Promise<ClaimRow> {
  const [updated] = await tx
    .update(claims)
    .set({ ...set, version: sql`${claims.version} + 1`, updatedAt: new Date() })
    .where(and(eq(claims.id, current.id), eq(claims.version, current.version)))
    .returning();
  if (!updated) throw new Error(`claim ${current.id} changed while locked`);
  return updated;
}
