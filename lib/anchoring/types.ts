/** W3C Web Annotation TextQuoteSelector: the selected text and up to CONTEXT_LENGTH code units around it. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector over a revision body, in UTF-16 code units (what DOM Selection/Range count). */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** Both selectors for one span: the quote survives edits, the position is fast and disambiguates. */
export interface Anchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** A half-open range [start, end) of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** Code units of context stored before and after the exact text. */
export const CONTEXT_LENGTH = 32;
