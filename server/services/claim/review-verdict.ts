import { z } from "zod";
import { reviewBlockers } from "@/lib/claims/workflow";
import { claimNotificationRecipients } from "@/lib/notifications/kinds";
import { ConflictError, InvalidInputError } from "../../errors";
import { assertCanReview } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput, versionInput } from "../ids";
import { liveEvidenceCount } from "./live-evidence-count";
import { groupArticleIds } from "../claim-memory/claim-groups";
import { lockClaimAtVersion, updateLockedClaim } from "./versioned-claim";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";

export const reviewVerdictInput = z.object({ idempotencyKey: idempotencyKeyInput,
  claimId: idInput,
  version: versionInput,
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().min(1, "Say why you approve or reject: the comment goes into the claim's history.").max(2000),
});

/** A second editor (or an admin) approves a verdict in review, which publishes it, or sends it back. */
export async function reviewVerdict(ctx: ServiceContext, rawInput: z.input<typeof reviewVerdictInput>) {
  const input = reviewVerdictInput.parse(rawInput);
  const reviewed = await runIdempotent(ctx, "claim.review", input.idempotencyKey, async (tx) => {
    const current = await lockClaimAtVersion(tx, input.claimId, input.version, ctx.actor);
    assertCanReview(ctx.actor, current);
    if (current.status !== "in_review") throw new ConflictError("This claim is not waiting for review any more. Reload to see where it is.");
    const approving = input.decision === "approve";
    if (approving) {
      // Evidence may have been removed since the claim entered review.
      const blockers = reviewBlockers({ ...current, evidenceCount: await liveEvidenceCount(tx, current.id) });
      if (blockers.length > 0) throw new InvalidInputError(`Cannot publish: ${blockers.join(" ")}`);
    }
    const reviewerId = ctx.actor.kind === "user" ? ctx.actor.id : null;
    const updated = await updateLockedClaim(
      tx,
      current,
      // Approving a verdict on edited words settles the edit: the claim is anchored on them again.
      approving
        ? { status: "published", reviewedBy: reviewerId, publishedAt: new Date(), ...(current.anchorState === "changed" ? { anchorState: "anchored" as const } : {}) }
        : { status: "in_progress" },
    );
    const action = approving ? "claim.approved" : "claim.rejected";
    await recordAudit(tx, ctx.actor, {
      entityId: current.id,
      articleId: current.articleId,
      action,
      before: { status: current.status },
      after: { status: updated.status, verdict: updated.verdict, comment: input.comment },
      notify: claimNotificationRecipients(action, updated, reviewerId),
    });
    return updated;
  });
  if (reviewed.status === "published") {
    // The same claim's other articles now list this one under "Also checked in".
    await ctx.publicCache?.changed({ articleIds: [reviewed.articleId, ...(await groupArticleIds(ctx.db, [reviewed.groupId]))], claimIds: [reviewed.id] });
  }
  return reviewed;
}
