import type { CSSProperties } from "react";
import { segmentSpans, type IdSpan } from "@/lib/anchoring/segments";
import type { Paragraph } from "@/lib/text/paragraphs";

const SELECTED = "#0969da";

/**
 * Overlapping and nested claims render distinctly: each extra claim covering a stretch of text deepens
 * the tint and thickens the underline. The selected claim is framed as one box in blue, drawn with
 * shadows (no layout shift) and only closed at its own first and last segment, so nested claims inside
 * it keep their depth tint and do not look like separate boxes.
 */
function markStyle(depth: number, frame: { selected: boolean; opensLeft: boolean; closesRight: boolean }): CSSProperties {
  const level = Math.min(depth, 4);
  const shadows = frame.selected
    ? [
        `0 -2px 0 ${SELECTED}`,
        `0 2px 0 ${SELECTED}`,
        ...(frame.opensLeft ? [`-2px 0 0 ${SELECTED}`, `-2px -2px 0 ${SELECTED}`, `-2px 2px 0 ${SELECTED}`] : []),
        ...(frame.closesRight ? [`2px 0 0 ${SELECTED}`, `2px -2px 0 ${SELECTED}`, `2px 2px 0 ${SELECTED}`] : []),
      ]
    : [];
  return {
    backgroundColor: frame.selected ? `rgba(9, 105, 218, ${0.1 + 0.1 * (level - 1)})` : `rgba(250, 204, 21, ${0.22 + 0.16 * (level - 1)})`,
    borderBottom: frame.selected ? undefined : `${level}px solid rgba(125, 78, 0, 0.75)`,
    boxShadow: shadows.length > 0 ? shadows.join(", ") : undefined,
    boxDecorationBreak: "clone",
    WebkitBoxDecorationBreak: "clone",
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
  spans: readonly IdSpan[];
  selectedClaimId: number | null;
}) {
  const selected = spans.find((s) => s.id === selectedClaimId);
  const end = paragraph.start + paragraph.text.length;
  const segments = segmentSpans(paragraph.start, end, spans);
  return (
    <p data-offset={paragraph.start}>
      {segments.map((segment) => {
        const text = paragraph.text.slice(segment.start - paragraph.start, segment.end - paragraph.start);
        if (segment.ids.length === 0) return text;
        const inSelected = selected !== undefined && segment.ids.includes(selected.id);
        const frame = { selected: inSelected, opensLeft: inSelected && segment.start === Math.max(selected.start, paragraph.start), closesRight: inSelected && segment.end === Math.min(selected.end, end) };
        return (
          <mark key={segment.start} data-claim-ids={segment.ids.join(" ")} data-depth={segment.ids.length} style={markStyle(segment.ids.length, frame)}>
            {text}
          </mark>
        );
      })}
    </p>
  );
}
