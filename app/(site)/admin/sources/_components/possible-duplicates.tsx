"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ExternalLink } from "@/components/ui/external-link";
import { ErrorAlert } from "@/components/workspace/error-alert";
import { primaryButtonClass, secondaryButtonClass } from "@/components/workspace/form-styles";
import { ModalDialog } from "@/components/workspace/modal-dialog";
import { errorMessage } from "@/components/workspace/trpc-error";
import type { AppRouter } from "@/server/routers/_app";

type Group = inferRouterOutputs<AppRouter>["source"]["possibleDuplicates"][number];
type Member = Group["sources"][number];

const REASONS = { same_url: "Same address under today's rules", same_title: "Same title and publisher" } as const;

export const sourceName = (source: { id: number; title: string | null; canonicalUrl: string }) => `#${source.id} ${source.title ?? source.canonicalUrl}`;

/** Groups that are probably one source; the admin picks the one to keep and the others are merged into it. */
export function PossibleDuplicates({ onMerged }: { onMerged: (message: string) => Promise<void> }) {
  const trpc = useTRPC();
  const groups = useQuery(trpc.source.possibleDuplicates.queryOptions());
  const [choice, setChoice] = useState<{ keep: Member; merge: Member[] } | null>(null);

  return (
    <section aria-labelledby="duplicates-heading" className="mt-8">
      <h2 id="duplicates-heading" className="text-lg font-semibold">Possible duplicates</h2>
      {groups.error && <ErrorAlert message={errorMessage(groups.error)} />}
      {groups.isPending && <p className="mt-2 text-sm text-quiet">Looking for duplicates…</p>}
      {groups.data?.length === 0 && <p className="mt-2 text-sm text-quiet">No likely duplicates: no two sources share an address or a title and publisher.</p>}
      <ul className="mt-3 space-y-3">
        {groups.data?.map((group) => (
          <li key={`${group.reason}:${group.sources.map((s) => s.id).join(",")}`} className="rounded border border-rule p-3">
            <p className="text-xs font-medium uppercase tracking-wide text-quiet">{REASONS[group.reason]}</p>
            <ul className="mt-2 divide-y divide-rule">
              {group.sources.map((source) => (
                <li key={source.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
                  <div className="min-w-0">
                    <div className="font-medium">{sourceName(source)}</div>
                    <div className="break-all text-xs"><ExternalLink href={source.canonicalUrl}>{source.canonicalUrl}</ExternalLink></div>
                    <div className="text-xs text-quiet">{source.publisherName ?? "No publisher"} · cited by {source.citingClaims} {source.citingClaims === 1 ? "claim" : "claims"}</div>
                  </div>
                  <button
                    type="button"
                    className={secondaryButtonClass}
                    aria-label={`Keep ${sourceName(source)} and merge the others into it`}
                    onClick={() => setChoice({ keep: source, merge: group.sources.filter((other) => other.id !== source.id) })}
                  >
                    Keep this one…
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <ModalDialog
        open={choice !== null}
        onClose={() => setChoice(null)}
        title={choice ? `Merge into ${sourceName(choice.keep)}?` : ""}
        description="Their evidence will cite the kept source and it keeps every address. You can undo this from the kept source's history."
      >
        {choice && (
          <MergeConfirm
            keep={choice.keep}
            merge={choice.merge}
            onCancel={() => setChoice(null)}
            onDone={async (message) => {
              setChoice(null);
              await onMerged(message);
            }}
          />
        )}
      </ModalDialog>
    </section>
  );
}

/** Confirms a merge naming both sides; used by the duplicates list and by the edit form when an address is taken. */
export function MergeConfirm({
  keep, merge, onCancel, onDone,
}: { keep: { id: number; title: string | null; canonicalUrl: string }; merge: Array<{ id: number; title: string | null; canonicalUrl: string }>; onCancel: () => void; onDone: (message: string) => Promise<void> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mergeOne = useMutation(trpc.source.merge.mutationOptions());

  async function confirm() {
    for (const duplicate of merge) {
      const done = await mergeOne.mutateAsync({ survivorId: keep.id, duplicateId: duplicate.id }).catch(() => null);
      if (!done) return;
    }
    await queryClient.invalidateQueries({ queryKey: trpc.source.pathKey() });
    await onDone(`Merged ${merge.map(sourceName).join(", ")} into ${sourceName(keep)}.`);
  }

  return (
    <div>
      <ul className="list-disc pl-5 text-sm">
        {merge.map((source) => <li key={source.id} className="break-all">{sourceName(source)}</li>)}
      </ul>
      {mergeOne.error && <div className="mt-3"><ErrorAlert message={errorMessage(mergeOne.error)} /></div>}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>Cancel</button>
        <button type="button" className={primaryButtonClass} disabled={mergeOne.isPending} onClick={() => void confirm()}>
          {mergeOne.isPending ? "Merging…" : `Merge into #${keep.id}`}
        </button>
      </div>
    </div>
  );
}
