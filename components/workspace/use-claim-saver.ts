"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorFields, errorMessage, isConflict } from "./trpc-error";

/** `fields`: the inputs a refusal is about, for forms that show it beside the field. */
export type SaveOutcome = { ok: true } | { ok: false; error: string | null; fields?: string[] };
export type SaveClaim = (action: (seenVersion: number) => Promise<unknown>, successMessage: string) => Promise<SaveOutcome>;

/**
 * Optimistic locking for one claim's panel. The version is the one the editor *saw*: frozen when the
 * claim first loads and advanced only by the editor's own saves or by Reload, never by a background
 * refetch, so a colleague's newer change is refused with CONFLICT instead of silently overwritten.
 */
export function useClaimSaver({ claimId, articleId, announce }: { claimId: number; articleId: number; announce: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [seenVersion, setSeenVersion] = useState<number | null>(null);
  // Mirrors seenVersion for saves fired back to back (state from the last render would be one behind).
  const versionRef = useRef<number | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const adoptVersion = useCallback((version: number) => {
    versionRef.current = version;
    setSeenVersion(version);
  }, []);

  const refreshLists = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.claim.detail.queryKey({ claimId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.claim.workspace.queryKey({ articleId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.claim.myQueue.queryKey() }),
        // An edited claim may now be like other claims, and a link or reuse changes the panel's "Same claim elsewhere".
        queryClient.invalidateQueries({ queryKey: trpc.claim.similar.queryKey({ claimId }) }),
      ]),
    [queryClient, trpc, claimId, articleId],
  );

  const save: SaveClaim = useCallback(
    async (action, successMessage) => {
      const version = versionRef.current ?? seenVersion;
      if (version === null) return { ok: false, error: "The claim is still loading; try again in a moment." };
      try {
        const result = (await action(version)) as { id?: unknown; version?: unknown } | null;
        if (result?.id === claimId && typeof result.version === "number") adoptVersion(result.version);
        // Confirm once the lists show the change, so "Saved" never precedes what it confirms.
        await refreshLists();
        announce(successMessage);
        return { ok: true };
      } catch (error) {
        if (isConflict(error)) {
          setConflict(errorMessage(error));
          return { ok: false, error: null };
        }
        return { ok: false, error: errorMessage(error), fields: errorFields(error) };
      }
    },
    [seenVersion, claimId, adoptVersion, announce, refreshLists],
  );

  return {
    seenVersion,
    /** The first version loaded; call while rendering (state only, no ref write). */
    initVersion: setSeenVersion,
    adoptVersion,
    save,
    conflict,
    clearConflict: () => setConflict(null),
    refreshLists,
  };
}
