"use client";

import type { ReactNode } from "react";
import { claimBadgeId, claimDialogId } from "./claim-dom-ids";

/**
 * A native modal <dialog>: it traps focus and closes on Escape by itself. Opened by openClaimDialog,
 * which focuses the heading at its top; on close, focus goes back to the claim's badge. A popover-sized card on wide screens, a bottom sheet on phones.
 */
export function ClaimDialog({ claimId, labelledBy, children }: { claimId: number; labelledBy: string; children: ReactNode }) {
  const close = (dialog: HTMLDialogElement | null) => dialog?.close();
  return (
    <dialog
      id={claimDialogId(claimId)}
      aria-labelledby={labelledBy}
      onClose={() => document.getElementById(claimBadgeId(claimId))?.focus()}
      onClick={(event) => event.target === event.currentTarget && close(event.currentTarget)}
      className="m-0 mt-auto max-h-[85vh] w-full max-w-none overflow-y-auto rounded-t-2xl bg-white p-0 text-ink shadow-xl backdrop:bg-black/40 sm:m-auto sm:max-w-lg sm:rounded-xl"
    >
      <div className="p-5 sm:p-6">
        {children}
        <div className="mt-6 flex justify-end">
          <button
            type="button"
            onClick={(event) => close(event.currentTarget.closest("dialog"))}
            className="rounded border border-rule px-4 py-1.5 text-sm hover:bg-wash"
          >
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
