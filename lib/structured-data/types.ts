import type { SourceType, Stance } from "../sources/vocabulary";
import type { Verdict } from "../verdicts";

/** One public evidence link of a published claim (never the editor's notes about it). */
export interface PublicEvidence {
  id: number;
  stance: Stance;
  /** The passage of the source that bears on the claim, as the editor quoted it. */
  excerpt: string | null;
  /** Where in the source: "p. 4", "0:42", a section name. */
  locator: string | null;
  url: string;
  title: string | null;
  sourceType: SourceType;
  publisherName: string | null;
}

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
  /** In the order they were attached. */
  sources: readonly PublicEvidence[];
}

/** Who publishes the fact-checks (Factdesk by default; configurable per deployment). */
export interface PublishingOrganization {
  name: string;
  url: string;
}
