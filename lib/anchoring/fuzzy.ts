// Approximate matching for re-anchoring edited text: Sellers' semi-global edit distance (the pattern
// must be matched whole, the text may be entered and left anywhere), in O(pattern × text) time.

export interface FuzzyMatch {
  /** Text span aligned to pattern[from, to); text inserted exactly at its edges is left out. */
  start: number;
  end: number;
  /** Edit distance between the whole pattern and the text it is aligned to. */
  cost: number;
}

/**
 * Aligns pattern with the part of text it matches best (fewest insertions, deletions, substitutions)
 * and reports which text span pattern[from, to) corresponds to. Ties between equally good matches go
 * to the one ending nearest hintEnd, then the earliest. Returns null when the best cost exceeds maxCost.
 */
export function fuzzyFind(
  text: string,
  pattern: string,
  from: number,
  to: number,
  options: { maxCost: number; hintEnd?: number },
): FuzzyMatch | null {
  const m = pattern.length;
  const best = bestEnd(text, pattern, options.hintEnd ?? 0);
  if (best.cost > options.maxCost) return null;

  // The optimal alignment ending at best.end uses at most m + cost text units: redo it there in full.
  const offset = Math.max(0, best.end - m - best.cost);
  const w = best.end - offset;
  const row = w + 1;
  const d = new Uint32Array((m + 1) * row);
  for (let i = 1; i <= m; i++) {
    d[i * row] = i;
    const p = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= w; j++) {
      const sub = d[(i - 1) * row + j - 1]! + (p === text.charCodeAt(offset + j - 1) ? 0 : 1);
      d[i * row + j] = Math.min(sub, d[(i - 1) * row + j]! + 1, d[i * row + j - 1]! + 1);
    }
  }

  let i = m;
  let j = w;
  let start = i === from ? j : -1;
  let end = w;
  while (i > 0) {
    const here = d[i * row + j]!;
    const match = j > 0 && pattern.charCodeAt(i - 1) === text.charCodeAt(offset + j - 1) ? 0 : 1;
    if (j > 0 && here === d[(i - 1) * row + j - 1]! + match) {
      i--;
      j--;
    } else if (here === d[(i - 1) * row + j]! + 1) {
      i--;
    } else {
      j--;
    }
    if (i === from && start < 0) start = j; // first visit of a row is its rightmost column
    if (i === to) end = j; // last visit is its leftmost column
  }
  return { start: offset + start, end: offset + end, cost: best.cost };
}

function bestEnd(text: string, pattern: string, hintEnd: number): { end: number; cost: number } {
  const m = pattern.length;
  const col = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  let best = { end: 0, cost: m };
  for (let j = 1; j <= text.length; j++) {
    const t = text.charCodeAt(j - 1);
    let diag = col[0]!;
    col[0] = 0;
    for (let i = 1; i <= m; i++) {
      const old = col[i]!;
      col[i] = Math.min(diag + (pattern.charCodeAt(i - 1) === t ? 0 : 1), old + 1, col[i - 1]! + 1);
      diag = old;
    }
    const cost = col[m]!;
    if (cost < best.cost || (cost === best.cost && Math.abs(j - hintEnd) < Math.abs(best.end - hintEnd))) {
      best = { end: j, cost };
    }
  }
  return best;
}

/** Levenshtein distance between a and b over UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  return distancesToPrefixes(a, b)[b.length]!;
}

/** result[j] = edit distance between a and b.slice(0, j), for every j, in O(|a|·|b|) time. */
export function distancesToPrefixes(a: string, b: string): Uint32Array {
  let prev = new Uint32Array(b.length + 1);
  let next = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    const unit = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (unit === b.charCodeAt(j - 1) ? 0 : 1);
      next[j] = Math.min(sub, prev[j]! + 1, next[j - 1]! + 1);
    }
    [prev, next] = [next, prev];
  }
  return prev;
}
