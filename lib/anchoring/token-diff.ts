import { diffArrays } from "diff";

/**
 * A word-level diff between two token sequences, as runs of kept tokens and hunks of changed ones.
 * `oldToNew[i]` is the new index of kept old token i, or -1; `newToOld` the reverse.
 */
export interface TokenAlignment {
  oldToNew: Int32Array;
  newToOld: Int32Array;
  /** Changed hunks in order: old tokens [oldStart, oldEnd) became new tokens [newStart, newEnd). */
  hunks: Hunk[];
  /** For each old token, the index in `hunks` of the hunk holding it, or -1 when kept. */
  oldHunk: Int32Array;
}

export interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

interface Run {
  kept: boolean;
  old: number;
  new: number;
}

/**
 * Past this many edits in one stretch between unique-word anchors, the stretch counts as replaced whole:
 * that is a rewrite, and giving up early bounds the cost (Myers needs ~edits² steps to give up).
 */
const MAX_EDITS_PER_GAP = 100;
/** Kept runs this short between larger changes are coincidences ("the", ",") and count as changed. */
const MAX_COINCIDENCE = 2;
/** Patience levels before the rest of a stretch goes to the diff library as it is. */
const MAX_DEPTH = 32;

type Push = (kept: boolean, oldCount: number, newCount: number) => void;

/**
 * Diffs two key sequences, patience-style: the common start and end are kept; words that occur once in
 * each side of what is left (and agree with a neighbour) are matched, the longest in-order chain of them
 * is kept, and the stretches between are diffed the same way. Only stretches without such words go to
 * the `diff` library (Myers), which costs O(length × edits): over a whole long, lightly edited article
 * that is hundreds of milliseconds, over the short stretches left it is next to nothing.
 */
export function alignTokens(oldKeys: readonly string[], newKeys: readonly string[]): TokenAlignment {
  const runs: Run[] = [];
  const push: Push = (kept, oldCount, newCount) => {
    if (oldCount === 0 && newCount === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.kept === kept) {
      last.old += oldCount;
      last.new += newCount;
    } else {
      runs.push({ kept, old: oldCount, new: newCount });
    }
  };
  diffRange(oldKeys, newKeys, 0, oldKeys.length, 0, newKeys.length, push, 0);
  slideToSentences(runs, oldKeys, newKeys);
  return toAlignment(dropCoincidences(runs), oldKeys.length, newKeys.length);
}

function diffRange(o: readonly string[], n: readonly string[], o0: number, o1: number, n0: number, n1: number, push: Push, depth: number): void {
  let head = 0;
  while (o0 + head < o1 && n0 + head < n1 && o[o0 + head] === n[n0 + head]) head++;
  push(true, head, head);
  o0 += head;
  n0 += head;
  let tail = 0;
  while (o1 - tail > o0 && n1 - tail > n0 && o[o1 - tail - 1] === n[n1 - tail - 1]) tail++;
  o1 -= tail;
  n1 -= tail;
  const anchors = o0 === o1 || n0 === n1 || depth >= MAX_DEPTH ? [] : uniqueAnchors(o, n, o0, o1, n0, n1);
  if (anchors.length === 0) {
    diffGap(o.slice(o0, o1), n.slice(n0, n1), push);
  } else {
    let i = o0;
    let j = n0;
    for (const [ai, aj] of anchors) {
      diffRange(o, n, i, ai, j, aj, push, depth + 1);
      push(true, 1, 1);
      i = ai + 1;
      j = aj + 1;
    }
    diffRange(o, n, i, o1, j, n1, push, depth + 1);
  }
  push(true, tail, tail);
}

function diffGap(oldGap: string[], newGap: string[], push: Push): void {
  if (oldGap.length === 0 || newGap.length === 0) return push(false, oldGap.length, newGap.length);
  const changes = diffArrays(oldGap, newGap, { maxEditLength: MAX_EDITS_PER_GAP });
  if (!changes) return push(false, oldGap.length, newGap.length);
  for (const change of changes) {
    if (change.added) push(false, 0, change.count);
    else if (change.removed) push(false, change.count, 0);
    else push(true, change.count, change.count);
  }
}

