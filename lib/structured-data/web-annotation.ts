import { VERDICT_SCALE } from "../verdicts";
import type { JsonLd } from "./claim-review";
import type { PublicClaim, PublishingOrganization } from "./types";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** The media type the W3C Web Annotation Protocol asks for (the route's Content-Type). */
export const ANNOTATION_MEDIA_TYPE = `application/ld+json; profile="${ANNOTATION_CONTEXT}"`;

export interface AnnotationCollectionInput {
  /** Where this collection is served; item and page IRIs are fragments of it, so they dereference here. */
  exportUrl: string;
  /** The reader page the annotations target. */
  articleUrl: string;
  articleTitle: string;
  publisher: PublishingOrganization;
  claims: readonly PublicClaim[];
}

/**
 * One published claim as a stand-alone Annotation: it carries its own @context so a consumer that
 * splits the collection into items still has valid JSON-LD. The verdict is an "assessing" TextualBody.
 * Selector offsets are the claim's TextPositionSelector over the article body text (UTF-16 code units,
 * as the DOM counts); the TextQuoteSelector is the robust anchor for clients that see other text.
 */
function buildAnnotation(input: Omit<AnnotationCollectionInput, "claims">, claim: PublicClaim): JsonLd {
  return {
    "@context": ANNOTATION_CONTEXT,
    id: `${input.exportUrl}#claim-${claim.id}`,
    type: "Annotation",
    motivation: "assessing",
    // The only public time is the (latest) publication: withdrawing clears it and re-approval sets a new
    // one, so it is when this annotation, as published, came to be. No `modified`: nothing later is known.
    created: claim.publishedAt.toISOString(),
    creator: { type: "Organization", name: input.publisher.name, homepage: input.publisher.url },
    body: {
      type: "TextualBody",
      value: `${VERDICT_SCALE[claim.verdict].label}: ${claim.rationale}`,
      format: "text/plain",
      language: "en",
      purpose: "assessing",
    },
    // No `type` on the target: the model's recommended classes (Text, Image, …) describe the source,
    // and the conformance "should" check rejects any other value there.
    target: {
      source: input.articleUrl,
      selector: [
        { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        { type: "TextPositionSelector", start: claim.start, end: claim.end },
      ],
    },
  };
}

/**
 * The published claims of one article as an AnnotationCollection. All items fit in one embedded
 * AnnotationPage (`first`, with `last` pointing at it), as the model expects when total > 0; an
 * article without published claims is an empty collection with total 0 and no pages.
 */
export function buildAnnotationCollection(input: AnnotationCollectionInput): JsonLd {
  const total = input.claims.length;
  const pageId = `${input.exportUrl}#page-1`;
  const pages: JsonLd =
    total === 0
      ? {}
      : {
          first: {
            id: pageId,
            type: "AnnotationPage",
            partOf: input.exportUrl,
            startIndex: 0,
            items: input.claims.map((claim) => buildAnnotation(input, claim)),
          },
          last: pageId,
        };
  return {
    "@context": ANNOTATION_CONTEXT,
    id: input.exportUrl,
    type: "AnnotationCollection",
    label: `Fact-checks of “${input.articleTitle}” by ${input.publisher.name}`,
    creator: { type: "Organization", name: input.publisher.name, homepage: input.publisher.url },
    total,
    ...pages,
  };
}
