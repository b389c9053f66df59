import { z } from "zod";
import { ConflictError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { changedFields } from "@/lib/audit/changed-fields";
import { recordAudit } from "../audit/record-audit";
import { verdictInput } from "./claim-input";
import { idInput, versionInput } from "../ids";
import { lockClaimAtVersion, updateLockedClaim } from "./versioned-claim";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";

export const setVerdictInput = z.object({ idempotencyKey: idempotencyKeyInput,
  claimId: idInput,
  version: versionInput,
  verdict: verdictInput,
  rationale: z.string().trim().min(1, "Write the rationale readers will see.").max(5000, "Keep the rationale under 5,000 characters."),
});

/**
 * Sets the verdict and rationale; the caller becomes the verdict's author (who then cannot approve it).
 * A published verdict is changed only after withdrawing it to review, so readers never see an unreviewed one.
 */
export async function setVerdict(ctx: ServiceContext, rawInput: z.input<typeof setVerdictInput>) {
  assertCan(ctx.actor, "claim.edit");
  const input = setVerdictInput.parse(rawInput);
  return runIdempotent(ctx, "claim.setVerdict", input.idempotencyKey, async (tx) => {
    const current = await lockClaimAtVersion(tx, input.claimId, input.version, ctx.actor);
    if (current.status === "published") {
      throw new ConflictError("This verdict is published. Move the claim back to review first; a second editor then approves the change.");
    }
    if (current.status === "in_review") {
      throw new ConflictError("This verdict is waiting for review. Move the claim back to in progress to change it.");
    }
    // Writing a verdict is work on the claim: an unchecked claim moves to in progress by itself.
    const set = { verdict: input.verdict, rationale: input.rationale, status: current.status === "unchecked" ? ("in_progress" as const) : current.status };
    const diff = changedFields(current, set);
    if (!diff.changed) return current;
    const updated = await updateLockedClaim(tx, current, {
      ...set,
      verdictSetBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
      verdictSetAt: new Date(),
    });
    await recordAudit(tx, ctx.actor, { action: "claim.verdict_set", entityId: input.claimId, articleId: current.articleId, before: diff.before, after: diff.after });
    return updated;
  });
}
