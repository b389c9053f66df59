import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { claims, evidence, sources } from "@/db/schema";
import { ConflictError, InvalidInputError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput, versionInput } from "../ids";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";
import { lockClaimAtVersion, updateLockedClaim } from "../claim/versioned-claim";

export const reuseVerdictInput = z.object({
  idempotencyKey: idempotencyKeyInput,
  claimId: idInput,
  version: versionInput,
  /** A published claim of the same group whose verdict is the starting point. */
  fromClaimId: idInput,
});

/**
 * Copies a published verdict of the same claim (same group) onto this claim as a starting point: verdict,
 * rationale and evidence, with a reference to the original. The caller becomes the verdict's author, so the
 * copy goes through the usual workflow: in progress, then review, then a second editor's approval.
 */
export async function reuseVerdict(ctx: ServiceContext, rawInput: z.input<typeof reuseVerdictInput>) {
  assertCan(ctx.actor, "claim.edit");
  const input = reuseVerdictInput.parse(rawInput);
  return runIdempotent(ctx, "claim.reuseVerdict", input.idempotencyKey, async (tx) => {
    const current = await lockClaimAtVersion(tx, input.claimId, input.version, ctx.actor);
    if (current.status === "published" || current.status === "in_review") {
      throw new ConflictError("This claim already has a verdict in review or published. Move it back to in progress to start again from the other verdict.");
    }
    const [original] = await tx
      .select()
      .from(claims)
      .where(and(eq(claims.id, input.fromClaimId), isNull(claims.deletedAt)));
    if (!original) throw new NotFoundError("That claim");
    if (current.groupId === null || original.groupId !== current.groupId) {
      throw new InvalidInputError("Link the two claims as the same claim first; only a verdict of the same claim can be reused.");
    }
    if (original.status !== "published" || !original.verdict || !original.rationale) {
      throw new InvalidInputError("Only a published verdict can be reused. This one has not been approved yet.");
    }
    const updated = await updateLockedClaim(tx, current, {
      verdict: original.verdict,
      rationale: original.rationale,
      status: "in_progress",
      reusedFromClaimId: original.id,
      verdictSetBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
      verdictSetAt: new Date(),
    });
    await recordAudit(tx, ctx.actor, {
      action: "claim.verdict_reused",
      entityId: current.id,
      articleId: current.articleId,
      before: { verdict: current.verdict, rationale: current.rationale, status: current.status },
      after: { verdict: updated.verdict, rationale: updated.rationale, status: updated.status, reusedFromClaimId: original.id },
    });
    // The sources behind the verdict come along; one the claim already cites at the same place is not cited twice.
    const originalEvidence = await tx
      .select({ e: evidence, url: sources.canonicalUrl, title: sources.title })
      .from(evidence)
      .innerJoin(sources, eq(sources.id, evidence.sourceId))
      .where(and(eq(evidence.claimId, original.id), isNull(evidence.deletedAt)))
      .orderBy(evidence.id);
    for (const { e, url, title } of originalEvidence) {
      const [row] = await tx
        .insert(evidence)
        .values({ claimId: current.id, sourceId: e.sourceId, stance: e.stance, excerpt: e.excerpt, locator: e.locator, note: e.note, createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null })
        // The only unique index besides the key: the same live source at the same place on this claim.
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      await recordAudit(tx, ctx.actor, {
        action: "evidence.added",
        entityId: row.id,
        claimId: current.id,
        articleId: current.articleId,
        after: { evidenceId: row.id, source: url, sourceTitle: title, stance: row.stance, excerpt: row.excerpt, locator: row.locator, note: row.note, reusedFromEvidenceId: e.id },
      });
    }
    return updated;
  });
}
