"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { STATUS_LABELS } from "@/lib/claims/workflow";
import { secondaryButtonClass, sectionHeadingClass } from "./form-styles";
import { errorMessage } from "./trpc-error";
import type { WorkspaceClaim } from "./types";
import type { BodySelection } from "./use-body-selection";
import { useIdempotentAction } from "./use-idempotent-action";

/**
 * Claims whose words an edit removed: kept with verdict and evidence, shown to readers nowhere, until an
 * editor selects the words they now belong to and re-attaches them (a published one goes back to review).
 */
export function OrphanList({
  orphans,
  revisionId,
  readSelection,
  onReattached,
}: {
  orphans: readonly WorkspaceClaim[];
  revisionId: number;
  readSelection: () => BodySelection | null;
  onReattached: (claimId: number) => void | Promise<void>;
}) {
  const trpc = useTRPC();
  const [problem, setProblem] = useState<{ claimId: number; message: string } | null>(null);
  const reattach = useMutation(trpc.claim.reattach.mutationOptions());
  const action = useIdempotentAction();
  if (orphans.length === 0) return null;

  function attach(claim: WorkspaceClaim) {
    void action.perform(async () => {
      const selected = readSelection();
      if (!selected) return setProblem({ claimId: claim.id, message: "Select the new words in the article first, then press Re-attach." });
      setProblem(null);
      try {
        const input = { claimId: claim.id, version: claim.version, revisionId, start: selected.start, end: selected.end };
        await action.send(input, (idempotencyKey) => reattach.mutateAsync({ ...input, idempotencyKey }));
        await onReattached(claim.id);
      } catch (error) {
        setProblem({ claimId: claim.id, message: errorMessage(error) });
      }
    });
  }

  return (
    <section aria-labelledby="orphans-heading" className="rounded border border-[#953800] bg-[#fff1e5] p-3 text-sm">
      <h2 id="orphans-heading" className={sectionHeadingClass}>
        Words no longer in the text ({orphans.length})
      </h2>
      <p className="mt-1 text-quiet">An edit removed these claims&apos; words. Select the words they belong to now, then re-attach.</p>
      <ul className="mt-2 space-y-2">
        {orphans.map((claim) => (
          <li key={claim.id} className="rounded border border-rule bg-white p-2" data-testid="orphan-claim">
            <blockquote className="font-serif [overflow-wrap:anywhere]">“{claim.exact}”</blockquote>
            <p className="mt-1 text-xs text-quiet">
              {STATUS_LABELS[claim.status]}
              {claim.verdict ? " · verdict kept" : ""}
            </p>
            {/* onMouseDown keeps the text selection: a click on a button must not clear what the editor selected. */}
            <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => attach(claim)} disabled={action.pending} className={`${secondaryButtonClass} mt-1`}>
              Re-attach to selected text
            </button>
            {problem?.claimId === claim.id && (
              <p role="alert" className="mt-1 text-xs text-[#a40e26]">
                {problem.message}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
