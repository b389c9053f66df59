import { z } from "zod";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { changedFields } from "@/lib/audit/changed-fields";
import { recordAudit } from "../audit/record-audit";
import { claimKindInput, optionalLine } from "./claim-input";
import { idInput, versionInput } from "../ids";
import { lockClaimAtVersion, updateLockedClaim } from "./versioned-claim";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";

export const updateClaimInput = z.object({ idempotencyKey: idempotencyKeyInput,
  claimId: idInput,
  version: versionInput,
  kind: claimKindInput.optional(),
  speaker: optionalLine(200),
  summary: optionalLine(300),
});

/** Edits a claim's description (kind, speaker, summary). Fields left out stay as they are. */
export async function updateClaim(ctx: ServiceContext, rawInput: z.input<typeof updateClaimInput>) {
  assertCan(ctx.actor, "claim.edit");
  const { claimId, version, idempotencyKey, ...fields } = updateClaimInput.parse(rawInput);
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return runIdempotent(ctx, "claim.update", idempotencyKey, async (tx) => {
    const current = await lockClaimAtVersion(tx, claimId, version, ctx.actor);
    const diff = changedFields(current, set);
    if (!diff.changed) return current;
    const updated = await updateLockedClaim(tx, current, set);
    await recordAudit(tx, ctx.actor, { action: "claim.updated", entityId: claimId, articleId: current.articleId, before: diff.before, after: diff.after });
    return updated;
  });
}
