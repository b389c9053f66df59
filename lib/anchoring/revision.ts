import { diffArrays } from "diff";
import { bestKeyMatch, keyDistance } from "./align";
import { anchorExactly } from "./describe";
import { locateQuote } from "./locate";
import { alignTokens, movedFrom, type TokenAlignment } from "./token-diff";
import { firstTokenAfter, tokenize, tokensBefore, type Token } from "./tokens";
import type { Anchor, Span } from "./types";

/** How a claim made on the old body lands on the new one. */
export type RevisionReanchored =
  /** The claimed words are all still there, in order (typography and whitespace may differ). */
  | { state: "anchored"; anchor: Anchor; via: "diff" | "quote" }
  /** The claimed words were edited; the anchor covers the edited words. */
  | { state: "changed"; anchor: Anchor; via: "diff" | "approximate" }
  /** Cut, rewritten beyond recognition, or only found where a guess would be needed. */
  | { state: "orphaned" };

/** An edited claim may differ from its old words by at most this share of its tokens. */
export const MAX_CHANGED_SHARE = 0.3;
/** A candidate elsewhere is another sentence if this share of its words was already in the old body outside the claim. */
const MAX_FOREIGN_SHARE = 0.5;
/** Tokens of context compared on each side when choosing between exact copies. */
const CONTEXT_TOKENS = 8;
/** A copy elsewhere beats an in-place edit only with this many context tokens agreeing. */
const STRONG_CONTEXT = 4;
/** Claims this long (in tokens) are only re-anchored through the diff or exactly. */
const MAX_APPROXIMATE_TOKENS = 4096;
/** Words more frequent than this in the new body do not vote for where an edited claim may be. */
const MAX_VOTING_OCCURRENCES = 256;
/** Edge candidates tried inside a hunk that straddles a claim's edge. */
const MAX_EDGE_OPTIONS = 64;

const ORPHANED: RevisionReanchored = { state: "orphaned" };

/**
 * Carries claims from one revision body to the next, in the order given. Each anchor must have been
 * made on oldBody (a stale position is repaired from the quote; a quote absent from oldBody is orphaned).
 *
 * 1. Word-level diff of the two bodies (whitespace and typography ignored): a claim whose words were all
 *    kept, in order, is `anchored` where they went. Edited in place, it is `changed` to the new words.
 * 2. Otherwise the claim's words are searched as a whole elsewhere (a moved paragraph), disambiguated by
 *    context and by where the diff puts the claim's old position; an in-place edit that is really two
 *    near-identical passages paired crosswise by the diff is undone (see uncrossed).
 * 3. Then an approximate match (word edits) among the words the new body added.
 * Steps 2 and 3 never accept text that the diff maps from somewhere else in the old body: a look-alike
 * sentence that was already there is another sentence, not this claim. Step 3 also refuses any
 * candidate whose differences touch a number or a capitalised word (another figure, speaker, country)
 * unless the claim's own neighbouring words came along with it (a moved paragraph, edited).
 */
export function reanchorRevision(oldBody: string, newBody: string, anchors: readonly Anchor[]): RevisionReanchored[] {
  const oldTokens = tokenize(oldBody);
  const newTokens = tokenize(newBody);
  const revision = new Revision(oldTokens, newTokens, alignTokens(keysOf(oldTokens), keysOf(newTokens)));
  return anchors.map((anchor) => {
    const span = oldSpan(oldBody, anchor);
    if (!span) return ORPHANED;
    // The claim's tokens are those it overlaps; an edge inside a word keeps its offset into that word
    // when the word itself is unchanged, and otherwise takes the whole word.
    const a = firstTokenAfter(oldTokens, span.start);
    const b = tokensBefore(oldTokens, span.end);
    const found = a < b ? revision.carry(a, b) : null;
    if (!found) return ORPHANED;
    const raw = (body: string, t: Token) => body.slice(t.start, t.end);
    const first = newTokens[found.start]!;
    const last = newTokens[found.end - 1]!;
    const firstOld = oldTokens[a]!;
    const lastOld = oldTokens[b - 1]!;
    const start = first.start + (raw(newBody, first) === raw(oldBody, firstOld) ? Math.max(0, span.start - firstOld.start) : 0);
    const end = last.end - (raw(newBody, last) === raw(oldBody, lastOld) ? Math.max(0, lastOld.end - span.end) : 0);
    if (start >= end) return ORPHANED;
    const moved = anchorExactly(newBody, start, end);
    return found.state === "anchored" ? { state: "anchored", anchor: moved, via: found.via } : { state: "changed", anchor: moved, via: found.via };
  });
}

