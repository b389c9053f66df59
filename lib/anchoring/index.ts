// Claim anchoring: W3C TextQuote/TextPosition selectors over revision bodies, in UTF-16 code units.
// Pure TypeScript with no DOM or Node APIs; the browser-only Range mapping is in ./dom-offsets.
export { CONTEXT_LENGTH } from "./types";
export type { Anchor, Span, TextPositionSelector, TextQuoteSelector } from "./types";
export { snapToWordBoundaries } from "./snap";
export { anchorExactly, describeSpan } from "./describe";
export { locateQuote, verifyAnchor } from "./locate";
export type { QuoteToFind, Verification } from "./locate";
export { segmentSpans } from "./segments";
export type { IdSpan, Segment } from "./segments";
export { assignLanes, markWarnings } from "./overlaps";
export type { MarkWarnings } from "./overlaps";
export { MAX_FUZZY_LENGTH, reanchor } from "./reanchor";
export type { ReanchorOptions, Reanchored } from "./reanchor";
export { MAX_CHANGED_SHARE, reanchorRevision } from "./revision";
export type { RevisionReanchored } from "./revision";
