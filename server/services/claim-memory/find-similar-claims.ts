import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { articles, claims, claimVectors } from "@/db/schema";
import type { Database } from "@/db/types";
import { candidateQuery } from "@/lib/matching/retrieval";
import { DEFAULT_MATCH_LIMIT, FeatureCache, rankCandidates } from "@/lib/matching/rank";
import type { Veto } from "@/lib/matching/score";
import type { ClaimStatus } from "@/lib/claims/workflow";
import type { Verdict } from "@/lib/verdicts";
import { idInput } from "../ids";

export const findSimilarClaimsInput = z.object({
  text: z.string().trim().min(1).max(5_000),
  speaker: z.string().trim().max(200).nullish(),
  /** Leave out the claims of this article (the one being edited). */
  excludeArticleId: idInput.optional(),
  excludeClaimId: idInput.optional(),
  /** Only published claims in published articles (claim memory on import, the reader's "Also checked in"). */
  publishedOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(20).default(DEFAULT_MATCH_LIMIT),
});
export type FindSimilarClaimsInput = z.input<typeof findSimilarClaimsInput>;

export interface SimilarClaim {
  claimId: number;
  articleId: number;
  articleSlug: string;
  articleTitle: string;
  text: string;
  speaker: string | null;
  status: ClaimStatus;
  verdict: Verdict | null;
  publishedAt: Date | null;
  score: number;
  same: boolean;
  vetoes: Veto[];
}

/** Full-text candidates re-ranked per query: enough for the right one to be among them, few enough to score fast. */
const CANDIDATE_POOL = 60;

/** The stored to_tsvector('english', quote_exact) that claims_quote_exact_fts_idx indexes and search ranks by. */
const claimTextVector = claimVectors.quote;

/**
 * The claims most like `text`, best first: PostgreSQL full-text search (stemmed, ranked) finds candidates that
 * share words, lemmas, synonyms or quantities with it; lib/matching re-ranks them and decides which would be
 * proposed as the same claim. Deleted claims never come back. Reads only; takes the database or a transaction.
 * Pass one FeatureCache across calls when matching many texts (an import) so stored claims are analysed once.
 */
/** What a claim of another article is shown with (its words, speaker, verdict and article): read joined to articles. */
export const otherClaimColumns = {
  claimId: claims.id,
  articleId: claims.articleId,
  articleSlug: articles.slug,
  articleTitle: articles.title,
  text: claims.quoteExact,
  speaker: claims.speaker,
  status: claims.status,
  verdict: claims.verdict,
  publishedAt: claims.publishedAt,
};

export async function findSimilarClaims(db: Database, rawInput: FindSimilarClaimsInput, cache = new FeatureCache()): Promise<SimilarClaim[]> {
  const input = findSimilarClaimsInput.parse(rawInput);
  const query = { text: input.text, speaker: input.speaker ?? null };
  const tsquery = candidateQuery(cache.get(query));
  if (!tsquery) return [];
  const q = sql`to_tsquery('english', ${tsquery})`;

  const rows = await db
    .select(otherClaimColumns)
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(
      and(
        sql`${claimTextVector} @@ ${q}`,
        isNull(claims.deletedAt),
        input.excludeArticleId === undefined ? undefined : ne(claims.articleId, input.excludeArticleId),
        input.excludeClaimId === undefined ? undefined : ne(claims.id, input.excludeClaimId),
        input.publishedOnly ? and(eq(claims.status, "published"), eq(articles.status, "published")) : undefined,
      ),
    )
    .orderBy(desc(sql`ts_rank(${claimTextVector}, ${q})`), claims.id)
    .limit(CANDIDATE_POOL);

  return rankCandidates(query, rows, { limit: input.limit, cache }).map(({ textScore: _textScore, ...row }) => row);
}
