import { analyzeClaim, type ClaimFeatures } from "./analyze";
import { compareFeatures, type ClaimInput, type MatchScore } from "./score";

export const DEFAULT_MATCH_LIMIT = 5;

/**
 * Analysing a claim costs about a millisecond; the same stored claims come back as candidates for many queries
 * (an import matches every sentence), so their features are kept, up to a bound.
 */
export class FeatureCache {
  private readonly entries = new Map<string, ClaimFeatures>();
  constructor(private readonly maxEntries = 5_000) {}

  get(claim: ClaimInput): ClaimFeatures {
    const key = `${claim.speaker ?? ""}\u0000${claim.text}`;
    let features = this.entries.get(key);
    if (!features) {
      features = analyzeClaim(claim.text, claim.speaker ?? null);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, features);
    }
    return features;
  }
}

export type Ranked<T> = T & MatchScore;

/** Scores every candidate against the query and keeps the best `limit`, best first (ties keep input order). */
export function rankCandidates<T extends ClaimInput>(
  query: ClaimInput,
  candidates: readonly T[],
  { limit = DEFAULT_MATCH_LIMIT, cache = new FeatureCache() }: { limit?: number; cache?: FeatureCache } = {},
): Ranked<T>[] {
  const q = cache.get(query);
  return candidates
    .map((candidate, index) => ({ candidate, index, match: compareFeatures(q, cache.get(candidate)) }))
    .sort((x, y) => y.match.score - x.match.score || x.index - y.index)
    .slice(0, limit)
    .map(({ candidate, match }) => ({ ...candidate, ...match }));
}
