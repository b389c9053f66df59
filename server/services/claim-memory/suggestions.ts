import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { articles, claimSuggestions, claims } from "@/db/schema";
import { claimKindInput, optionalLine } from "../claim/claim-input";
import { markInTransaction } from "../claim/mark-claim";
import { ConflictError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput } from "../ids";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";
import { groupArticleIds } from "./claim-groups";
import { linkInTransaction } from "./link-claims";
import type { Database } from "@/db/types";

/**
 * The workspace's "Already checked": open suggestions on the article's current text, each with the earlier
 * published claim, its verdict and its article. A suggestion whose matched claim is no longer published, or
 * whose sentence an editor has marked meanwhile, is not shown.
 */
export async function listSuggestions(ctx: ServiceContext, articleId: number) {
  assertCan(ctx.actor, "claim.read");
  const rows = await ctx.db
    .select({
      id: claimSuggestions.id,
      sentence: claimSuggestions.sentence,
      start: claimSuggestions.positionStart,
      end: claimSuggestions.positionEnd,
      revisionId: claimSuggestions.revisionId,
      score: claimSuggestions.score,
      matchedClaimId: claims.id,
      matchedText: claims.quoteExact,
      matchedSpeaker: claims.speaker,
      matchedKind: claims.kind,
      verdict: claims.verdict,
      publishedAt: claims.publishedAt,
      matchedArticleId: articles.id,
      articleSlug: articles.slug,
      articleTitle: articles.title,
    })
    .from(claimSuggestions)
    .innerJoin(claims, eq(claims.id, claimSuggestions.matchedClaimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(claimSuggestions.articleId, articleId), eq(claimSuggestions.status, "open"), eq(claims.status, "published"), isNull(claims.deletedAt)))
    .orderBy(asc(claimSuggestions.positionStart), asc(claimSuggestions.id));
  const marked = await ctx.db
    .select({ start: claims.positionStart, end: claims.positionEnd })
    .from(claims)
    .where(and(eq(claims.articleId, articleId), isNull(claims.deletedAt), ne(claims.anchorState, "orphaned")));
  return rows.filter((s) => !marked.some((m) => m.start < s.end && s.start < m.end));
}

async function lockOpenSuggestion(tx: Database, suggestionId: number) {
  const [suggestion] = await tx.select().from(claimSuggestions).where(eq(claimSuggestions.id, suggestionId)).for("update");
  if (!suggestion) throw new NotFoundError("That suggestion");
  if (suggestion.status !== "open") throw new ConflictError(`This suggestion was already ${suggestion.status}. Reload to see the workspace as it is now.`);
  return suggestion;
}

export const acceptSuggestionInput = z.object({
  idempotencyKey: idempotencyKeyInput,
  suggestionId: idInput,
  kind: claimKindInput.optional(),
  speaker: optionalLine(200),
});

/**
 * Accepts "Already checked": marks the sentence as a claim (kind and speaker from the earlier claim unless the
 * editor says otherwise) and links it to the earlier claim as the same claim, so its verdict can be reused.
 */
export async function acceptSuggestion(ctx: ServiceContext, rawInput: z.input<typeof acceptSuggestionInput>) {
  assertCan(ctx.actor, "claim.mark");
  assertCan(ctx.actor, "claim.edit");
  const input = acceptSuggestionInput.parse(rawInput);
  const accepted = await runIdempotent(ctx, "claim.acceptSuggestion", input.idempotencyKey, async (tx) => {
    const suggestion = await lockOpenSuggestion(tx, input.suggestionId);
    const [matched] = await tx.select({ kind: claims.kind, speaker: claims.speaker }).from(claims).where(eq(claims.id, suggestion.matchedClaimId));
    if (!matched) throw new NotFoundError("The earlier claim");
    const claim = await markInTransaction(tx, ctx.actor, {
      articleId: suggestion.articleId,
      revisionId: suggestion.revisionId,
      start: suggestion.positionStart,
      end: suggestion.positionEnd,
      kind: input.kind ?? matched.kind,
      speaker: input.speaker ?? matched.speaker ?? undefined,
      summary: undefined,
    });
    const link = await linkInTransaction(tx, ctx.actor, claim.id, suggestion.matchedClaimId);
    await tx
      .update(claimSuggestions)
      .set({ status: "accepted", acceptedClaimId: claim.id, decidedBy: ctx.actor.kind === "user" ? ctx.actor.id : null, decidedAt: new Date() })
      .where(eq(claimSuggestions.id, suggestion.id));
    return { claimId: claim.id, matchedClaimId: suggestion.matchedClaimId, groupId: link.groupId };
  });
  await ctx.publicCache?.changed({ articleIds: await groupArticleIds(ctx.db, [accepted.groupId]) });
  return accepted;
}

export const dismissSuggestionInput = z.object({ idempotencyKey: idempotencyKeyInput, suggestionId: idInput });

/** Dismisses "Already checked" for good: the same sentence is not offered for the same earlier claim again. */
export async function dismissSuggestion(ctx: ServiceContext, rawInput: z.input<typeof dismissSuggestionInput>) {
  assertCan(ctx.actor, "claim.edit");
  const input = dismissSuggestionInput.parse(rawInput);
  return runIdempotent(ctx, "claim.dismissSuggestion", input.idempotencyKey, async (tx) => {
    const suggestion = await lockOpenSuggestion(tx, input.suggestionId);
    await tx
      .update(claimSuggestions)
      .set({ status: "dismissed", decidedBy: ctx.actor.kind === "user" ? ctx.actor.id : null, decidedAt: new Date() })
      .where(eq(claimSuggestions.id, suggestion.id));
    await recordAudit(tx, ctx.actor, {
      action: "article.suggestion_dismissed",
      entityId: suggestion.articleId,
      after: { suggestionId: suggestion.id, sentence: suggestion.sentence, matchedClaimId: suggestion.matchedClaimId },
    });
    return { suggestionId: suggestion.id, status: "dismissed" as const };
  });
}
