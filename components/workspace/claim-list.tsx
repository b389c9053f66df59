"use client";

import type { WorkspaceClaim } from "./types";
import { ClaimCard } from "./claim-card";

/** The claims in text order. Each card is a button in a list item: Tab reaches it, aria-current marks the selected one. */
export function ClaimList({
  claims,
  totalCount,
  selectedClaimId,
  onSelect,
}: {
  claims: readonly WorkspaceClaim[];
  totalCount: number;
  selectedClaimId: number | null;
  onSelect: (id: number) => void;
}) {
  if (totalCount === 0) {
    return <p className="rounded border border-dashed border-rule p-4 text-sm text-quiet">No claims yet. Select words in the article and press c to mark the first one.</p>;
  }
  if (claims.length === 0) {
    return <p className="rounded border border-dashed border-rule p-4 text-sm text-quiet">No claim matches these filters.</p>;
  }
  return (
    <ul aria-label="Claims" className="space-y-2">
      {claims.map((claim) => (
        <li key={claim.id}>
          <ClaimCard claim={claim} selected={claim.id === selectedClaimId} onSelect={() => onSelect(claim.id)} />
        </li>
      ))}
    </ul>
  );
}
