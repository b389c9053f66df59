import { describe, expect, it } from "vitest";
import { buildClaimReviews, jsonLdScriptContent, type ClaimReviewInput } from "./claim-review";

const HOSTILE = "</script><script>alert(1)</script>";
const base: Omit<ClaimReviewInput, "claims"> = {
  articleUrl: "https://factdesk.example/a/lavrov",
  articleTitle: "Russia Is Not Seeking War With U.S. and NATO, Lavrov Says",
  articleDatePublished: "2022-01-28",
  articlePublisherName: "The Moscow Times",
  articleOriginalUrl: "https://www.themoscowtimes.com/2022/01/28/lavrov",
  publisher: { name: "Factdesk", url: "https://factdesk.example" },
};
const publishedAt = new Date("2024-05-02T10:30:00Z");
const claims: ClaimReviewInput["claims"] = [
  { id: 4, exact: "“We don’t want a war,”", speaker: "Sergei Lavrov", verdict: "misleading", rationale: "Troops say otherwise.", publishedAt },
  { id: 9, exact: "some 100,000 troops", speaker: null, verdict: "true", rationale: "Matches estimates.", publishedAt },
  { id: 12, exact: "rational seeds", speaker: "Sergei Lavrov", verdict: "unverifiable", rationale: "No record.", publishedAt },
];

describe("buildClaimReviews", () => {
  const reviews = buildClaimReviews({ ...base, claims });

  it("builds one ClaimReview per claim with a #claim-<id> url", () => {
    expect(reviews).toHaveLength(3);
    expect(reviews.map((r) => r.url)).toEqual([`${base.articleUrl}#claim-4`, `${base.articleUrl}#claim-9`, `${base.articleUrl}#claim-12`]);
    expect(reviews[0]).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      claimReviewed: "“We don’t want a war,”",
      datePublished: "2024-05-02T10:30:00.000Z",
      author: { "@type": "Organization", name: "Factdesk", url: "https://factdesk.example" },
      reviewRating: { "@type": "Rating", ratingValue: 3, bestRating: 6, worstRating: 1, alternateName: "Misleading", ratingExplanation: "Troops say otherwise." },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Sergei Lavrov" },
        datePublished: "2022-01-28",
        appearance: {
          "@type": "NewsArticle",
          url: base.articleUrl,
          headline: base.articleTitle,
          sameAs: base.articleOriginalUrl,
          publisher: { "@type": "Organization", name: "The Moscow Times" },
        },
      },
    });
  });

  it("omits the claim author when there is no speaker", () => {
    expect(reviews[1]?.itemReviewed).not.toHaveProperty("author");
  });

  it("gives unverifiable a label but no number on the truth scale", () => {
    const rating = reviews[2]?.reviewRating;
    expect(rating).toEqual({ "@type": "Rating", alternateName: "Unverifiable", ratingExplanation: "No record." });
  });

  it("leaves out unknown article facts instead of writing nulls", () => {
    const [review] = buildClaimReviews({ ...base, articleDatePublished: null, articlePublisherName: null, articleOriginalUrl: null, claims: claims.slice(0, 1) });
    expect(JSON.stringify(review)).not.toContain("null");
  });

  it("returns nothing for an article without published claims", () => {
    expect(buildClaimReviews({ ...base, claims: [] })).toEqual([]);
  });
});

describe("jsonLdScriptContent", () => {
  const hostile = buildClaimReviews({
    ...base,
    articleTitle: `Title ${HOSTILE} & more`,
    claims: [{ ...claims[0]!, exact: `quote ${HOSTILE}`, rationale: `because <!-- ${HOSTILE} \u2028\u2029` }],
  });
  const text = jsonLdScriptContent(hostile);

  it("cannot close or open a script element, or start an HTML comment", () => {
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text.toLowerCase()).not.toContain("</script");
    expect(text).toContain("\\u003c/script\\u003e");
  });

  it("round-trips to exactly the same value", () => {
    expect(JSON.parse(text)).toEqual(hostile);
  });
});
