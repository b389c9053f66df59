"use client";

import { useState } from "react";

function sameValues<T extends object>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Form state that background refetches never overwrite: what the editor typed stays until they save or
 * discard it. `generation` changes when the editor presses Reload after a conflict: the form then shows
 * the fresh server values (the colleague's saved change, which Reload promised to show), and unsaved
 * edits are not lost but `kept` beside the form, to be put back with restoreKept (see KeptDraft).
 */
export function useDraft<T extends object>(serverValues: T, generation: number) {
  const [state, setState] = useState<{ draft: T; base: T; generation: number; kept: T | null }>({ draft: serverValues, base: serverValues, generation, kept: null });
  if (state.generation !== generation) {
    // Adjusting state while rendering (not in an effect) avoids a flash of the old values.
    const untouched = sameValues(state.draft, state.base);
    const kept = untouched || sameValues(state.draft, serverValues) ? state.kept : state.draft;
    setState({ draft: serverValues, base: serverValues, generation, kept });
  }
  return {
    draft: state.draft,
    dirty: !sameValues(state.draft, state.base),
    update: (patch: Partial<T>) => setState((s) => ({ ...s, draft: { ...s.draft, ...patch } })),
    /** After a successful save the saved values are the new baseline, and an older kept draft is moot. */
    markSaved: (saved: T) => setState((s) => ({ ...s, base: saved, kept: null })),
    discard: () => setState((s) => ({ ...s, draft: serverValues, base: serverValues })),
    /** The editor's own unsaved values from before a Reload, while they differ from what is saved. */
    kept: state.kept,
    restoreKept: () => setState((s) => ({ ...s, draft: s.kept ?? s.draft, kept: null })),
    dismissKept: () => setState((s) => ({ ...s, kept: null })),
  };
}
