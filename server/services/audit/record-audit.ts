import { auditEvents, notifications } from "@/db/schema";
import type { Database } from "@/db/types";
import { entityOf, type AuditAction } from "@/lib/audit/actions";
import type { Actor } from "../../actor";

/** A before/after snapshot: only the fields that changed (see changedFields), never secrets such as hashes. */
export type AuditSnapshot = Record<string, unknown> | null;

export interface AuditEntry {
  action: AuditAction;
  /** The id of the row the action is about, in the table its entity names. */
  entityId: number;
  /** The article (and claim) the change belongs to, so their histories include it; set for you on their own actions. */
  articleId?: number | null;
  claimId?: number | null;
  before?: AuditSnapshot;
  after?: AuditSnapshot;
  /** Users who should hear about this change (lib/notifications/kinds.ts picks them); the actor is never told. */
  notify?: readonly number[];
}

/**
 * Appends one audit row. Every service that changes an audited entity calls this, inside the transaction that
 * makes the change, so both land or neither does; a refusal or a no-op must return before calling it.
 */
export async function recordAudit(tx: Database, actor: Actor, entry: AuditEntry): Promise<void> {
  // Policy refuses every change by an anonymous caller before it gets here; reaching this is a bug.
  if (actor.kind === "anonymous") throw new Error(`an anonymous caller cannot ${entry.action}`);
  const entityType = entityOf(entry.action);
  const [event] = await tx.insert(auditEvents).values({
    entityType,
    entityId: entry.entityId,
    articleId: entry.articleId ?? (entityType === "article" ? entry.entityId : null),
    claimId: entry.claimId ?? (entityType === "claim" ? entry.entityId : null),
    actorId: actor.kind === "user" ? actor.id : null,
    actorLabel: actor.kind === "system" ? actor.label : null,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  }).returning({ id: auditEvents.id });
  if (!event) throw new Error("audit insert returned no row");
  const actorId = actor.kind === "user" ? actor.id : null;
  const recipients = [...new Set(entry.notify ?? [])].filter((id) => id !== actorId);
  if (recipients.length > 0) {
    await tx.insert(notifications).values(recipients.map((recipientId) => ({ recipientId, auditEventId: event.id }))).onConflictDoNothing();
  }
}
