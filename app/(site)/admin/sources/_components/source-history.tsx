"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ErrorAlert } from "@/components/workspace/error-alert";
import { secondaryButtonClass } from "@/components/workspace/form-styles";
import { errorMessage } from "@/components/workspace/trpc-error";
import { formatDateTime } from "@/lib/text/format-date";

/** A source's audit history, newest first; a merge can be undone from its line. */
export function SourceHistory({ sourceId, onDone }: { sourceId: number; onDone: (message: string) => Promise<void> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const history = useQuery(trpc.audit.history.queryOptions({ entityType: "source", entityId: sourceId }));
  const unmerge = useMutation(trpc.source.unmerge.mutationOptions());

  async function undo(auditEventId: number) {
    const result = await unmerge.mutateAsync({ auditEventId }).catch(() => null);
    if (!result) return;
    await queryClient.invalidateQueries({ queryKey: trpc.source.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
    await onDone(`Undid the merge: source #${result.restoredSourceId} is separate again.`);
  }

  const rows = history.data?.slice().reverse() ?? [];
  return (
    <div>
      {history.error && <ErrorAlert message={errorMessage(history.error)} />}
      {unmerge.error && <ErrorAlert message={errorMessage(unmerge.error)} />}
      {history.isPending && <p className="text-sm text-quiet">Loading history…</p>}
      <ol className="divide-y divide-rule text-sm">
        {rows.map((row) => {
          const merged = row.action === "source.merged" ? (row.after as { mergedSourceId?: number; mergedUrl?: string } | null) : null;
          return (
            <li key={row.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <div>
                <span className="font-medium">{row.actorName ?? row.actorLabel ?? "Someone"}</span> {row.label}
                {merged && <span className="break-all text-quiet"> (#{merged.mergedSourceId}, {merged.mergedUrl})</span>}
                <div className="text-xs text-quiet">{formatDateTime(row.at)}</div>
              </div>
              {merged && (
                <button type="button" className={secondaryButtonClass} disabled={unmerge.isPending} onClick={() => void undo(row.id)}>
                  Undo merge of #{merged.mergedSourceId}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
