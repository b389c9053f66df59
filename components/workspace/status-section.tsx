"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { STATUS_LABELS, reviewBlockers } from "@/lib/claims/workflow";
import { ErrorAlert } from "./error-alert";
import { fieldClass, sectionHeadingClass } from "./form-styles";
import { ModalDialog } from "./modal-dialog";
import { StatusMoveButtons } from "./status-move-buttons";
import { statusMoves, type StatusMove } from "./status-moves";
import type { ClaimDetail } from "./types";
import type { SaveClaim } from "./use-claim-saver";
import { useIdempotentAction } from "./use-idempotent-action";

/** The claim's place in the workflow, its allowed moves inline, and the `s` status dialog with an optional comment. */
export function StatusSection({ detail, save, openRequest }: { detail: ClaimDetail; save: SaveClaim; openRequest: number }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.claim.changeStatus.mutationOptions());
  const action = useIdempotentAction();
  const { claim } = detail;
  const moves = statusMoves(claim.status);
  const blockers = reviewBlockers({ verdict: claim.verdict, rationale: claim.rationale, evidenceCount: detail.evidence.length });
  const canSendToReview = moves.some((m) => m.to === "in_review");
  const blockersId = useId();
  const [error, setError] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [comment, setComment] = useState("");
  // The `s` shortcut bumps openRequest; react to the change while rendering rather than in an effect.
  const [handledRequest, setHandledRequest] = useState(openRequest);
  if (openRequest !== handledRequest) {
    setHandledRequest(openRequest);
    setDialogOpen(true);
  }

  function move(target: StatusMove) {
    void action.perform(async () => {
      const outcome = await save(
        (version) =>
          action.send({ claimId: claim.id, to: target.to, comment }, (idempotencyKey) =>
            change.mutateAsync({ claimId: claim.id, version, status: target.to, comment: comment || undefined, idempotencyKey }),
          ),
        `Status changed to ${STATUS_LABELS[target.to]}.`,
      );
      setError(outcome.ok ? null : outcome.error);
      if (outcome.ok) {
        setComment("");
        setDialogOpen(false);
      }
    });
  }

  const blockerList = canSendToReview && blockers.length > 0 && (
    <div id={blockersId} className="text-xs text-quiet">
      <p>Before it can go to review:</p>
      <ul className="ml-4 list-disc">
        {blockers.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
    </div>
  );

  return (
    <section aria-labelledby="claim-status-heading" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 id="claim-status-heading" className={sectionHeadingClass}>
          Status: <span className="normal-case tracking-normal text-ink">{STATUS_LABELS[claim.status]}</span>
        </h3>
        <button type="button" onClick={() => setDialogOpen(true)} className="text-xs text-accent hover:underline" title="Change status (s)">
          Change status (s)
        </button>
      </div>
      <StatusMoveButtons moves={moves} blocked={blockers.length > 0} blockersId={blockersId} pending={action.pending} onMove={move} />
      {!dialogOpen && blockerList}
      {claim.status === "in_review" && <p className="text-xs text-quiet">Publishing happens when a second editor approves the verdict.</p>}
      {claim.status === "published" && <p className="text-xs text-quiet">{moves[0]?.hint}</p>}
      {error && !dialogOpen && <ErrorAlert message={error} />}
      <ModalDialog open={dialogOpen} onClose={() => setDialogOpen(false)} title="Change status" description={`Now: ${STATUS_LABELS[claim.status]}. Claims move one step forward at a time, or back.`}>
        <div className="space-y-4">
          <StatusMoveButtons moves={moves} blocked={blockers.length > 0} blockersId={blockersId} pending={action.pending} onMove={move} autoFocusFirst />
          {moves.length === 0 && <p className="text-sm text-quiet">No direct moves from here.</p>}
          {claim.status === "published" && <p className="text-sm text-quiet">{moves[0]?.hint}</p>}
          {blockerList}
          <label className="block text-sm font-medium">
            Comment <span className="font-normal text-quiet">(optional, goes into the history)</span>
            <input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} className={fieldClass} />
          </label>
          {error && <ErrorAlert message={error} />}
          <div className="flex justify-end">
            <button type="button" onClick={() => setDialogOpen(false)} className="text-sm text-accent hover:underline">
              Close (Esc)
            </button>
          </div>
        </div>
      </ModalDialog>
    </section>
  );
}
