"use client";

import { useEffect, type RefObject } from "react";
import type { SelectionOrigin } from "./types";

export interface ClaimSelection {
  id: number;
  origin: SelectionOrigin;
  /** A fresh object per selection, so selecting the same claim again scrolls again. */
  nonce: number;
}

/**
 * Keeps the two panes in step after a selection: the other pane scrolls to the claim and its card takes
 * focus. Below lg the panes are tabs (PaneTabs): selecting a claim shows the Claims tab, and the hidden
 * text does not scroll.
 */
export function useRevealSelection(selection: ClaimSelection | null, textRef: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!selection) return;
    const { id, origin } = selection;
    const behavior: ScrollBehavior = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
    const sideBySide = window.matchMedia("(min-width: 1024px)").matches;
    const mark = textRef.current?.querySelector(`mark[data-claim-ids~="${id}"]`);
    const card = document.getElementById(`claim-card-${id}`);

    const scrollText = origin === "keyboard" || origin === "link" || (sideBySide && (origin === "list" || origin === "marked"));
    if (scrollText) mark?.scrollIntoView({ behavior, block: "center" });
    if (origin === "list" || !card) return; // a clicked card already has focus
    card.focus({ preventScroll: true });
    // Tabbed (phone): after marking, the editor stays on the Text tab; otherwise bring the card into view. (A link
    // to one claim goes on to its panel once that has loaded: ClaimPanel's revealWhenLoaded.)
    if (sideBySide || origin !== "marked") card.scrollIntoView({ behavior, block: "nearest" });
  }, [selection, textRef]);
}
