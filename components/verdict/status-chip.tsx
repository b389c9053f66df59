import type { ReactNode } from "react";
import { STATUS_LABELS, type ClaimStatus } from "@/lib/claims/workflow";

// Each status has its own shape as well as colour, so the chip reads without colour vision too.
const STATUS_STYLE: Record<ClaimStatus, { className: string; dot: ReactNode }> = {
  unchecked: {
    className: "border-rule bg-white text-quiet",
    dot: <circle cx="5" cy="5" r="3.5" fill="none" stroke="currentColor" strokeWidth={1.5} />,
  },
  in_progress: {
    className: "border-[#b6e3ff] bg-[#ddf4ff] text-[#0550ae]",
    dot: (
      <>
        <circle cx="5" cy="5" r="3.5" fill="none" stroke="currentColor" strokeWidth={1.5} />
        <path d="M5 1.5a3.5 3.5 0 0 1 0 7z" fill="currentColor" />
      </>
    ),
  },
  in_review: {
    className: "border-[#d8b9ff] bg-[#fbefff] text-[#6639ba]",
    dot: (
      <>
        <circle cx="5" cy="5" r="3.5" fill="none" stroke="currentColor" strokeWidth={1.5} />
        <path d="M5 3v2.2l1.4 1" fill="none" stroke="currentColor" strokeWidth={1.2} strokeLinecap="round" />
      </>
    ),
  },
  published: {
    className: "border-[#aceebb] bg-[#dafbe1] text-[#116329]",
    dot: <circle cx="5" cy="5" r="3.5" fill="currentColor" />,
  },
};

/** A claim's workflow status as a small labelled chip. Server-compatible (no hooks). */
export function StatusChip({ status }: { status: ClaimStatus }) {
  const style = STATUS_STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-px text-xs font-medium ${style.className}`}>
      <svg viewBox="0 0 10 10" className="h-2.5 w-2.5 shrink-0" aria-hidden="true" focusable="false">
        {style.dot}
      </svg>
      {STATUS_LABELS[status]}
    </span>
  );
}
