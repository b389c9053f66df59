import { anchorExactly } from "./describe";
import { fuzzyFind } from "./fuzzy";
import { locateQuote } from "./locate";
import { snapToWordBoundaries } from "./snap";
import { closestWording } from "./refine";
import type { Anchor, Span } from "./types";

/** The states match ANCHOR_STATES in lib/claims/workflow.ts. */
export type Reanchored =
  /** The exact text is in the new body (perhaps at another position); anchor has fresh selectors. */
  | { state: "anchored"; anchor: Anchor }
  /** The text was edited; anchor.quote.exact is the new wording, `distance` edits from the old one. */
  | { state: "fuzzy"; anchor: Anchor; distance: number }
  /** Cut, or changed beyond recognition. */
  | { state: "orphaned" };

export interface ReanchorOptions {
  /** Most edits allowed, as a share of the old exact text's length (default 0.25). */
  maxErrorRate?: number;
}

/** Longer quotes are only re-anchored exactly: fuzzy matching costs O(quote × body) time and O(quote²) memory. */
export const MAX_FUZZY_LENGTH = 2000;

const ORPHANED: Reanchored = { state: "orphaned" };

/**
 * Carries an anchor made on one revision over to a new revision's body. First the exact text is
 * searched (context, then the old position, pick among repeats). Failing that, the quote with its
 * prefix and suffix is aligned approximately and its edges settled on word boundaries (see
 * closestWording); the result is "fuzzy" when within maxErrorRate edits of the old exact text.
 */
export function reanchor(body: string, anchor: Anchor, options: ReanchorOptions = {}): Reanchored {
  const { quote, position } = anchor;
  const maxErrors = Math.floor(quote.exact.length * (options.maxErrorRate ?? 0.25));
  let candidate: Span | null = locateQuote(body, quote, position.start);
  if (candidate) {
    const whole = snapToWordBoundaries(body, candidate.start, candidate.end);
    if (whole?.start === candidate.start && whole.end === candidate.end) {
      return { state: "anchored", anchor: anchorExactly(body, candidate.start, candidate.end) };
    }
    // The same characters inside a longer word ("signed" in "cosigned"): the word was edited.
    candidate = whole;
  } else if (maxErrors >= 1 && quote.exact.length <= MAX_FUZZY_LENGTH) {
    const from = quote.prefix.length;
    // In the best alignment the context costs at most its own length (deleting it is always possible),
    // so a higher total means the exact text itself needs more than maxErrors edits.
    const match = fuzzyFind(body, quote.prefix + quote.exact + quote.suffix, from, from + quote.exact.length, {
      maxCost: maxErrors + quote.prefix.length + quote.suffix.length,
      hintEnd: position.end + quote.suffix.length,
    });
    candidate = match && match.start < match.end ? snapToWordBoundaries(body, match.start, match.end) : null;
  }
  const refined = candidate && closestWording(body, quote, candidate, maxErrors);
  if (!refined || refined.distance > maxErrors) return ORPHANED;
  return { state: "fuzzy", anchor: anchorExactly(body, refined.start, refined.end), distance: refined.distance };
}
