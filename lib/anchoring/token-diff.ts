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

/** Past this many edits in one stretch between unique-word anchors, the stretch counts as replaced whole. */
const MAX_EDITS_PER_GAP = 2000;
/** Kept runs this short between larger changes are coincidences ("the", ",") and count as changed. */
const MAX_COINCIDENCE = 2;

/**
 * Diffs two key sequences. Words that occur exactly once in each text and agree with a neighbour are
 * matched first and the longest in-order chain of them is kept (as patience diff does), so the
 * `diff` library only has to align the short stretches between them: a whole-text Myers diff costs
 * O(length × edits), which is hundreds of milliseconds for a long, lightly edited article.
 */
export function alignTokens(oldKeys: readonly string[], newKeys: readonly string[]): TokenAlignment {
  const runs: Run[] = [];
  const push = (kept: boolean, oldCount: number, newCount: number) => {
    if (oldCount === 0 && newCount === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.kept === kept) {
      last.old += oldCount;
      last.new += newCount;
    } else {
      runs.push({ kept, old: oldCount, new: newCount });
    }
  };
  let i = 0;
  let j = 0;
  for (const [ai, aj] of [...uniqueAnchors(oldKeys, newKeys), [oldKeys.length, newKeys.length] as const]) {
    diffGap(oldKeys.slice(i, ai), newKeys.slice(j, aj), push);
    if (ai < oldKeys.length) push(true, 1, 1);
    i = ai + 1;
    j = aj + 1;
  }
  return toAlignment(dropCoincidences(runs), oldKeys.length, newKeys.length);
}

function diffGap(oldGap: string[], newGap: string[], push: (kept: boolean, o: number, n: number) => void): void {
  if (oldGap.length === 0 || newGap.length === 0) return push(false, oldGap.length, newGap.length);
  const changes = diffArrays(oldGap, newGap, { maxEditLength: MAX_EDITS_PER_GAP });
  if (!changes) return push(false, oldGap.length, newGap.length);
  for (const change of changes) {
    if (change.added) push(false, 0, change.count);
    else if (change.removed) push(false, change.count, 0);
    else push(true, change.count, change.count);
  }
}

/** Pairs (old index, new index) of keys unique in both texts, in a longest chain increasing in both. */
function uniqueAnchors(oldKeys: readonly string[], newKeys: readonly string[]): [number, number][] {
  const once = (keys: readonly string[]) => {
    const at = new Map<string, number>();
    keys.forEach((key, index) => at.set(key, at.has(key) ? -1 : index));
    return at;
  };
  const inOld = once(oldKeys);
  const inNew = once(newKeys);
  const pairs: [number, number][] = [];
  for (const [key, oi] of inOld) {
    const ni = inNew.get(key);
    if (oi < 0 || ni === undefined || ni < 0) continue;
    // A unique word with neither neighbour in common is as likely a coincidence as a kept word.
    const neighbour =
      (oi > 0 && ni > 0 && oldKeys[oi - 1] === newKeys[ni - 1]) ||
      (oi + 1 < oldKeys.length && ni + 1 < newKeys.length && oldKeys[oi + 1] === newKeys[ni + 1]);
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
