"use client";

import { useCallback, useEffect, useEffectEvent, useState, type RefObject } from "react";
import { rangeToBodyOffsets } from "@/lib/anchoring/dom-offsets";
import { snapToWordBoundaries } from "@/lib/anchoring/snap";

export interface BodySelection {
  /** Offsets as the browser reported them; the server snaps again from these. */
  start: number;
  end: number;
  /** The same span snapped to whole words, for the preview the editor confirms. */
  snappedStart: number;
  snappedEnd: number;
  /** Where to float the "Mark claim" button, relative to the positioned container. */
  top: number;
  left: number;
}

const BUTTON_WIDTH = 150;
/** The button's height (text-sm, py-1.5, border) plus a gap: it floats this far above the selection. */
const BUTTON_CLEARANCE = 34 + 6;

function measureSelection(root: HTMLElement, container: HTMLElement, body: string): BodySelection | null {
  const current = document.getSelection();
  if (!current || current.rangeCount === 0 || current.isCollapsed) return null;
  const range = current.getRangeAt(0);
  const offsets = rangeToBodyOffsets(range, root);
  const snapped = offsets && snapToWordBoundaries(body, offsets.start, offsets.end);
  if (!offsets || !snapped) return null;
  // Float above the selection's first line, starting where the selection starts: below it, it hid the
  // next line the editor was reading. Above the first line it covers neither the selection nor what follows.
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
  const first = rects[0] ?? range.getBoundingClientRect();
  const box = container.getBoundingClientRect();
  return {
    start: offsets.start,
    end: offsets.end,
    snappedStart: snapped.start,
    snappedEnd: snapped.end,
    top: Math.round(first.top - box.top - BUTTON_CLEARANCE),
    left: Math.round(Math.max(0, Math.min(first.left - box.left, box.width - BUTTON_WIDTH))),
  };
}

/**
 * Follows the text selection inside the article body and maps it to body offsets (one element per
 * paragraph with data-offset, see lib/anchoring/dom-offsets). Null when nothing, only whitespace, or
 * text outside the body is selected.
 */
export function useBodySelection(
  bodyRef: RefObject<HTMLElement | null>,
  containerRef: RefObject<HTMLElement | null>,
  body: string,
) {
  const [selection, setSelection] = useState<BodySelection | null>(null);

  /** Reads the DOM selection now and also returns it, for a `c` pressed before React re-rendered. */
  const readSelection = useCallback((): BodySelection | null => {
    const next = bodyRef.current && containerRef.current ? measureSelection(bodyRef.current, containerRef.current, body) : null;
    setSelection((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    return next;
  }, [bodyRef, containerRef, body]);

  const onSelectionEvent = useEffectEvent(() => {
    readSelection();
  });

  useEffect(() => {
    const container = containerRef.current;
    // selectionchange covers mouse, touch and keyboard selection; mouseup/keyup catch the final
    // position after a drag, when some browsers report the last change before layout settles.
    document.addEventListener("selectionchange", onSelectionEvent);
    container?.addEventListener("mouseup", onSelectionEvent);
    container?.addEventListener("keyup", onSelectionEvent);
    window.addEventListener("resize", onSelectionEvent);
    return () => {
      document.removeEventListener("selectionchange", onSelectionEvent);
      container?.removeEventListener("mouseup", onSelectionEvent);
      container?.removeEventListener("keyup", onSelectionEvent);
      window.removeEventListener("resize", onSelectionEvent);
    };
  }, [containerRef]);

  const clearSelection = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  return { selection, readSelection, clearSelection };
}
