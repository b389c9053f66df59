import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { articles, claims } from "@/db/schema";
import { NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { idInput } from "../ids";
import { findSimilarClaims, otherClaimColumns } from "./find-similar-claims";

export const similarClaimsInput = z.object({ claimId: idInput });

/** How many similar claims the workspace shows beside a claim. */
export const SIMILAR_IN_PANEL = 5;

/**
 * For the workspace's claim panel: the claims this one is linked to as the same claim, and the up to five
 * most similar claims of other articles (with their verdicts and dates), each saying whether it is linked.
 */
export async function getSimilarClaims(ctx: ServiceContext, rawInput: z.input<typeof similarClaimsInput>) {
  assertCan(ctx.actor, "claim.read");
  const input = similarClaimsInput.parse(rawInput);
  const [claim] = await ctx.db
    .select({ id: claims.id, articleId: claims.articleId, text: claims.quoteExact, speaker: claims.speaker, groupId: claims.groupId, reusedFromClaimId: claims.reusedFromClaimId })
    .from(claims)
    .where(and(eq(claims.id, input.claimId), isNull(claims.deletedAt)));
  if (!claim) throw new NotFoundError("That claim");

  const linked =
    claim.groupId === null
      ? []
      : await ctx.db
          .select({ ...otherClaimColumns, articleStatus: articles.status })
          .from(claims)
          .innerJoin(articles, eq(articles.id, claims.articleId))
          .where(and(eq(claims.groupId, claim.groupId), ne(claims.id, claim.id), isNull(claims.deletedAt)))
          .orderBy(asc(claims.id));
  const [reusedFrom] =
    claim.reusedFromClaimId === null
      ? []
      : await ctx.db
          .select({ claimId: claims.id, articleId: claims.articleId, articleTitle: articles.title })
          .from(claims)
          .innerJoin(articles, eq(articles.id, claims.articleId))
          .where(eq(claims.id, claim.reusedFromClaimId));
  const linkedIds = new Set(linked.map((c) => c.claimId));
  const similar = await findSimilarClaims(ctx.db, { text: claim.text, speaker: claim.speaker, excludeArticleId: claim.articleId, limit: SIMILAR_IN_PANEL });
  return {
    linked,
    /** Where the claim's verdict was copied from, if it was reused. */
    reusedFrom: reusedFrom ?? null,
    similar: similar.map(({ vetoes: _vetoes, ...s }) => ({ ...s, linked: linkedIds.has(s.claimId) })),
  };
}
