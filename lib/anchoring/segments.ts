export interface IdSpan {
  id: number;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Claims covering this segment, outermost first (earlier start, then longer span, then lower id). */
  ids: number[];
}

/**
 * Splits the paragraph [pStart, pEnd) of a body into consecutive segments that together cover it
 * exactly, each listing the ids of the spans covering it (ids: [] where no claim is). Spans are
 * clipped to the paragraph; empty spans and spans outside it are ignored; adjacent segments with the
 * same ids are merged. Handles nested and overlapping spans. Throws RangeError when pStart > pEnd.
 */
export function segmentSpans(pStart: number, pEnd: number, spans: readonly IdSpan[]): Segment[] {
  if (!(pStart <= pEnd)) throw new RangeError(`Paragraph [${pStart}, ${pEnd}) is reversed`);
  const clipped = spans
    .map((s) => ({ id: s.id, start: Math.max(s.start, pStart), end: Math.min(s.end, pEnd) }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);

  const cuts = new Set<number>([pStart, pEnd]);
  for (const s of clipped) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);

  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const ids = [...new Set(clipped.filter((s) => s.start <= start && end <= s.end).map((s) => s.id))];
    const last = segments.at(-1);
    if (last && last.end === start && sameIds(last.ids, ids)) last.end = end;
    else segments.push({ start, end, ids });
  }
  return segments;
}

function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
