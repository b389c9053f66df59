"use client";

import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { VERDICT_SCALE, type Verdict } from "@/lib/verdicts";
import { claimDialogId, claimBadgeId } from "./claim-dom-ids";

/** The pill after a checked claim: a real button (Enter/Space work) that opens the claim's details dialog. */
export function ClaimBadgeButton({ claimId, verdict, claimText }: { claimId: number; verdict: Verdict; claimText: string }) {
  const short = claimText.length > 80 ? `${claimText.slice(0, 77)}…` : claimText;
  return (
    <button
      type="button"
      id={claimBadgeId(claimId)}
      aria-haspopup="dialog"
      aria-controls={claimDialogId(claimId)}
      // The claim's words usually carry their own quotation marks; none are added around them.
      aria-label={`${VERDICT_SCALE[verdict].label}: why? Fact-check of: ${short}`}
      onClick={() => (document.getElementById(claimDialogId(claimId)) as HTMLDialogElement | null)?.showModal()}
      className="mx-1 inline-flex translate-y-[-1px] cursor-pointer rounded-full align-middle font-sans leading-none focus-visible:outline-offset-1"
    >
      <VerdictBadge verdict={verdict} />
    </button>
  );
}
