import type { Verdict } from "../verdicts";

/**
 * The slice of a published claim the structured-data builders need. Structural on purpose: the
 * server's PublishedClaim satisfies it, and lib stays free of database imports (pure, unit-testable).
 */
export interface PublicClaim {
  id: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  speaker: string | null;
  verdict: Verdict;
  rationale: string;
  publishedAt: Date;
}

/** Who publishes the fact-checks (Factdesk by default; configurable per deployment). */
export interface PublishingOrganization {
  name: string;
  url: string;
}
