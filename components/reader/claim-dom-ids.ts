export const claimDialogId = (claimId: number) => `claim-dialog-${claimId}`;
export const claimBadgeId = (claimId: number) => `claim-badge-${claimId}`;
export const claimHeadingId = (claimId: number) => `claim-${claimId}-heading`;

/**
 * Opens a claim's dialog with its heading focused. The native dialog would focus its first focusable
 * element (a source link, or the Close button at the bottom) and scroll the phone sheet down to it,
 * past the verdict; the heading is where reading starts, and it announces the claim.
 */
export function openClaimDialog(claimId: number) {
  const dialog = document.getElementById(claimDialogId(claimId));
  if (!(dialog instanceof HTMLDialogElement)) return;
  dialog.showModal();
  document.getElementById(claimHeadingId(claimId))?.focus();
  dialog.scrollTop = 0;
}

/** What both controls that open a claim are called: the pill after it and the claim's words themselves. */
export function claimButtonLabel(verdictLabel: string, claimText: string): string {
  const short = claimText.length > 80 ? `${claimText.slice(0, 77)}…` : claimText;
  // The claim's words usually carry their own quotation marks; none are added around them.
  return `${verdictLabel}: why? Fact-check of: ${short}`;
}
