import { z } from "zod";
import { STATUS_LABELS, isDirectTransition, reviewBlockers } from "@/lib/claims/workflow";
import { InvalidInputError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { claimStatusInput, optionalLine } from "./claim-input";
import { idInput, versionInput } from "../ids";
import { liveEvidenceCount } from "./live-evidence-count";
import { groupArticleIds } from "../claim-memory/claim-groups";
import { lockClaimAtVersion, updateLockedClaim } from "./versioned-claim";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";

export const changeStatusInput = z.object({ idempotencyKey: idempotencyKeyInput,
  claimId: idInput,
  version: versionInput,
  status: claimStatusInput,
  comment: optionalLine(2000),
});

/**
 * Moves a claim along unchecked → in progress → in review, or back. Sending to review needs a verdict, a
 * one-sentence rationale and evidence; moving a published claim back withdraws its verdict from readers.
 */
export async function changeClaimStatus(ctx: ServiceContext, rawInput: z.input<typeof changeStatusInput>) {
  assertCan(ctx.actor, "claim.edit");
  const input = changeStatusInput.parse(rawInput);
  let withdrawn = false;
  const changed = await runIdempotent(ctx, "claim.changeStatus", input.idempotencyKey, async (tx) => {
    const current = await lockClaimAtVersion(tx, input.claimId, input.version, ctx.actor);
    if (current.status === input.status) return current;
    if (input.status === "published") {
      throw new InvalidInputError("Publishing needs a second editor: send the claim to review and ask a colleague to approve it.");
    }
    if (!isDirectTransition(current.status, input.status)) {
      throw new InvalidInputError(`A claim moves one step forward at a time: from ${STATUS_LABELS[current.status]} it can go to the next step or back.`);
    }
    if (input.status === "in_review") {
      const blockers = reviewBlockers({ ...current, evidenceCount: await liveEvidenceCount(tx, current.id) });
      if (blockers.length > 0) throw new InvalidInputError(`Not ready for review: ${blockers.join(" ")}`);
    }
    const withdrawing = current.status === "published";
    withdrawn = withdrawing;
    const updated = await updateLockedClaim(tx, current, {
      status: input.status,
      ...(withdrawing ? { publishedAt: null, reviewedBy: null } : {}),
    });
    await recordAudit(tx, ctx.actor, {
      action: "claim.status_changed",
      entityId: current.id,
      articleId: current.articleId,
      before: { status: current.status },
      after: { status: updated.status, ...(input.comment ? { comment: input.comment } : {}) },
    });
    return updated;
  });
  // A withdrawn verdict must leave readers' pages at once.
  if (withdrawn) {
    // …and from the same claim's other articles, which listed it under "Also checked in".
    await ctx.publicCache?.changed({ articleIds: [changed.articleId, ...(await groupArticleIds(ctx.db, [changed.groupId]))], claimIds: [changed.id] });
  }
  return changed;
}
