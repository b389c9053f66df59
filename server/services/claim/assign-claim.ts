import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { claimNotificationRecipients } from "@/lib/notifications/kinds";
import { InvalidInputError } from "../../errors";
import { assertCan, isAssignableRole } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput, versionInput } from "../ids";
import { lockClaimAtVersion, updateLockedClaim } from "./versioned-claim";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";

export const assignClaimInput = z.object({ idempotencyKey: idempotencyKeyInput, claimId: idInput, version: versionInput, assigneeId: idInput.nullable() });

/** Assigns a claim to an active editor or admin, or unassigns it (null). */
export async function assignClaim(ctx: ServiceContext, rawInput: z.input<typeof assignClaimInput>) {
  assertCan(ctx.actor, "claim.edit");
  const input = assignClaimInput.parse(rawInput);
  return runIdempotent(ctx, "claim.assign", input.idempotencyKey, async (tx) => {
    const current = await lockClaimAtVersion(tx, input.claimId, input.version, ctx.actor);
    if (current.assigneeId === input.assigneeId) return current;
    if (input.assigneeId !== null) {
      const [assignee] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, input.assigneeId));
      if (!assignee || !assignee.active || !isAssignableRole(assignee.role)) {
        throw new InvalidInputError("Claims can be assigned only to active editors and admins.");
      }
    }
    const updated = await updateLockedClaim(tx, current, { assigneeId: input.assigneeId });
    await recordAudit(tx, ctx.actor, {
      action: "claim.assigned",
      entityId: current.id,
      articleId: current.articleId,
      before: { assigneeId: current.assigneeId },
      after: { assigneeId: updated.assigneeId },
      notify: claimNotificationRecipients("claim.assigned", updated, ctx.actor.kind === "user" ? ctx.actor.id : null),
    });
    return updated;
  });
}
