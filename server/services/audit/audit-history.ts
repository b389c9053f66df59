import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditEvents, users } from "@/db/schema";
import type { Database } from "@/db/types";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITIES } from "@/lib/audit/actions";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { idInput } from "../ids";

/** One entity's own history, or everything that happened within an article or a claim (its evidence included). */
export const auditHistoryInput = z.union([
  z.object({ entityType: z.enum(AUDIT_ENTITIES), entityId: idInput }).strict(),
  z.object({ articleId: idInput }).strict(),
  z.object({ claimId: idInput }).strict(),
]);
export type AuditScope = z.infer<typeof auditHistoryInput>;

function scopeFilter(scope: AuditScope): SQL {
  if ("articleId" in scope) return eq(auditEvents.articleId, scope.articleId);
  if ("claimId" in scope) return eq(auditEvents.claimId, scope.claimId);
  return and(eq(auditEvents.entityType, scope.entityType), eq(auditEvents.entityId, scope.entityId))!;
}

/** History rows oldest first, with the actor's name (a user) or label (the system) and the action's words. */
export async function readAuditHistory(db: Database, scope: AuditScope) {
  const rows = await db
    .select({
      id: auditEvents.id,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
      at: auditEvents.createdAt,
      actorName: users.name,
      actorLabel: auditEvents.actorLabel,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(scopeFilter(scope))
    .orderBy(asc(auditEvents.id));
  return rows.map((row) => ({ ...row, label: AUDIT_ACTION_LABELS[row.action] }));
}

/** For the editors' and admins' history views; a user's own history (emails, roles) is for admins only. */
export async function getAuditHistory(ctx: ServiceContext, rawInput: z.input<typeof auditHistoryInput>) {
  const scope = auditHistoryInput.parse(rawInput);
  assertCan(ctx.actor, "entityType" in scope && scope.entityType === "user" ? "audit.readUsers" : "audit.read");
  return readAuditHistory(ctx.db, scope);
}

/** Who last changed a claim (or its evidence) and when, for conflict messages. */
export async function lastClaimChange(db: Database, claimId: number) {
  const [last] = await db
    .select({ actorId: auditEvents.actorId, actorName: users.name, at: auditEvents.createdAt })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.claimId, claimId))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return last;
}
