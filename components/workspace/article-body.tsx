"use client";

import type { MouseEvent, RefObject } from "react";
import type { Paragraph } from "@/lib/text/paragraphs";
import { HighlightedParagraph, type LanedSpan } from "./highlighted-paragraph";
import type { BodySelection } from "./use-body-selection";

/**
 * The article text with every claim highlighted. Clicking a highlight selects the innermost claim there;
 * clicking again cycles outward through the claims nested at that spot.
 */
export function ArticleBody({
  title,
  paragraphs,
  spans,
  selectedClaimId,
  onSelectClaim,
  selection,
  onMarkRequest,
  containerRef,
  textRef,
}: {
  title: string;
  paragraphs: readonly Paragraph[];
  spans: readonly LanedSpan[];
  selectedClaimId: number | null;
  onSelectClaim: (id: number) => void;
  selection: BodySelection | null;
  onMarkRequest: () => void;
  containerRef: RefObject<HTMLDivElement | null>;
  textRef: RefObject<HTMLDivElement | null>;
}) {
  function handleClick(event: MouseEvent<HTMLDivElement>) {
    // A drag that ends on a highlight is a selection for marking, not a click on the claim.
    if (document.getSelection()?.isCollapsed === false) return;
    const mark = (event.target as Element).closest("mark[data-claim-ids]");
    const ids = mark?.getAttribute("data-claim-ids")?.split(" ").map(Number) ?? [];
    const byLength = ids
      .map((id) => spans.find((s) => s.id === id))
      .filter((s): s is LanedSpan => s !== undefined)
      .sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
    if (byLength.length === 0) return;
    const current = byLength.findIndex((s) => s.id === selectedClaimId);
    const next = byLength[(current + 1) % byLength.length];
    if (next) onSelectClaim(next.id);
  }

  return (
    <section aria-label="Article text" className="min-w-0">
      <div ref={containerRef} className="relative">
        <h1 className="font-serif text-2xl font-bold leading-tight tracking-tight sm:text-3xl">{title}</h1>
        <p className="mt-2 text-sm text-quiet">Select words in the text, then press c or use “Mark claim” to mark them as a claim.</p>
        {/* Plain clicks on highlights are a mouse shortcut; keyboard users reach claims through the list (j/k). */}
        <div ref={textRef} onClick={handleClick} className="mt-6 max-w-[68ch] space-y-5 font-serif text-[18px] leading-[1.65]">
          {paragraphs.map((paragraph) => (
            <HighlightedParagraph key={paragraph.start} paragraph={paragraph} spans={spans} selectedClaimId={selectedClaimId} />
          ))}
        </div>
        {selection && (
          <button
            type="button"
            // Keep the text selection alive: a mousedown on a button would otherwise collapse it first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={onMarkRequest}
            style={{ top: selection.top, left: selection.left }}
            className="absolute z-10 w-[150px] rounded-md border border-[#0550ae] bg-accent px-3 py-1.5 font-sans text-sm font-medium text-white shadow-lg hover:bg-[#0550ae]"
          >
            Mark claim (c)
          </button>
        )}
      </div>
    </section>
  );
}