function oldSpan(body: string, anchor: Anchor): Span | null {
  const { start, end } = anchor.position;
  if (start < end && end <= body.length && body.slice(start, end) === anchor.quote.exact) return { start, end };
  return locateQuote(body, anchor.quote, start);
}

function keysOf(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.key);
}

type Found =
  | { state: "anchored"; via: "diff" | "quote"; start: number; end: number }
  | { state: "changed"; via: "diff" | "approximate"; start: number; end: number };

/** One old → new revision pair; `carry` maps one claim's old tokens [a, b) to new tokens. */
class Revision {
  private readonly oldKeys: string[];
  private readonly newKeys: string[];
  private positions: Map<string, number[]> | null = null;
  private moves: Int32Array | null = null;

  constructor(
    oldTokens: Token[],
    newTokens: Token[],
    private readonly alignment: TokenAlignment,
  ) {
    this.oldKeys = keysOf(oldTokens);
    this.newKeys = keysOf(newTokens);
  }

  carry(a: number, b: number): Found | null {
    if (a >= b) return null;
    const inPlace = this.throughDiff(a, b);
    if (inPlace?.state === "anchored") return inPlace;
    const copy = this.exactElsewhere(a, b);
    if (copy && (!inPlace || copy.context >= STRONG_CONTEXT)) return { state: "anchored", via: "quote", ...copy };
    if (inPlace) {
      const swapped = this.uncrossed(a, b, inPlace);
      return swapped ? { state: "anchored", via: "quote", ...swapped } : inPlace;
    }
    return this.approximateElsewhere(a, b);
  }

  /**
   * Near-identical passages that both moved can be paired the wrong way round by the diff: it puts the
   * claim on the other passage (which looks "changed") and the claim's unchanged words on the other
   * passage's old text. When the claim's exact words are in the new body where the diff says text from
   * old position l went, and the old text at l is exactly what the diff put the claim on, the two were
   * swapped: the claim is unchanged, at its exact words.
   */
  private uncrossed(a: number, b: number, inPlace: Found): Span | null {
    const claim = this.oldKeys.slice(a, b);
    const here = this.newKeys.slice(inPlace.start, inPlace.end);
    for (const start of this.exactOccurrences(claim)) {
      let origin = -1;
      for (let m = 0; m < claim.length && origin < 0; m++) {
        const old = this.oldIndexOf(start + m);
        if (old >= 0) origin = old - m;
      }
      if (origin < 0 || (origin >= a && origin < b)) continue;
      if (here.every((key, m) => this.oldKeys[origin + m] === key)) return { start, end: start + claim.length };
    }
    return null;
  }

  /** Where new token j was in the old body (kept or moved), or -1 for added text. */
  private oldIndexOf(j: number): number {
    const kept = this.alignment.newToOld[j]!;
    if (kept >= 0) return kept;
    this.moves ??= movedFrom(this.oldKeys, this.newKeys, this.alignment);
    return this.moves[j]!;
  }

  /** Every start of the exact key sequence in the new body, searched from its rarest key. */
  private exactOccurrences(claim: string[]): number[] {
    const index = this.index();
    let rarest = 0;
    for (let q = 1; q < claim.length; q++) {
      if ((index.get(claim[q]!)?.length ?? 0) < (index.get(claim[rarest]!)?.length ?? 0)) rarest = q;
    }
    const starts: number[] = [];
    for (const p of index.get(claim[rarest]!) ?? []) {
      const start = p - rarest;
      if (start < 0 || start + claim.length > this.newKeys.length) continue;
      if (claim.every((key, q) => this.newKeys[start + q] === key)) starts.push(start);
    }
    return starts;
  }

