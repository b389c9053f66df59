import { z } from "zod";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput, versionInput } from "../ids";
import { selectedSpan } from "./selected-span";
import { lockClaimAtVersion, updateLockedClaim } from "./versioned-claim";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";

export const reattachClaimInput = z.object({
  idempotencyKey: idempotencyKeyInput,
  claimId: idInput,
  version: versionInput,
  /** The revision the editor selected in: a selection on stale text would land on the wrong words. */
  revisionId: idInput,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});

/**
 * Puts a claim (usually an orphaned one) on words the editor selected in the current revision. Its verdict
 * and evidence stay; a published verdict goes back to review, since it was about other words.
 */
export async function reattachClaim(ctx: ServiceContext, rawInput: z.input<typeof reattachClaimInput>) {
  assertCan(ctx.actor, "claim.reattach");
  const input = reattachClaimInput.parse(rawInput);
  const result = await runIdempotent(ctx, "claim.reattach", input.idempotencyKey, async (tx) => {
    const current = await lockClaimAtVersion(tx, input.claimId, input.version, ctx.actor);
    const { revisionId, anchor } = await selectedSpan(tx, current.articleId, input);
    const status = current.status === "published" ? "in_review" : current.status;
    const updated = await updateLockedClaim(tx, current, {
      revisionId,
      quoteExact: anchor.quote.exact,
      quotePrefix: anchor.quote.prefix,
      quoteSuffix: anchor.quote.suffix,
      positionStart: anchor.position.start,
      positionEnd: anchor.position.end,
      anchorState: "anchored",
      status,
      reviewedBy: status === current.status ? current.reviewedBy : null,
    });
    await recordAudit(tx, ctx.actor, {
      action: "claim.reattached",
      entityId: current.id,
      articleId: current.articleId,
      before: { exact: current.quoteExact, start: current.positionStart, end: current.positionEnd, anchorState: current.anchorState, status: current.status, revisionId: current.revisionId },
      after: { exact: updated.quoteExact, start: updated.positionStart, end: updated.positionEnd, anchorState: updated.anchorState, status: updated.status, revisionId: updated.revisionId },
    });
    return updated;
  });
  await ctx.publicCache?.changed({ articleIds: [result.articleId], claimIds: [result.id] });
  return result;
}
