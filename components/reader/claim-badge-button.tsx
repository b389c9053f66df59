"use client";

import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { VERDICT_SCALE, type Verdict } from "@/lib/verdicts";
import { claimBadgeId, claimButtonLabel, claimDialogId, openClaimDialog } from "./claim-dom-ids";

/**
 * The pill after a checked claim: a real button (Enter/Space work) that opens the claim's details dialog.
 * The button is at least 24 px tall (WCAG 2.2 2.5.8) around the 18 px pill, within the text's line height.
 */
export function ClaimBadgeButton({ claimId, verdict, claimText }: { claimId: number; verdict: Verdict; claimText: string }) {
  return (
    <button
      type="button"
      id={claimBadgeId(claimId)}
      aria-haspopup="dialog"
      aria-controls={claimDialogId(claimId)}
      aria-label={claimButtonLabel(VERDICT_SCALE[verdict].label, claimText)}
      onClick={() => openClaimDialog(claimId)}
      className="mx-1 inline-flex min-h-6 cursor-pointer items-center rounded-full align-middle font-sans leading-none focus-visible:outline-offset-1"
    >
      <VerdictBadge verdict={verdict} />
    </button>
  );
}
