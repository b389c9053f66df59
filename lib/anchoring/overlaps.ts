import type { IdSpan } from "./segments";

/**
 * Lanes for drawing overlapping claims apart: claims that overlap never share a lane, so each can get its
 * own tint and underline depth and its extent stays visible where it runs into another. Greedy in text
 * order (earlier start first, longer first), which uses as few lanes as the deepest overlap needs.
 */
export function assignLanes(spans: readonly IdSpan[]): Map<number, number> {
  const ordered = spans.filter((s) => s.start < s.end).sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const laneEnds: number[] = []; // laneEnds[lane] = end of the last span placed in that lane
  const lanes = new Map<number, number>();
  for (const span of ordered) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    lanes.set(span.id, lane);
  }
  return lanes;
}

export interface MarkWarnings {
  /** The selection runs from one paragraph into another. */
  crossesParagraphs: boolean;
  /** Claims the selection shares words with, in text order. */
  overlapping: number[];
}

/**
 * What an editor should know before marking [start, end) as a claim: whether it crosses a paragraph break
 * (`paragraphs` as splitParagraphs gives them) and which existing claims it overlaps. Warnings, not
 * refusals: a claim may well span two paragraphs or sit inside another.
 */
export function markWarnings(start: number, end: number, paragraphs: readonly { start: number; text: string }[], spans: readonly IdSpan[]): MarkWarnings {
  const inOne = paragraphs.some((p) => p.start <= start && end <= p.start + p.text.length);
  const overlapping = spans
    .filter((s) => s.start < end && start < s.end)
    .sort((a, b) => a.start - b.start || a.id - b.id)
    .map((s) => s.id);
  return { crossesParagraphs: !inOne, overlapping };
}