/** Pairs (old index, new index) of keys unique in both ranges, in a longest chain increasing in both. */
function uniqueAnchors(o: readonly string[], n: readonly string[], o0: number, o1: number, n0: number, n1: number): [number, number][] {
  const once = (keys: readonly string[], from: number, to: number) => {
    const at = new Map<string, number>();
    for (let k = from; k < to; k++) at.set(keys[k]!, at.has(keys[k]!) ? -1 : k);
    return at;
  };
  const inOld = once(o, o0, o1);
  const inNew = once(n, n0, n1);
  const pairs: [number, number][] = [];
  for (const [key, oi] of inOld) {
    const ni = inNew.get(key);
    if (oi < 0 || ni === undefined || ni < 0) continue;
    // A unique word with neither neighbour in common is as likely a coincidence as a kept word.
    const neighbour = (oi > o0 && ni > n0 && o[oi - 1] === n[ni - 1]) || (oi + 1 < o1 && ni + 1 < n1 && o[oi + 1] === n[ni + 1]);
    if (neighbour) pairs.push([oi, ni]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return longestIncreasing(pairs);
}

/** Longest subsequence of pairs (sorted by old index) whose new indexes increase, in O(n log n). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = []; // tails[k]: index in pairs of the smallest end of a chain of length k + 1
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, n], index) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < n) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[index] = tails[lo - 1]!;
    tails[lo] = index;
  });
  const chain: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

const SENTENCE_END = /^(?:[.!?]+|\.\.\.)$/;

/**
 * A text cut or added next to a repeat of its own edge words can be placed several ways ("x. Cut text."
 * is also "x. Cut text" + "." kept). Slides each such hunk so it starts right after a sentence end, as
 * an editor cuts and adds sentences, so the kept "." stays with the sentence it ends.
 */
function slideToSentences(runs: Run[], oldKeys: readonly string[], newKeys: readonly string[]): void {
  let o = 0;
  let n = 0;
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!;
    const before = runs[k - 1];
    const after = runs[k + 1];
    const pure = run.old === 0 || run.new === 0;
    if (!run.kept && pure && before?.kept && after?.kept) {
      const keys = run.old > 0 ? oldKeys : newKeys;
      const at = run.old > 0 ? o : n;
      const size = run.old + run.new;
      let left = 0;
      while (left < before.old && keys[at - left - 1] === keys[at + size - left - 1]) left++;
      let right = 0;
      while (right < after.old && keys[at + right] === keys[at + size + right]) right++;
      let best = 0;
      const ends = (shift: number) => SENTENCE_END.test(keys[at + shift - 1] ?? "");
      for (let shift = -left; shift <= right; shift++) {
        if (ends(shift) && (!ends(best) || Math.abs(shift) < Math.abs(best))) best = shift;
      }
      before.old += best;
      before.new += best;
      after.old -= best;
      after.new -= best;
      o += best;
      n += best;
    }
    o += run.old;
    n += run.new;
  }
}

/** Turns short kept runs squeezed between larger changes into changes (diff-match-patch's semantic cleanup, simplified). */
function dropCoincidences(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!;
    const before = out[out.length - 1];
    const after = runs[k + 1];
    const size = (r: Run) => r.old + r.new;
    const coincidence =
      run.kept && before && after && !before.kept && !after.kept && run.old <= MAX_COINCIDENCE && 2 * run.old < Math.min(size(before), size(after));
    if (!coincidence) {
      if (before && before.kept === run.kept) {
        before.old += run.old;
        before.new += run.new;
      } else {
        out.push({ ...run });
      }
      continue;
    }
    before.old += run.old + after.old;
    before.new += run.new + after.new;
    k++;
  }
  return out;
}

function toAlignment(runs: Run[], oldLength: number, newLength: number): TokenAlignment {
  const oldToNew = new Int32Array(oldLength).fill(-1);
  const newToOld = new Int32Array(newLength).fill(-1);
  const oldHunk = new Int32Array(oldLength).fill(-1);
  const hunks: Hunk[] = [];
  let o = 0;
  let n = 0;
  for (const run of runs) {
    if (run.kept) {
      for (let k = 0; k < run.old; k++) {
        oldToNew[o + k] = n + k;
        newToOld[n + k] = o + k;
      }
    } else {
      oldHunk.fill(hunks.length, o, o + run.old);
      hunks.push({ oldStart: o, oldEnd: o + run.old, newStart: n, newEnd: n + run.new });
    }
    o += run.old;
    n += run.new;
  }
  return { oldToNew, newToOld, hunks, oldHunk };
}

/** Passes of move detection: each finds at most one in-order chain of moved text. */
const MOVE_PASSES = 3;
/** Fewest tokens in a hunk for it to be considered as (part of) moved text. */
const MIN_MOVE = 4;

/**
 * For each new token the diff calls added, the old token it was moved from, or -1. A diff keeps only one
 * order, so a moved paragraph shows as cut in one place and added in another: aligning what was cut with
 * what was added (again, a few times, for paragraphs moved across each other) finds it.
 */
export function movedFrom(oldKeys: readonly string[], newKeys: readonly string[], alignment: TokenAlignment): Int32Array {
  const from = new Int32Array(newKeys.length).fill(-1);
  // Only hunks of some length: single replaced words are edits, and leaving them out keeps this cheap.
  let cut: number[] = [];
  let added: number[] = [];
  for (const h of alignment.hunks) {
    if (h.oldEnd - h.oldStart >= MIN_MOVE) for (let i = h.oldStart; i < h.oldEnd; i++) cut.push(i);
    if (h.newEnd - h.newStart >= MIN_MOVE) for (let j = h.newStart; j < h.newEnd; j++) added.push(j);
  }
  for (let pass = 0; pass < MOVE_PASSES && cut.length > 0 && added.length > 0; pass++) {
    const moves = alignTokens(
      cut.map((i) => oldKeys[i]!),
      added.map((j) => newKeys[j]!),
    );
    let found = false;
    moves.newToOld.forEach((k, m) => {
      if (k >= 0) {
        from[added[m]!] = cut[k]!;
        found = true;
      }
    });
    if (!found) break;
    cut = cut.filter((_, k) => moves.oldToNew[k]! < 0);
    added = added.filter((j) => from[j]! < 0);
  }
  return from;
}
