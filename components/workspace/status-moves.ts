import { CLAIM_STATUSES, STATUS_LABELS, isDirectTransition, type ClaimStatus } from "@/lib/claims/workflow";

export interface StatusMove {
  to: ClaimStatus;
  /** Button text; "Send to review" is the name editors and tests look for. */
  label: string;
  forward: boolean;
  /** What the move means when it is not obvious (withdrawing a published verdict). */
  hint?: string;
}

const FORWARD_LABELS: Partial<Record<ClaimStatus, string>> = {
  in_progress: "Start checking",
  in_review: "Send to review",
};

/**
 * The moves an editor may make from `from` (lib/claims/workflow decides which), forward first.
 * Publishing is not among them: it happens when a second editor approves.
 */
export function statusMoves(from: ClaimStatus): StatusMove[] {
  const moves = CLAIM_STATUSES.filter((to) => isDirectTransition(from, to)).map((to): StatusMove => {
    const forward = CLAIM_STATUSES.indexOf(to) > CLAIM_STATUSES.indexOf(from);
    return {
      to,
      forward,
      label: forward ? (FORWARD_LABELS[to] ?? `Move to ${STATUS_LABELS[to]}`) : `Back to ${STATUS_LABELS[to].toLowerCase()}`,
      hint: from === "published" ? "Withdraws the published verdict from readers until it is approved again." : undefined,
    };
  });
  // Forward first, then backward moves nearest first ("Back to in progress" before "Back to unchecked").
  return moves.sort((a, b) => Number(b.forward) - Number(a.forward) || CLAIM_STATUSES.indexOf(b.to) - CLAIM_STATUSES.indexOf(a.to));
}
