import { timestampSeconds } from "../sources/locator";
import type { SourceType, Stance } from "../sources/vocabulary";
import { VERDICT_SCALE } from "../verdicts";
import type { JsonLd } from "./claim-review";
import type { PublicClaim, PublicEvidence, PublishingOrganization } from "./types";

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

const STANCE_WORDS: Record<Stance, string> = { supports: "Supports the claim", refutes: "Refutes the claim", context: "Gives context" };

// The model's recommended classes (3.2.2); a web page, document or post is Text.
const RESOURCE_CLASS: Record<SourceType, string> = {
  article: "Text",
  video: "Video",
  audio: "Sound",
  document: "Text",
  dataset: "Dataset",
  social_post: "Text",
  official_statement: "Text",
  other: "Text",
};

/**
 * One evidence link as a Composite body: the source as a "linking" SpecificResource (the excerpt as
 * the TextQuoteSelector of the passage, a timestamp as a Media Fragments time), and the stance as a
 * "classifying" TextualBody. Composite because the two only mean something together, and the model
 * has no stance term: an extension context would make every item fail the plain @context check.
 */
function evidenceBody(evidence: PublicEvidence): JsonLd {
  const seconds = timestampSeconds(evidence.locator);
  const selector: JsonLd[] = [
    ...(evidence.excerpt ? [{ type: "TextQuoteSelector", exact: evidence.excerpt }] : []),
    ...(seconds === null ? [] : [{ type: "FragmentSelector", conformsTo: "http://www.w3.org/TR/media-frags/", value: `t=${seconds}` }]),
  ];
  const where = evidence.locator && seconds === null ? ` (${evidence.locator})` : evidence.locator ? ` at ${evidence.locator}` : "";
  const named = [evidence.publisherName, evidence.title ?? evidence.url].filter(Boolean).join(": ");
  return {
    type: "Composite",
    items: [
      // No `type`, as on the target: the suite's "should" check allows only the content classes there.
      {
        purpose: "linking",
        source: { id: evidence.url, type: RESOURCE_CLASS[evidence.sourceType] },
        ...(selector.length > 0 ? { selector } : {}),
      },
      { type: "TextualBody", value: `${STANCE_WORDS[evidence.stance]}: ${named}${where}`, format: "text/plain", purpose: "classifying" },
    ],
  };
}

/** Text order (where the claim starts, then the shorter span), so a consumer reads them as the article does. */
function inTextOrder(claims: readonly PublicClaim[]): PublicClaim[] {
  return [...claims].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}

/**
 * One published claim as a stand-alone Annotation: it carries its own @context so a consumer that
 * splits the collection into items still has valid JSON-LD. The verdict is an "assessing" TextualBody,
 * the speaker a "describing" one, each evidence link a Composite (see evidenceBody).
 * Only the fields of PublicClaim are read: editor notes, drafts and emails cannot pass through.
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
    // The verdict first (clients that show one body show that), then who said it, then the evidence.
    body: [
      {
        type: "TextualBody",
        value: `${VERDICT_SCALE[claim.verdict].label}: ${claim.rationale}`,
        format: "text/plain",
        language: "en",
        purpose: "assessing",
      },
      ...(claim.speaker ? [{ type: "TextualBody", value: `Speaker: ${claim.speaker}`, format: "text/plain", purpose: "describing" }] : []),
      ...claim.sources.map(evidenceBody),
    ],
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
            items: inTextOrder(input.claims).map((claim) => buildAnnotation(input, claim)),
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
