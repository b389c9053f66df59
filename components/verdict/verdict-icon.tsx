import type { ReactNode } from "react";
import type { VerdictIcon as VerdictIconName } from "@/lib/verdicts";

/**
 * Small inline icons for the verdict scale. Decorative (aria-hidden): the visible label next to them
 * carries the meaning, so screen readers hear the word once and colour-blind readers see a shape.
 */
export function VerdictIcon({ icon, className = "h-3.5 w-3.5" }: { icon: VerdictIconName; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={`shrink-0 ${className}`} aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      {ICON_PATHS[icon]}
    </svg>
  );
}

const ICON_PATHS: Record<VerdictIconName, ReactNode> = {
  check: <path d="M3 8.5l3.2 3.2L13 4.5" />,
  "check-circle": (
    <>
      <circle cx="8" cy="8" r="6.5" strokeWidth={1.5} />
      <path d="M5 8.2l2 2L11 6" />
    </>
  ),
  "half-circle": (
    <>
      <circle cx="8" cy="8" r="6.5" strokeWidth={1.5} />
      <path d="M8 1.5a6.5 6.5 0 0 1 0 13z" fill="currentColor" stroke="none" />
    </>
  ),
  warning: (
    <>
      <path d="M8 1.8L14.8 14H1.2z" strokeWidth={1.5} />
      <path d="M8 6.2v3.6M8 11.9v.1" />
    </>
  ),
  "cross-circle": (
    <>
      <circle cx="8" cy="8" r="6.5" strokeWidth={1.5} />
      <path d="M5.7 5.7l4.6 4.6M10.3 5.7l-4.6 4.6" />
    </>
  ),
  cross: <path d="M4 4l8 8M12 4l-8 8" />,
  question: (
    <>
      <path d="M5.6 5.6a2.5 2.5 0 1 1 3.4 2.3c-.7.3-1 .8-1 1.5v.6" />
      <path d="M8 12.6v.1" />
    </>
  ),
};
