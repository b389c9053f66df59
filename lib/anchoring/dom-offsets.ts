// Browser-only: maps a DOM Range in the rendered body to body offsets. Expects one element per
// paragraph carrying data-offset="<paragraph start in the body>" whose text nodes (possibly nested in
// <mark> highlights) are exactly the paragraph's text; the "\n\n" between paragraphs is not rendered.
// Paragraph elements must not nest, and UI text (badges, labels) must live outside them.
import type { Span } from "./types";

/**
 * Returns the body offsets [start, end) that range covers inside root, or null when the range is not
 * entirely inside root, covers no paragraph text, or is collapsed. A boundary between paragraphs
 * (e.g. after a triple-click) counts as the start of the next paragraph for start and the end of the
 * previous one for end.
 */
export function rangeToBodyOffsets(range: Range, root: Element): Span | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const paragraphs = Array.from(root.querySelectorAll("[data-offset]"));
  const probe = root.ownerDocument.createRange();
  const start = pointToOffset(paragraphs, probe, range.startContainer, range.startOffset, "start");
  const end = pointToOffset(paragraphs, probe, range.endContainer, range.endOffset, "end");
  return start !== null && end !== null && start < end ? { start, end } : null;
}

function pointToOffset(paragraphs: Element[], probe: Range, node: Node, offset: number, side: "start" | "end"): number | null {
  let previousEnd: number | null = null;
  for (const paragraph of paragraphs) {
    const base = Number(paragraph.getAttribute("data-offset"));
    if (!Number.isInteger(base) || base < 0) return null;
    probe.selectNodeContents(paragraph);
    const position = probe.comparePoint(node, offset);
    if (position === 0) {
      // Inside: the paragraph start plus the length of all text from its beginning up to the point.
      probe.setEnd(node, offset);
      return base + probe.toString().length;
    }
    if (position < 0) return side === "start" ? base : previousEnd;
    previousEnd = base + (paragraph.textContent ?? "").length;
  }
  return side === "end" ? previousEnd : null;
}
