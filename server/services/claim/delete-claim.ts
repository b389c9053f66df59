import { and, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { claims } from "@/db/schema";
import { ConflictError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput, versionInput } from "../ids";
import { lockClaimAtVersion, updateLockedClaim } from "./versioned-claim";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";

export const deleteClaimInput = z.object({ idempotencyKey: idempotencyKeyInput, claimId: idInput, version: versionInput });
export const restoreClaimInput = z.object({ idempotencyKey: idempotencyKeyInput, claimId: idInput });

/** Soft delete: the claim disappears from lists and readers, its row and history stay for an admin to restore. */
export async function deleteClaim(ctx: ServiceContext, rawInput: z.input<typeof deleteClaimInput>) {
  assertCan(ctx.actor, "claim.delete");
  const input = deleteClaimInput.parse(rawInput);
  return runIdempotent(ctx, "claim.delete", input.idempotencyKey, async (tx) => {
    const current = await lockClaimAtVersion(tx, input.claimId, input.version, ctx.actor);
    if (current.status === "published") {
      throw new ConflictError("This claim's verdict is published. Move it back to review first, so readers are not left with a vanished verdict.");
    }
    const updated = await updateLockedClaim(tx, current, { deletedAt: new Date(), deletedBy: ctx.actor.kind === "user" ? ctx.actor.id : null });
    await recordAudit(tx, ctx.actor, { action: "claim.deleted", entityId: current.id, articleId: current.articleId, before: { deleted: false }, after: { deleted: true } });
    return { id: updated.id, version: updated.version };
  });
}

export async function restoreClaim(ctx: ServiceContext, rawInput: z.input<typeof restoreClaimInput>) {
  assertCan(ctx.actor, "claim.restore");
  const input = restoreClaimInput.parse(rawInput);
  return runIdempotent(ctx, "claim.restore", input.idempotencyKey, async (tx) => {
    const [restored] = await tx
      .update(claims)
      .set({ deletedAt: null, deletedBy: null, version: sql`${claims.version} + 1`, updatedAt: new Date() })
      .where(and(eq(claims.id, input.claimId), isNotNull(claims.deletedAt)))
      .returning();
    if (!restored) throw new NotFoundError("A deleted claim with that id");
    await recordAudit(tx, ctx.actor, { action: "claim.restored", entityId: restored.id, articleId: restored.articleId, before: { deleted: true }, after: { deleted: false } });
    return restored;
  });
}
