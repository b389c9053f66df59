"use client";

import { useEffect, useEffectEvent } from "react";

/** True when a key press belongs to whatever the editor is typing or to an open dialog, not to us. */
function isTypingOrModified(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return true;
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (target && (target.isContentEditable || target.closest("input, textarea, select, [role='combobox'], [role='listbox']"))) return true;
  // Inside a dialog its own controls and Escape rule; the workspace keys would act behind it.
  return document.querySelector("dialog[open]") !== null;
}

/**
 * Single-key workspace shortcuts (j, k, c, e, s, ?), keyed by KeyboardEvent.key. Ignored while typing in a
 * field, with Ctrl/Cmd/Alt held (so browser shortcuts keep working) and while a dialog is open.
 */
export function useKeyboardShortcuts(handlers: Partial<Record<string, () => void>>) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (isTypingOrModified(event)) return;
    const handler = handlers[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  });
  useEffect(() => {
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
