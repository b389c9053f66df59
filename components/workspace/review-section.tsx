"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ErrorAlert } from "./error-alert";
import { dangerButtonClass, fieldClass, primaryButtonClass, sectionHeadingClass } from "./form-styles";
import type { ClaimDetail } from "./types";
import type { SaveClaim } from "./use-claim-saver";
import { useIdempotentAction } from "./use-idempotent-action";

/**
 * Second-editor review of a verdict in review: approve (publishes it) or reject (back to in progress),
 * always with a comment for the history. The editor who set the verdict sees why they cannot review it.
 */
export function ReviewSection({ detail, save }: { detail: ClaimDetail; save: SaveClaim }) {
  const trpc = useTRPC();
  const review = useMutation(trpc.claim.review.mutationOptions());
  const action = useIdempotentAction();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (detail.claim.status !== "in_review") return null;

  function decide(decision: "approve" | "reject") {
    void action.perform(async () => {
      if (!comment.trim()) return setError("Write a review comment first: it goes into the claim's history.");
      const claimId = detail.claim.id;
      const outcome = await save(
        (version) => action.send({ claimId, decision, comment }, (idempotencyKey) => review.mutateAsync({ claimId, version, decision, comment, idempotencyKey })),
        decision === "approve" ? "Approved: the verdict is published." : "Rejected: the claim is back in progress.",
      );
      setError(outcome.ok ? null : outcome.error);
      if (outcome.ok) setComment("");
    });
  }

  return (
    <section aria-labelledby="claim-review-heading" className="space-y-2 rounded border border-[#d8b9ff] bg-[#fbefff]/40 p-3">
      <h3 id="claim-review-heading" className={sectionHeadingClass}>
        Review
      </h3>
      {detail.reviewRefusal ? (
        <p className="text-sm">{detail.reviewRefusal}</p>
      ) : (
        <>
          <label className="block text-sm font-medium">
            Review comment
            <textarea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              required
              rows={2}
              maxLength={2000}
              placeholder="Why you approve or reject"
              className={fieldClass}
            />
          </label>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => decide("approve")} disabled={action.pending} className={primaryButtonClass}>
              Approve
            </button>
            <button type="button" onClick={() => decide("reject")} disabled={action.pending} className={dangerButtonClass}>
              Reject
            </button>
          </div>
          {error && <ErrorAlert message={error} />}
        </>
      )}
    </section>
  );
}
