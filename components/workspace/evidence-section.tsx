"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { AddEvidenceForm } from "./add-evidence-form";
import { ErrorAlert } from "./error-alert";
import { EvidenceItem } from "./evidence-item";
import { dangerButtonClass, secondaryButtonClass, sectionHeadingClass } from "./form-styles";
import { ModalDialog } from "./modal-dialog";
import { SourceAdminActions } from "./source-admin-actions";
import type { ClaimDetail, ClaimEvidence } from "./types";
import type { SaveClaim } from "./use-claim-saver";
import { useIdempotentAction } from "./use-idempotent-action";

/** Sources linked to the claim. They change only while the claim is unchecked or in progress (the server enforces it). */
export function EvidenceSection({ detail, save, canManageSources = false }: { detail: ClaimDetail; save: SaveClaim; canManageSources?: boolean }) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.evidence.remove.mutationOptions());
  const action = useIdempotentAction();
  const [removing, setRemoving] = useState<ClaimEvidence | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editable = detail.claim.status === "unchecked" || detail.claim.status === "in_progress";

  function confirmRemove(link: ClaimEvidence) {
    void action.perform(async () => {
      const outcome = await save(
        () => action.send({ evidenceId: link.id }, (idempotencyKey) => remove.mutateAsync({ evidenceId: link.id, version: link.version, idempotencyKey })),
        "Evidence removed.",
      );
      setError(outcome.ok ? null : outcome.error);
      setRemoving(null);
    });
  }

  return (
    <section aria-labelledby="claim-evidence-heading" className="space-y-2">
      <h3 id="claim-evidence-heading" className={sectionHeadingClass}>
        Evidence ({detail.evidence.length})
      </h3>
      {detail.evidence.length > 0 ? (
        <ul aria-label="Evidence" className="space-y-2">
          {detail.evidence.map((link) => (
            <EvidenceItem
              key={link.id}
              link={link}
              onRemove={editable ? () => setRemoving(link) : undefined}
              adminActions={canManageSources ? <SourceAdminActions sourceId={link.sourceId} claimId={detail.claim.id} /> : undefined}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-quiet">No sources linked yet.</p>
      )}
      {error && <ErrorAlert message={error} />}
      {editable ? (
        <AddEvidenceForm claimId={detail.claim.id} save={save} />
      ) : (
        <p className="text-xs text-quiet">Evidence is frozen while the claim is in review or published. Move it back to in progress to change its sources.</p>
      )}
      <ModalDialog open={removing !== null} onClose={() => setRemoving(null)} title="Remove evidence" description="The link disappears from this claim; the history keeps a record of it.">
        {removing && (
          <>
            <p className="break-words text-sm font-medium">{removing.sourceTitle ?? removing.sourceUrl}</p>
            <div className="mt-4 flex justify-end gap-2">
              <button type="button" data-autofocus onClick={() => setRemoving(null)} className={secondaryButtonClass}>
                Keep it
              </button>
              <button type="button" onClick={() => confirmRemove(removing)} disabled={action.pending} className={dangerButtonClass}>
                Remove this source
              </button>
            </div>
          </>
        )}
      </ModalDialog>
    </section>
  );
}
