"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "./trpc-error";

const HEALTH_WORDS = { ok: "the original answers", redirected: "the original has moved", failing: "the original failed, not yet called dead", dead: "the original is unavailable" } as const;

const linkButtonClass = "text-xs font-medium text-accent hover:underline disabled:text-quiet";

/**
 * An admin's tools for a cited source: a fresh archived copy (queued; the panel follows it), and a link check now
 * instead of at the source's turn in the sweep. The source belongs to the registry, so these work on frozen evidence too.
 */
export function SourceAdminActions({ sourceId, claimId }: { sourceId: number; claimId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const recapture = useMutation(trpc.source.recapture.mutationOptions());
  const checkLink = useMutation(trpc.source.checkLink.mutationOptions());
  const [message, setMessage] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.claim.detail.queryKey({ claimId }) });

  async function run(action: () => Promise<string>) {
    try {
      setMessage(await action());
      await refresh();
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }

  return (
    <p className="flex flex-wrap items-center gap-x-3 text-xs">
      <button
        type="button"
        className={linkButtonClass}
        disabled={recapture.isPending}
        onClick={() => run(async () => (await recapture.mutateAsync({ sourceId }), "A fresh archived copy is queued."))}
      >
        Re-capture
      </button>
      <button
        type="button"
        className={linkButtonClass}
        disabled={checkLink.isPending}
        onClick={() => run(async () => `Link checked: ${HEALTH_WORDS[(await checkLink.mutateAsync({ sourceId })).health]}.`)}
      >
        {checkLink.isPending ? "Checking…" : "Check link now"}
      </button>
      <span role="status" className="text-quiet">
        {message}
      </span>
    </p>
  );
}
