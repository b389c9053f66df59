import type { CSSProperties } from "react";
import { segmentSpans, type IdSpan } from "@/lib/anchoring/segments";
import type { Paragraph } from "@/lib/text/paragraphs";

const SELECTED = "#0969da";
/** Alternating lanes (lib/anchoring/overlaps.ts assignLanes): overlapping claims never share one. */
const LANES = [
  { tint: "rgba(250, 204, 21, 0.30)", line: "#9a6700" },
  { tint: "rgba(130, 80, 223, 0.16)", line: "#8250df" },
  { tint: "rgba(26, 127, 55, 0.14)", line: "#1a7f37" },
] as const;
const SELECTED_TINT = "rgba(9, 105, 218, 0.16)";

export interface LanedSpan extends IdSpan {
  lane: number;
}

/**
 * Every claim is drawn on its own lane: its tint, an underline at its lane's depth (2 px bands one px
 * apart, so stacked claims read as separate lines), and an edge tick where it starts and ends. Overlapping
 * claims therefore show where each begins and stops instead of merging into one highlight. The selected
 * claim is blue and framed: a line on top and edges at its ends. All drawn with shadows (no layout shift),
 * sliced across line breaks so the edges appear only at the claim's real start and end.
 */
function markStyle(covering: readonly LanedSpan[], segment: { start: number; end: number }, selectedId: number | null): CSSProperties {
  const tints: string[] = [];
  const below: string[] = [];
  const edges: string[] = [];
  const lanesOrdered = [...covering].sort((a, b) => a.lane - b.lane);
  for (const span of lanesOrdered) {
    const lane = Math.min(span.lane, LANES.length - 1);
    const selected = span.id === selectedId;
    const color = selected ? SELECTED : LANES[lane]!.line;
    const tint = selected ? SELECTED_TINT : LANES[lane]!.tint;
    tints.push(`linear-gradient(${tint}, ${tint})`);
    const depth = 3 * lane;
    // A white gap above each lane's band keeps bands apart where a shallower lane is absent.
    if (depth > 0) below.push(`0 ${depth}px 0 0 #fff`);
    below.push(`0 ${depth + 2}px 0 0 ${color}`);
    if (span.start === segment.start) edges.push(selected ? `-2px 0 0 0 ${SELECTED}` : `inset 2px 0 0 0 ${color}`);
    if (span.end === segment.end) edges.push(selected ? `2px 0 0 0 ${SELECTED}` : `inset -2px 0 0 0 ${color}`);
    if (selected) edges.push(`0 -2px 0 0 ${SELECTED}`);
  }
  return {
    backgroundColor: "transparent",
    backgroundImage: tints.join(", "),
    // Shadows listed first are drawn on top: edges and the frame, then the bands from the shallowest lane down.
    boxShadow: [...edges, ...below].join(", "),
    color: "inherit",
    cursor: "pointer",
  };
}

/**
 * One paragraph as plain text and <mark> segments. The <p> carries data-offset and contains only the
 * paragraph's text (rangeToBodyOffsets depends on both), so no badges or labels go inside it.
 */
export function HighlightedParagraph({
  paragraph,
  spans,
  selectedClaimId,
}: {
  paragraph: Paragraph;
  spans: readonly LanedSpan[];
  selectedClaimId: number | null;
}) {
  const end = paragraph.start + paragraph.text.length;
  const byId = new Map(spans.map((s) => [s.id, s]));
  const segments = segmentSpans(paragraph.start, end, spans);
  return (
    <p data-offset={paragraph.start}>
      {segments.map((segment) => {
        const text = paragraph.text.slice(segment.start - paragraph.start, segment.end - paragraph.start);
        if (segment.ids.length === 0) return text;
        const covering = segment.ids.map((id) => byId.get(id)).filter((s): s is LanedSpan => s !== undefined);
        return (
          <mark
            key={segment.start}
            data-claim-ids={segment.ids.join(" ")}
            data-depth={segment.ids.length}
            data-selected={segment.ids.includes(selectedClaimId ?? -1) || undefined}
            style={markStyle(covering, segment, selectedClaimId)}
          >
            {text}
          </mark>
        );
      })}
    </p>
  );
}
