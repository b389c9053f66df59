import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { articles, claims, evidence, sourceLinkHealth, sources } from "@/db/schema";
import { InvalidInputError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { idInput } from "../ids";
import { serverEnv } from "../../env.mjs";
import { jobSettingsFrom } from "../../jobs/settings";
import { requestRecapture } from "./capture-source";
import { evidenceLink } from "../source/source-link";
import { checkSourceLink } from "./check-link";

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

export const checkLinkInput = z.object({ sourceId: idInput });

/**
 * An admin checks a source's link now, while waiting, instead of at its turn in the weekly sweep: the same check
 * and the same dead rule as the background job, and readers' cached pages expire when the standing changes.
 */
export async function checkLinkNow(ctx: ServiceContext, rawInput: z.input<typeof checkLinkInput>) {
  assertCan(ctx.actor, "source.checkLink");
  const { sourceId } = checkLinkInput.parse(rawInput);
  if (!ctx.fetcher) throw new InvalidInputError("Links cannot be checked here: no fetcher runs in this process.");
  const settings = jobSettingsFrom(serverEnv());
  const rule = { deadAfterFailures: settings.deadAfterFailures, deadAfterDays: settings.deadAfterDays };
  const result = await checkSourceLink({ db: ctx.db, fetcher: ctx.fetcher, rule, publicCache: ctx.publicCache }, sourceId);
  if (!result) throw new NotFoundError("That source");
  return { sourceId, outcome: result.check.outcome, health: result.standing.health, error: result.check.error };
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
