import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { evidence, sources } from "@/db/schema";
import type { Database } from "@/db/types";
import { NotFoundError } from "../../errors";
import { staleWriteError } from "../claim/versioned-claim";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { changedFields } from "@/lib/audit/changed-fields";
import { recordAudit } from "../audit/record-audit";
import { idInput, versionInput } from "../ids";
import { excerptInput, locatorInput, noteInput, stanceInput } from "./evidence-input";
import { lockClaimForEvidence } from "./lock-editable-claim";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";
import { evidenceLink } from "../source/source-link";
import type { Actor } from "../../actor";

export const updateEvidenceInput = z.object({ idempotencyKey: idempotencyKeyInput,
  evidenceId: idInput,
  version: versionInput,
  stance: stanceInput.optional(),
  excerpt: excerptInput,
  locator: locatorInput,
  note: noteInput,
});
export const removeEvidenceInput = z.object({ idempotencyKey: idempotencyKeyInput, evidenceId: idInput, version: versionInput });

async function lockEvidenceAtVersion(tx: Database, evidenceId: number, version: number, actor: Actor) {
  const [found] = await tx.select({ claimId: evidence.claimId }).from(evidence).where(and(eq(evidence.id, evidenceId), isNull(evidence.deletedAt)));
  if (!found) throw new NotFoundError("That evidence link");
  const claim = await lockClaimForEvidence(tx, found.claimId);
  const [current] = await tx.select().from(evidence).where(eq(evidence.id, evidenceId)).for("update");
  if (!current || current.deletedAt) throw new NotFoundError("That evidence link");
  if (current.version !== version) throw await staleWriteError(tx, current.claimId, "evidence", actor);
  return { current, articleId: claim.articleId };
}

export async function updateEvidence(ctx: ServiceContext, rawInput: z.input<typeof updateEvidenceInput>) {
  assertCan(ctx.actor, "evidence.edit");
  const { evidenceId, version, idempotencyKey, ...fields } = updateEvidenceInput.parse(rawInput);
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return runIdempotent(ctx, "evidence.update", idempotencyKey, async (tx) => {
    const { current, articleId } = await lockEvidenceAtVersion(tx, evidenceId, version, ctx.actor);
    const diff = changedFields(current, set);
    if (!diff.changed) return current;
    const [updated] = await tx
      .update(evidence)
      .set({ ...set, version: sql`${evidence.version} + 1`, updatedAt: new Date() })
      .where(eq(evidence.id, evidenceId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "evidence.updated",
      entityId: evidenceId,
      claimId: current.claimId,
      articleId,
      before: { evidenceId, ...diff.before },
      after: { evidenceId, ...diff.after },
    });
    return updated!;
  });
}

export async function removeEvidence(ctx: ServiceContext, rawInput: z.input<typeof removeEvidenceInput>) {
  assertCan(ctx.actor, "evidence.edit");
  const input = removeEvidenceInput.parse(rawInput);
  return runIdempotent(ctx, "evidence.remove", input.idempotencyKey, async (tx) => {
    const { current, articleId } = await lockEvidenceAtVersion(tx, input.evidenceId, input.version, ctx.actor);
    await tx.update(evidence).set({ deletedAt: new Date(), version: sql`${evidence.version} + 1` }).where(eq(evidence.id, current.id));
    const [source] = await tx
      .select({ url: evidenceLink, title: sources.title })
      .from(evidence)
      .innerJoin(sources, eq(sources.id, evidence.sourceId))
      .where(eq(evidence.id, current.id));
    await recordAudit(tx, ctx.actor, {
      action: "evidence.removed",
      entityId: current.id,
      claimId: current.claimId,
      articleId,
      before: { evidenceId: current.id, source: source?.url ?? null, sourceTitle: source?.title ?? null, stance: current.stance, excerpt: current.excerpt, locator: current.locator },
      after: null,
    });
    return { id: current.id };
  });
}
