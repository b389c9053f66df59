import { snapToWordBoundaries } from "./snap";
import { splitsPair } from "./text";
import { CONTEXT_LENGTH, type Anchor } from "./types";

/**
 * Builds both selectors for body[start, end) exactly as given (no snapping). Context is up to
 * CONTEXT_LENGTH code units, one fewer where the cut would fall inside a surrogate pair.
 * Callers must pass a valid, non-empty range.
 */
export function anchorExactly(body: string, start: number, end: number): Anchor {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(body, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(body.length, end + CONTEXT_LENGTH);
  if (splitsPair(body, suffixEnd)) suffixEnd--;
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: body.slice(start, end),
      prefix: body.slice(prefixStart, start),
      suffix: body.slice(end, suffixEnd),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}

/**
 * Snaps body[start, end) to word boundaries (see snapToWordBoundaries), then builds the quote and
 * position selectors for the snapped span. Throws RangeError when an offset is outside the body or
 * the selection is empty or only whitespace.
 */
export function describeSpan(body: string, start: number, end: number): Anchor {
  const snapped = snapToWordBoundaries(body, start, end);
  if (!snapped) throw new RangeError(`Span [${start}, ${end}) selects no words`);
  return anchorExactly(body, snapped.start, snapped.end);
}
