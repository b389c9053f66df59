import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { articles, claims, evidence, sourceLinkHealth, sources } from "@/db/schema";
import { NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { idInput } from "../ids";
import { requestRecapture } from "./capture-source";
import { evidenceLink } from "../source/source-link";

export const recaptureInput = z.object({ sourceId: idInput });

/** An admin asks for a fresh archived copy of a source; the queue takes it after the commit. */
export async function recaptureSource(ctx: ServiceContext, rawInput: z.input<typeof recaptureInput>) {
  assertCan(ctx.actor, "source.recapture");
  const { sourceId } = recaptureInput.parse(rawInput);
  await ctx.db.transaction(async (tx) => {
    const [source] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, sourceId));
    if (!source) throw new NotFoundError("That source");
    await requestRecapture(tx, ctx.actor, sourceId);
  });
  await ctx.jobs?.capturesRequested([sourceId]).catch((error) => console.error("re-capture not queued yet", error));
  return { sourceId, state: "queued" as const };
}

/** Claims whose evidence went dead (the link-rot watch gave up on the original), for the editor dashboard. */
export async function listDeadEvidence(ctx: ServiceContext) {
  assertCan(ctx.actor, "source.deadEvidence");
  return ctx.db
    .select({
      claimId: claims.id,
      claimText: claims.quoteExact,
      articleId: articles.id,
      articleTitle: articles.title,
      sourceId: sources.id,
      sourceUrl: evidenceLink,
      sourceTitle: sources.title,
      deadSince: sourceLinkHealth.firstFailureAt,
    })
    .from(sourceLinkHealth)
    .innerJoin(sources, eq(sources.id, sourceLinkHealth.sourceId))
    .innerJoin(evidence, and(eq(evidence.sourceId, sources.id), isNull(evidence.deletedAt)))
    .innerJoin(claims, and(eq(claims.id, evidence.claimId), isNull(claims.deletedAt)))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(eq(sourceLinkHealth.health, "dead"))
    .orderBy(asc(sourceLinkHealth.firstFailureAt), asc(claims.id))
    .limit(200);
}
