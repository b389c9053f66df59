"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ErrorAlert } from "./error-alert";
import { dangerButtonClass, secondaryButtonClass } from "./form-styles";
import { ModalDialog } from "./modal-dialog";
import { truncate } from "./text-format";
import type { ClaimDetail } from "./types";
import type { SaveClaim } from "./use-claim-saver";
import { useIdempotentAction } from "./use-idempotent-action";

/** Soft delete behind a confirmation that names the claim. Published claims must be withdrawn first. */
export function DeleteClaimButton({ detail, save, onDeleted }: { detail: ClaimDetail; save: SaveClaim; onDeleted: () => void }) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.claim.delete.mutationOptions());
  const action = useIdempotentAction();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { claim } = detail;
  const published = claim.status === "published";

  function confirm() {
    void action.perform(async () => {
      const outcome = await save(
        (version) => action.send({ claimId: claim.id }, (idempotencyKey) => remove.mutateAsync({ claimId: claim.id, version, idempotencyKey })),
        "Claim deleted. An admin can restore it.",
      );
      if (outcome.ok) {
        setConfirming(false);
        onDeleted();
      } else {
        setError(outcome.error);
        // A conflict is explained in the panel's banner, which the dialog would hide.
        if (outcome.error === null) setConfirming(false);
      }
    });
  }

  return (
    <section aria-label="Delete claim" className="border-t border-rule pt-4">
      <button type="button" onClick={() => setConfirming(true)} disabled={published} aria-describedby={published ? "delete-published-hint" : undefined} className={dangerButtonClass}>
        Delete claim…
      </button>
      {published && (
        <p id="delete-published-hint" className="mt-1 text-xs text-quiet">
          A published claim cannot be deleted: move it back to review first.
        </p>
      )}
      <ModalDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Delete claim"
        description="It disappears from the workspace and from readers. The history keeps it, and an admin can restore it."
      >
        <blockquote className="border-l-4 border-[#cf222e] pl-3 font-serif">“{truncate(claim.quoteExact, 200)}”</blockquote>
        {error && <div className="mt-3"><ErrorAlert message={error} /></div>}
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" data-autofocus onClick={() => setConfirming(false)} className={secondaryButtonClass}>
            Keep it
          </button>
          <button type="button" onClick={confirm} disabled={action.pending} className={dangerButtonClass}>
            {action.pending ? "Deleting…" : "Delete this claim"}
          </button>
        </div>
      </ModalDialog>
    </section>
  );
}