  /** Step 1: follow the diff. Kept edges map directly; an edge inside a changed hunk takes the hunk's new words. */
  private throughDiff(a: number, b: number): Found | null {
    const { oldToNew, oldHunk, hunks } = this.alignment;
    let kept = 0;
    let inOrder = true;
    for (let i = a; i < b; i++) {
      if (oldToNew[i]! >= 0) kept++;
      if (i > a && (oldToNew[i]! < 0 || oldToNew[i] !== oldToNew[i - 1]! + 1)) inOrder = false;
    }
    if (kept === 0) return null;
    if (inOrder && oldToNew[a]! >= 0) return { state: "anchored", via: "diff", start: oldToNew[a]!, end: oldToNew[b - 1]! + 1 };

    const startHunk = hunks[oldHunk[a]!];
    const endHunk = hunks[oldHunk[b - 1]!];
    // Text inserted right before a kept first word (or after a kept last word) stays outside the claim.
    // A hunk replacing the claim's first (last) words is taken whole unless less of it is closer to the
    // old words; a hunk reaching over the edge gives as little as fits.
    const starts = !startHunk ? [oldToNew[a]!] : options(startHunk.newStart, startHunk.newEnd, startHunk.oldStart === a);
    const ends = !endHunk ? [oldToNew[b - 1]! + 1] : options(endHunk.newEnd, endHunk.newStart, endHunk.oldEnd === b);
    const claim = this.oldKeys.slice(a, b);
    const start = this.closest(claim, starts, (s) => [s, ends[0]!]);
    const end = start === null ? null : this.closest(claim, ends, (e) => [start, e]);
    if (start === null || end === null || start >= end) return null;
    const distance = keyDistance(claim, this.newKeys.slice(start, end));
    return distance <= allowedEdits(claim.length) ? { state: "changed", via: "diff", start, end } : null;
  }

  /** The option whose span is closest (in word edits) to the claim; ties to the first listed. */
  private closest(claim: string[], options: number[], span: (option: number) => [number, number]): number | null {
    let best: { option: number; distance: number } | null = null;
    for (const option of options) {
      const [s, e] = span(option);
      if (s >= e) continue;
      const distance = keyDistance(claim, this.newKeys.slice(s, e));
      if (!best || distance < best.distance) best = { option, distance };
    }
    return best && best.option;
  }

  /** Step 2: the claim's exact words in a stretch of the new body the diff does not attribute to other old text. */
  private exactElsewhere(a: number, b: number): (Span & { context: number }) | null {
    const claim = this.oldKeys.slice(a, b);
    const near = this.projectedStart(a);
    let best: { start: number; context: number; distance: number } | null = null;
    for (const start of this.exactOccurrences(claim)) {
      const end = start + claim.length;
      if (this.foreignShare(a, b, start, end) >= MAX_FOREIGN_SHARE) continue;
      const { before, after } = this.contextAgreement(a, b, start, end);
      const context = before + after;
      const distance = Math.abs(start - near);
      if (!best || context > best.context || (context === best.context && distance < best.distance)) best = { start, context, distance };
    }
    return best && { start: best.start, end: best.start + claim.length, context: best.context };
  }

  /**
   * Step 3: stretches of added words sharing most of the claim's words on one diagonal, aligned word by
   * word. Two equally good candidates are a guess, so neither is taken.
   */
  private approximateElsewhere(a: number, b: number): Found | null {
    const claim = this.oldKeys.slice(a, b);
    const allowed = allowedEdits(claim.length);
    if (allowed === 0) return null;
    const candidates = this.sharedDiagonals(a, b, claim, allowed);
    let best: (Found & { distance: number }) | null = null;
    let tie = false;
    for (const region of candidates) {
      const match = bestKeyMatch(claim, this.newKeys.slice(region.start, region.end), allowed);
      if (!match) continue;
      const start = region.start + match.start;
      const end = region.start + match.end;
      if (this.foreignShare(a, b, start, end) >= MAX_FOREIGN_SHARE) continue;
      // Another figure or name is a look-alike, unless the claim's own neighbours came along (a moved, edited paragraph).
      const { before, after } = this.contextAgreement(a, b, start, end);
      if (Math.max(before, after) < STRONG_CONTEXT && touchesNamesOrNumbers(claim, this.newKeys.slice(start, end))) continue;
      if (best && match.distance === best.distance && (start !== best.start || end !== best.end)) tie = true;
      if (!best || match.distance < best.distance) {
        best = { state: "changed", via: "approximate", start, end, distance: match.distance };
        tie = false;
      }
    }
    return tie || !best ? null : { state: best.state, via: best.via, start: best.start, end: best.end };
  }

