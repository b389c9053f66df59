import { z } from "zod";
import { claims } from "@/db/schema";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { claimKindInput, optionalLine } from "./claim-input";
import { selectedSpan } from "./selected-span";
import { idInput } from "../ids";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";

export const markClaimInput = z.object({
  idempotencyKey: idempotencyKeyInput,
  articleId: idInput,
  /** The revision the editor was looking at: marking on stale text would anchor to the wrong words. */
  revisionId: idInput,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  kind: claimKindInput,
  speaker: optionalLine(200),
  summary: optionalLine(300),
});

/** Marks body[start,end) of the article's current revision as a claim, snapped to whole words. */
export async function markClaim(ctx: ServiceContext, rawInput: z.input<typeof markClaimInput>) {
  assertCan(ctx.actor, "claim.mark");
  const input = markClaimInput.parse(rawInput);
  return runIdempotent(ctx, "claim.mark", input.idempotencyKey, async (tx) => {
    const { revisionId, anchor } = await selectedSpan(tx, input.articleId, input);
    const [claim] = await tx
      .insert(claims)
      .values({
        articleId: input.articleId,
        revisionId,
        quoteExact: anchor.quote.exact,
        quotePrefix: anchor.quote.prefix,
        quoteSuffix: anchor.quote.suffix,
        positionStart: anchor.position.start,
        positionEnd: anchor.position.end,
        kind: input.kind,
        speaker: input.speaker ?? null,
        summary: input.summary ?? null,
        createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
      })
      .returning();
    if (!claim) throw new Error("claim insert returned no row");
    await recordAudit(tx, ctx.actor, {
      action: "claim.created",
      entityId: claim.id,
      articleId: claim.articleId,
      after: { exact: claim.quoteExact, start: claim.positionStart, end: claim.positionEnd, kind: claim.kind, speaker: claim.speaker, summary: claim.summary },
    });
    return claim;
  });
}
