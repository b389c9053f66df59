import type { Span } from "./types";
import { assertOffsets, charAt, charBefore, insideWord, isSpace } from "./text";

/**
 * Snaps a selection [start, end) of body to whole words:
 * - leading and trailing whitespace (spaces, the "\n\n" between paragraphs) is trimmed off;
 * - a start or end inside a word moves outward to include the whole word ("don’t", "100,000" and
 *   "U.S" count as one word; hyphens separate words, as in browsers);
 * - punctuation the user selected is kept, punctuation they did not select is never added: a selection
 *   that begins right after “ stays without it;
 * - a boundary never falls inside a surrogate pair (emoji, 𝒳).
 * Returns null when nothing but whitespace is selected (or start >= end).
 * Throws RangeError when start or end is not an integer offset within body.
 */
export function snapToWordBoundaries(body: string, start: number, end: number): Span | null {
  assertOffsets(body, start, end);
  if (start >= end) return null;
  while (start < end && isSpace(charAt(body, start))) start++;
  while (end > start && isSpace(charBefore(body, end))) end--;
  if (start === end) return null;

  // insideWord is also true between the halves of a surrogate pair, so no pair is ever split.
  while (insideWord(body, start)) start -= charBefore(body, start).length;
  while (insideWord(body, end)) end += charAt(body, end).length;
  return { start, end };
}
