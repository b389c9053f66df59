import { BEST_RATING, VERDICT_SCALE, WORST_RATING } from "../verdicts";
import type { PublicClaim, PublishingOrganization } from "./types";

export interface ClaimReviewInput {
  /** The Factdesk reader page; each review's url is this plus #claim-<id>, the anchor the page scrolls to. */
  articleUrl: string;
  articleTitle: string;
  /** The news article's own publication date (YYYY-MM-DD), when known. */
  articleDatePublished: string | null;
  /** The news outlet the article came from, named as the appearance's publisher. */
  articlePublisherName?: string | null;
  /** The outlet's original URL, given as sameAs so the claim's first appearance stays identifiable. */
  articleOriginalUrl?: string | null;
  publisher: PublishingOrganization;
  claims: readonly Pick<PublicClaim, "id" | "exact" | "speaker" | "verdict" | "rationale" | "publishedAt">[];
}

export type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | null | JsonLd | JsonLdValue[];

/**
 * A verdict as a schema.org Rating. Google requires only alternateName (the label it shows); an
 * unverifiable claim has no place on the 1..6 truth scale, so it gets no ratingValue and no scale
 * bounds rather than an invented number that would read as "somewhere between true and false".
 */
function rating(claim: ClaimReviewInput["claims"][number]): JsonLd {
  const style = VERDICT_SCALE[claim.verdict];
  const scale: JsonLd = style.rating === null ? {} : { ratingValue: style.rating, bestRating: BEST_RATING, worstRating: WORST_RATING };
  return { "@type": "Rating", ...scale, alternateName: style.label, ratingExplanation: claim.rationale };
}

/** One schema.org ClaimReview per published claim (the caller passes published claims only). */
export function buildClaimReviews(input: ClaimReviewInput): JsonLd[] {
  const author: JsonLd = { "@type": "Organization", name: input.publisher.name, url: input.publisher.url };
  const appearance: JsonLd = {
    "@type": "NewsArticle",
    url: input.articleUrl,
    headline: input.articleTitle,
    ...(input.articleOriginalUrl ? { sameAs: input.articleOriginalUrl } : {}),
    ...(input.articlePublisherName ? { publisher: { "@type": "Organization", name: input.articlePublisherName } } : {}),
    ...(input.articleDatePublished ? { datePublished: input.articleDatePublished } : {}),
  };
  return input.claims.map((claim) => ({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${input.articleUrl}#claim-${claim.id}`,
    claimReviewed: claim.exact,
    datePublished: claim.publishedAt.toISOString(),
    author,
    reviewRating: rating(claim),
    itemReviewed: {
      "@type": "Claim",
      ...(claim.speaker ? { author: { "@type": "Person", name: claim.speaker } } : {}),
      appearance,
      ...(input.articleDatePublished ? { datePublished: input.articleDatePublished } : {}),
    },
  }));
}

/**
 * JSON for inside <script type="application/ld+json">. HTML ends a script at the first "</script"
 * whatever the JSON means, so <, > and & become \u escapes (still the same JSON string values), as do
 * U+2028/U+2029, which some JavaScript consumers of the text treat as line breaks.
 */
export function jsonLdScriptContent(value: JsonLd | readonly JsonLd[]): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
