import { commonPrefixLength, commonSuffixLength, splitsPair } from "./text";
import type { Anchor, Span, TextQuoteSelector } from "./types";

export type QuoteToFind = Omit<TextQuoteSelector, "type">;

/** How well the text around body[start, end) matches the stored context, in code units (0..64). */
export function contextScore(body: string, quote: QuoteToFind, start: number, end: number): number {
  const before = body.slice(Math.max(0, start - quote.prefix.length), start);
  const after = body.slice(end, end + quote.suffix.length);
  return commonSuffixLength(quote.prefix, before) + commonPrefixLength(quote.suffix, after);
}

/** Every offset where exact occurs in body (overlapping ones too), skipping matches that split a surrogate pair. */
export function occurrences(body: string, exact: string): number[] {
  const found: number[] = [];
  if (exact === "") return found;
  for (let i = body.indexOf(exact); i !== -1; i = body.indexOf(exact, i + 1)) {
    if (!splitsPair(body, i) && !splitsPair(body, i + exact.length)) found.push(i);
  }
  return found;
}

/**
 * Finds quote.exact in body. With several occurrences, the one whose surroundings best match
 * quote.prefix (longest common suffix) and quote.suffix (longest common prefix) wins; ties go to the
 * occurrence nearest `hint` (e.g. the stored position start), then to the earliest.
 * Returns null when exact is empty or absent.
 */
export function locateQuote(body: string, quote: QuoteToFind, hint?: number): Span | null {
  let best: { start: number; score: number; distance: number } | null = null;
  for (const start of occurrences(body, quote.exact)) {
    const score = contextScore(body, quote, start, start + quote.exact.length);
    const distance = hint === undefined ? 0 : Math.abs(start - hint);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { start, score, distance };
    }
  }
  return best && { start: best.start, end: best.start + quote.exact.length };
}

export type Verification = { state: "anchored" } | { state: "moved"; start: number; end: number } | { state: "orphaned" };

/**
 * Checks a stored anchor against a body: "anchored" when the stored position still holds the exact
 * text; "moved" (with the new span) when the quote is found elsewhere; otherwise "orphaned".
 */
export function verifyAnchor(body: string, anchor: Anchor): Verification {
  const { start, end } = anchor.position;
  const inRange = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= body.length && start < end;
  if (inRange && body.slice(start, end) === anchor.quote.exact) return { state: "anchored" };
  const found = locateQuote(body, anchor.quote, Number.isFinite(start) ? start : undefined);
  return found ? { state: "moved", ...found } : { state: "orphaned" };
}
