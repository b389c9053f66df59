"use client";

import { useRef, useSyncExternalStore, type KeyboardEvent } from "react";

export type WorkspacePane = "text" | "claims";

// Below lg the two panes do not fit side by side; stacked, the claim panel sat 3,000 px below the text.
const NARROW = "(max-width: 1023.98px)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** True on phones and small tablets, where the workspace shows one pane at a time. False on the server. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches, () => false);
}

export const paneTabId = (pane: WorkspacePane) => `workspace-tab-${pane}`;
export const panePanelId = (pane: WorkspacePane) => `workspace-pane-${pane}`;

/**
 * ARIA tabs for the two panes, shown only below lg (CSS) and sticky under the toolbar, so the claim panel
 * is one tap away wherever the editor is in the text. Arrow keys move between the tabs (APG tabs pattern).
 */
export function PaneTabs({ pane, onChange, claimCount }: { pane: WorkspacePane; onChange: (pane: WorkspacePane) => void; claimCount: number }) {
  const refs = useRef<Partial<Record<WorkspacePane, HTMLButtonElement | null>>>({});
  const tabs: { pane: WorkspacePane; label: string }[] = [
    { pane: "text", label: "Text" },
    { pane: "claims", label: `Claims (${claimCount})` },
  ];
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next: WorkspacePane = pane === "text" ? "claims" : "text";
    onChange(next);
    refs.current[next]?.focus();
  }
  return (
    <div role="tablist" aria-label="Workspace" onKeyDown={onKeyDown} className="sticky top-0 z-20 -mx-4 mt-3 flex border-b border-rule bg-white px-4 lg:hidden">
      {tabs.map((tab) => (
        <button
          key={tab.pane}
          ref={(element) => {
            refs.current[tab.pane] = element;
          }}
          type="button"
          role="tab"
          id={paneTabId(tab.pane)}
          aria-selected={pane === tab.pane}
          aria-controls={panePanelId(tab.pane)}
          tabIndex={pane === tab.pane ? 0 : -1}
          onClick={() => onChange(tab.pane)}
          className={`min-h-11 flex-1 border-b-2 px-3 text-sm font-medium ${pane === tab.pane ? "border-accent text-ink" : "border-transparent text-quiet"}`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
