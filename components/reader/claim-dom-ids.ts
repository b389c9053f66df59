export const claimDialogId = (claimId: number) => `claim-dialog-${claimId}`;
export const claimBadgeId = (claimId: number) => `claim-badge-${claimId}`;
