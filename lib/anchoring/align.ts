// Edit distances over token keys (words, not characters): cheap enough to run per claim.

/** Levenshtein distance between two key sequences. */
export function keyDistance(a: readonly string[], b: readonly string[]): number {
  let prev = new Int32Array(b.length + 1);
  let next = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, next[j - 1]! + 1);
    }
    [prev, next] = [next, prev];
  }
  return prev[b.length]!;
}

export interface KeyMatch {
  /** Matched tokens [start, end) of the text. */
  start: number;
  end: number;
  distance: number;
}

/**
 * Where `pattern` fits best inside `text` (semi-global alignment: the whole pattern against any stretch
 * of text). Ties go to the stretch whose length is closest to the pattern's, then the earliest.
 * Null when the pattern is empty or no stretch is within maxDistance.
 */
export function bestKeyMatch(pattern: readonly string[], text: readonly string[], maxDistance: number): KeyMatch | null {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return null;
  // cost[j], from[j]: best alignment of the pattern prefix so far ending at text position j, and where it starts.
  let cost = new Int32Array(n + 1);
  let from = new Int32Array(n + 1);
  let nextCost = new Int32Array(n + 1);
  let nextFrom = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) from[j] = j;
  for (let i = 1; i <= m; i++) {
    nextCost[0] = i;
    nextFrom[0] = 0;
    for (let j = 1; j <= n; j++) {
      const diagonal = cost[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      const up = cost[j]! + 1; // pattern token missing from the text
      const left = nextCost[j - 1]! + 1; // text token inserted
      if (diagonal <= up && diagonal <= left) {
        nextCost[j] = diagonal;
        nextFrom[j] = from[j - 1]!;
      } else if (up <= left) {
        nextCost[j] = up;
        nextFrom[j] = from[j]!;
      } else {
        nextCost[j] = left;
        nextFrom[j] = nextFrom[j - 1]!;
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
  }
  let best: KeyMatch | null = null;
  for (let j = 1; j <= n; j++) {
    const distance = cost[j]!;
    const start = from[j]!;
    if (start >= j || distance > maxDistance) continue;
    const skew = Math.abs(j - start - m);
    if (!best || distance < best.distance || (distance === best.distance && skew < Math.abs(best.end - best.start - m))) {
      best = { start, end: j, distance };
    }
  }
  return best;
}
