import { buildClaimReviews, jsonLdScriptContent } from "@/lib/structured-data/claim-review";
import { factdeskOrganization, publicOrigin, readerPath } from "@/lib/structured-data/public-urls";
import { serverEnv } from "@/server/env.mjs";
import type { ReaderView } from "@/server/services/reader/get-reader-view";

/**
 * schema.org ClaimReview JSON-LD, one object per published verdict. This is the one place the page
 * writes raw markup: a JSON data block (never executed), serialised so that no text can close the
 * <script> element (see jsonLdScriptContent).
 */
export function StructuredData({ article, claims }: Pick<ReaderView, "article" | "claims">) {
  if (claims.length === 0) return null;
  const origin = publicOrigin(serverEnv().NEXTAUTH_URL, "http://localhost:3000");
  const reviews = buildClaimReviews({
    articleUrl: `${origin}${readerPath(article.slug)}`,
    articleTitle: article.title,
    articleDatePublished: article.publishedOn,
    articlePublisherName: article.publisherName,
    articleOriginalUrl: article.originalUrl,
    publisher: factdeskOrganization(origin),
    claims: claims.map((claim) => ({ ...claim, publishedAt: new Date(claim.publishedAt) })),
  });
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScriptContent(reviews) }} />;
}
