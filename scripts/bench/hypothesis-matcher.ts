/**
 * The peer for `npm run bench:anchoring`: a quote matcher in the style of Hypothesis's client (written
 * here from its documented behaviour, on the `approx-string-match` package). It only sees the new body
 * and the stored selectors: exact occurrences first, otherwise approximate matches of the quote with up
 * to min(256, quote length / 2) errors; each candidate is scored 50 × quote + 20 × prefix + 20 × suffix
 * + 2 × position similarity, and the best one wins.
 */
import search from "approx-string-match";
import type { Anchor } from "@/lib/anchoring";

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

const maxErrorsFor = (text: string) => Math.min(256, Math.floor(text.length / 2));

/** 1 when str occurs in text, down to 0 when it needs as many edits as it has characters. */
function similarity(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = search(text, str, str.length);
  if (matches.length === 0) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / str.length;
}

export function hypothesisMatch(body: string, anchor: Anchor): { start: number; end: number } | null {
  const { exact, prefix, suffix } = anchor.quote;
  const hint = anchor.position.start;
  let candidates: { start: number; end: number; errors: number }[] = [];
  for (let i = body.indexOf(exact); i !== -1; i = body.indexOf(exact, i + 1)) candidates.push({ start: i, end: i + exact.length, errors: 0 });
  if (candidates.length === 0) candidates = search(body, exact, maxErrorsFor(exact));
  let best: { start: number; end: number; score: number } | null = null;
  for (const c of candidates) {
    const quoteScore = 1 - c.errors / exact.length;
    const prefixScore = prefix ? similarity(body.slice(Math.max(0, c.start - prefix.length), c.start), prefix) : 1;
    const suffixScore = suffix ? similarity(body.slice(c.end, c.end + suffix.length), suffix) : 1;
    const positionScore = 1 - Math.abs(c.start - hint) / body.length;
    const score =
      (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) /
      (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
    if (!best || score > best.score) best = { start: c.start, end: c.end, score };
  }
  return best && { start: best.start, end: best.end };
}
