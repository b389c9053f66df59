import { distancesToPrefixes } from "./fuzzy";
import { charAt, charBefore, insideWord, isSpace } from "./text";
import type { Anchor, Span } from "./types";

type Quote = Anchor["quote"];

/**
 * Chooses the edges of an edited claim near a rough match. Character alignment can hand a claim the
 * text inserted at its edge ("the deal was signed" matched to "the deal was inked, officials said"),
 * and plain edit distance would rather drop a word than keep an inserted one ("outlined ..." for
 * "He also outlined ..."). So each candidate span is scored by its edit distance to the old exact
 * text plus half the edits its surroundings need to match the old prefix and suffix, over word
 * boundaries only: first the end with the start fixed, then the start with that end.
 * Returns the span with its plain edit distance to quote.exact, or null when no span fits.
 */
export function closestWording(body: string, quote: Quote, rough: Span, maxErrors: number): (Span & { distance: number }) | null {
  const reach = quote.exact.length + maxErrors; // a longer or shorter text is more than maxErrors away
  const { start } = rough;
  const byEnd = distancesToPrefixes(quote.exact, body.slice(start, Math.min(body.length, start + reach)));
  const length = pick(byEnd, rough.end - start, (n) => isEnd(body, start + n), (n) => suffixCost(body, quote.suffix, start + n));
  if (length === null) return null;

  const end = start + length;
  const byStart = distancesToPrefixes(reverse(quote.exact), reverse(body.slice(Math.max(0, end - reach), end)));
  const back = pick(byStart, length, (n) => isStart(body, end - n), (n) => prefixCost(body, quote.prefix, end - n));
  if (back === null) return null;
  return { start: end - back, end, distance: byStart[back]! };
}

/** Among allowed lengths n, the lowest 2·distance + context cost; then the lowest distance; then nearest `near`. */
function pick(distances: Uint32Array, near: number, allowed: (n: number) => boolean, context: (n: number) => number): number | null {
  let best: { n: number; score: number; distance: number } | null = null;
  for (let n = 1; n < distances.length; n++) {
    if (!allowed(n)) continue;
    const distance = distances[n]!;
    const score = 2 * distance + context(n);
    const better =
      !best ||
      score < best.score ||
      (score === best.score && (distance < best.distance || (distance === best.distance && Math.abs(n - near) < Math.abs(best.n - near))));
    if (better) best = { n, score, distance };
  }
  return best && best.n;
}

/** Fewest edits turning the text just before `at` into prefix (however much text that takes). */
function prefixCost(body: string, prefix: string, at: number): number {
  if (prefix === "") return 0;
  const before = body.slice(Math.max(0, at - 2 * prefix.length), at);
  return Math.min(...distancesToPrefixes(reverse(prefix), reverse(before)));
}

/** Fewest edits turning the text just after `at` into suffix. */
function suffixCost(body: string, suffix: string, at: number): number {
  if (suffix === "") return 0;
  return Math.min(...distancesToPrefixes(suffix, body.slice(at, at + 2 * suffix.length)));
}

function isStart(body: string, i: number): boolean {
  return !insideWord(body, i) && charAt(body, i) !== "" && !isSpace(charAt(body, i));
}

function isEnd(body: string, i: number): boolean {
  return !insideWord(body, i) && charBefore(body, i) !== "" && !isSpace(charBefore(body, i));
}

// Reversing code units keeps edit distances (both sides reversed) even across surrogate pairs.
function reverse(text: string): string {
  return text.split("").reverse().join("");
}
