"use client";

import { useState } from "react";

function sameValues<T extends object>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Form state that background refetches never overwrite: what the editor typed stays until they save or
 * discard it. `generation` changes when the editor presses Reload after a conflict: untouched forms
 * then take the fresh server values; forms with unsaved edits keep them (the conflict message promises
 * "what you typed is kept") and are compared against the fresh values from then on.
 */
export function useDraft<T extends object>(serverValues: T, generation: number) {
  const [state, setState] = useState({ draft: serverValues, base: serverValues, generation });
  if (state.generation !== generation) {
    // Adjusting state while rendering (not in an effect) avoids a flash of the old values.
    const untouched = sameValues(state.draft, state.base);
    setState({ draft: untouched ? serverValues : state.draft, base: serverValues, generation });
  }
  return {
    draft: state.draft,
    dirty: !sameValues(state.draft, state.base),
    update: (patch: Partial<T>) => setState((s) => ({ ...s, draft: { ...s.draft, ...patch } })),
    /** After a successful save the saved values are the new baseline. */
    markSaved: (saved: T) => setState((s) => ({ ...s, base: saved })),
    discard: () => setState((s) => ({ ...s, draft: serverValues, base: serverValues })),
  };
}
