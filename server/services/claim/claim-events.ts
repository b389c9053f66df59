import { desc, eq } from "drizzle-orm";
import { claimEvents, users } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Actor } from "../../actor";

export type ClaimAction =
  | "claim.created"
  | "claim.updated"
  | "claim.verdict_set"
  | "claim.status_changed"
  | "claim.approved"
  | "claim.rejected"
  | "claim.assigned"
  | "claim.deleted"
  | "claim.restored"
  | "evidence.added"
  | "evidence.updated"
  | "evidence.removed";

/** Appends one audit row. Call inside the transaction that makes the change, so both land or neither does. */
export async function recordClaimEvent(
  tx: Database,
  actor: Actor,
  event: { claimId: number; action: ClaimAction; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.insert(claimEvents).values({
    claimId: event.claimId,
    actorId: actor.kind === "user" ? actor.id : null,
    action: event.action,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

/** Only the keys that changed, for compact before/after pairs in the history. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
    changed: keys.length > 0,
  };
}

/** Who last changed a claim and when, for conflict messages. */
export async function lastClaimChange(db: Database, claimId: number) {
  const [last] = await db
    .select({ actorName: users.name, at: claimEvents.createdAt })
    .from(claimEvents)
    .leftJoin(users, eq(users.id, claimEvents.actorId))
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(desc(claimEvents.id))
    .limit(1);
  return last;
}