  /**
   * Stretches of the new body where at least all but `allowed` of the claim's words recur, available to
   * the claim, on nearly one diagonal (new index − claim index within `allowed` + 1 of each other): a
   * sliding window over the sorted diagonals, counting distinct claim words, so that common words spread
   * over the whole body never add up to a candidate.
   */
  private sharedDiagonals(a: number, b: number, claim: string[], allowed: number): Span[] {
    if (claim.length >= MAX_APPROXIMATE_TOKENS) return [];
    const index = this.index();
    // Hits packed as one number, (diagonal + claim length) × MAX_APPROXIMATE_TOKENS + claim index, for a numeric sort.
    const packed: number[] = [];
    let informative = 0;
    claim.forEach((key, q) => {
      const positions = index.get(key) ?? [];
      if (positions.length > MAX_VOTING_OCCURRENCES) return; // "the", ",": everywhere, so they place nothing
      informative++;
      for (const p of positions) if (this.free(a, b, p)) packed.push((p - q + claim.length) * MAX_APPROXIMATE_TOKENS + q);
    });
    const hits = Float64Array.from(packed).sort();
    const diagonal = (k: number) => Math.floor(hits[k]! / MAX_APPROXIMATE_TOKENS) - claim.length;
    const q = (k: number) => hits[k]! % MAX_APPROXIMATE_TOKENS;
    const width = allowed + 1;
    if (informative === 0) return [];
    // Each window is verified word by word afterwards, so one rare word in place is enough to look.
    const needed = Math.max(1, informative - allowed);
    const seen = new Int32Array(claim.length);
    // Qualifying windows on overlapping diagonals are one candidate; separate ones stay separate, so
    // that two equally good passages are seen as a tie.
    const windows: { from: number; to: number }[] = [];
    let distinct = 0;
    for (let lo = 0, hi = 0; hi < hits.length; hi++) {
      if (seen[q(hi)]!++ === 0) distinct++;
      while (diagonal(hi) - diagonal(lo) > width) if (--seen[q(lo++)]! === 0) distinct--;
      if (distinct < needed) continue;
      const last = windows[windows.length - 1];
      if (last && diagonal(lo) <= last.to) last.to = diagonal(hi);
      else windows.push({ from: diagonal(lo), to: diagonal(hi) });
    }
    return windows.map((w) => ({
      start: Math.max(0, w.from - width),
      end: Math.min(this.newKeys.length, w.to + claim.length + width),
    }));
  }

  /** New token j is available to the claim: added by the revision, or kept or moved from the claim's own words. */
  private free(a: number, b: number, j: number): boolean {
    const old = this.oldIndexOf(j);
    return old < 0 || (old >= a && old < b);
  }

  private foreignShare(a: number, b: number, start: number, end: number): number {
    let foreign = 0;
    for (let j = start; j < end; j++) if (!this.free(a, b, j)) foreign++;
    return foreign / (end - start);
  }

  /** Matching tokens counted outwards from each edge, up to CONTEXT_TOKENS per side. */
  private contextAgreement(a: number, b: number, start: number, end: number): { before: number; after: number } {
    let before = 0;
    let after = 0;
    while (before < CONTEXT_TOKENS && a - before > 0 && this.oldKeys[a - before - 1] === this.newKeys[start - before - 1]) before++;
    while (after < CONTEXT_TOKENS && b + after < this.oldKeys.length && this.oldKeys[b + after] === this.newKeys[end + after]) after++;
    return { before, after };
  }

  /** Where the diff puts old token a in the new body: after the image of the nearest kept token before it. */
  private projectedStart(a: number): number {
    for (let i = a - 1; i >= 0; i--) {
      const j = this.alignment.oldToNew[i]!;
      if (j >= 0) return j + 1;
    }
    return 0;
  }

  private index(): Map<string, number[]> {
    if (!this.positions) {
      this.positions = new Map();
      this.newKeys.forEach((key, j) => {
        const list = this.positions!.get(key);
        if (list) list.push(j);
        else this.positions!.set(key, [j]);
      });
    }
    return this.positions;
  }
}

export function allowedEdits(claimTokens: number): number {
  return Math.floor(claimTokens * MAX_CHANGED_SHARE);
}

/**
 * Edge positions to try inside a hunk whose new tokens run from `outer` (everything taken) to `inner`
 * (nothing taken): outermost first when the hunk starts at the claim's edge, innermost first otherwise.
 */
function options(outer: number, inner: number, outermostFirst: boolean): number[] {
  const all: number[] = [];
  const step = inner >= outer ? 1 : -1;
  for (let k = outer; k !== inner + step; k += step) all.push(k);
  if (!outermostFirst) all.reverse();
  return all.slice(0, MAX_EDGE_OPTIONS);
}

const NAME_OR_NUMBER = /\p{Nd}|^\p{Lu}/u;

/** True when the words that differ include a number or a capitalised word: a look-alike, not an edit. */
export function touchesNamesOrNumbers(before: readonly string[], after: readonly string[]): boolean {
  return diffArrays([...before], [...after]).some(
    (change) => (change.added || change.removed) && change.value.some((key) => NAME_OR_NUMBER.test(key)),
  );
}
