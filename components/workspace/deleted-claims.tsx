"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatDateTime } from "@/lib/text/format-date";
import { secondaryButtonClass } from "./form-styles";
import { errorMessage } from "./trpc-error";
import { truncate } from "./text-format";
import { useIdempotentAction } from "./use-idempotent-action";

/**
 * For admins: the article's deleted claims (the delete dialog promises "an admin can restore it"), each
 * with who deleted it and when, and a Restore button. Collapsed until opened, so it costs nothing unread.
 */
export function DeletedClaims({ articleId, onRestored }: { articleId: number; onRestored: (claimId: number) => void | Promise<void> }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const deleted = useQuery(trpc.claim.listDeleted.queryOptions({ articleId }, { enabled: open }));
  const restore = useMutation(trpc.claim.restore.mutationOptions());
  const action = useIdempotentAction();
  const [problem, setProblem] = useState<{ claimId: number; message: string } | null>(null);

  const restoreClaim = (claimId: number) =>
    action.perform(async () => {
      setProblem(null);
      try {
        await action.send({ claimId }, (idempotencyKey) => restore.mutateAsync({ claimId, idempotencyKey }));
        await deleted.refetch();
        await onRestored(claimId);
      } catch (error) {
        setProblem({ claimId, message: errorMessage(error) });
      }
    });

  return (
    <details className="rounded border border-rule p-3 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-medium">Deleted claims (admins)</summary>
      <div className="mt-2">
        {deleted.isPending && open && <p className="text-quiet">Loading deleted claims…</p>}
        {deleted.isError && <p role="alert" className="text-[#a40e26]">{errorMessage(deleted.error)}</p>}
        {deleted.data?.length === 0 && <p className="text-quiet">No claim of this article has been deleted.</p>}
        {deleted.data && deleted.data.length > 0 && (
          <ul aria-label="Deleted claims" className="space-y-2">
            {deleted.data.map((claim) => (
              <li key={claim.id} className="rounded border border-rule bg-wash p-2">
                <blockquote className="font-serif [overflow-wrap:anywhere]">“{truncate(claim.exact, 200)}”</blockquote>
                <p className="mt-1 text-xs text-quiet">
                  Deleted by {claim.deletedBy ?? "someone no longer listed"}
                  {claim.deletedAt && <> on {formatDateTime(claim.deletedAt)}</>}
                </p>
                <button
                  type="button"
                  onClick={() => void restoreClaim(claim.id)}
                  disabled={action.pending}
                  aria-label={`Restore “${truncate(claim.exact, 60)}”`}
                  className={`${secondaryButtonClass} mt-1`}
                >
                  Restore
                </button>
                {problem?.claimId === claim.id && (
                  <p role="alert" className="mt-1 text-xs text-[#a40e26]">
                    {problem.message}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
