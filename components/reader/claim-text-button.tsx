"use client";

import type { CSSProperties, KeyboardEvent, ReactNode } from "react";
import { claimButtonLabel, claimDialogId, openClaimDialog } from "./claim-dom-ids";

/**
 * The highlighted words of a claim, tappable: on a phone the pill alone was a 59x18 px target. A
 * <mark> with the button role rather than a <button>, because a button cannot wrap across lines like
 * text. It has the pill's name and opens the same dialog; it stays out of the Tab order (tabIndex -1),
 * so keyboard users meet each claim once, at its pill. The vertical padding makes each line of it at
 * least 24 px tall (WCAG 2.2 2.5.8) without changing the line height.
 */
export function ClaimTextButton({ claimId, verdictLabel, claimText, style, children }: { claimId: number; verdictLabel: string; claimText: string; style: CSSProperties; children: ReactNode }) {
  const open = () => {
    // A drag that selects words to copy them is not a tap.
    if (document.getSelection()?.isCollapsed === false) return;
    openClaimDialog(claimId);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    openClaimDialog(claimId);
  };
  return (
    <mark
      role="button"
      tabIndex={-1}
      aria-haspopup="dialog"
      aria-controls={claimDialogId(claimId)}
      aria-label={claimButtonLabel(verdictLabel, claimText)}
      onClick={open}
      onKeyDown={onKeyDown}
      className="cursor-pointer rounded-sm px-0.5 py-[3px] text-inherit [box-decoration-break:clone]"
      style={style}
    >
      {children}
    </mark>
  );
}
