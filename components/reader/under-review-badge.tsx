/**
 * After an edit of the claimed words the old verdict is withdrawn from readers until a second editor
 * approves again; this pill says so (design.md: #57606a, dashed outline, clock). Not a button: there is
 * nothing to open, the verdict is not public any more.
 */
export function UnderReviewBadge() {
  return (
    <span
      className="mx-1 inline-flex min-h-[18px] items-center gap-1 rounded-full border border-dashed border-[#57606a] px-2 align-middle font-sans text-xs font-medium leading-none text-[#57606a]"
      data-testid="under-review-badge"
    >
      <svg viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round">
        <circle cx="8" cy="8" r="6.5" />
        <path d="M8 4.5V8l2.5 1.5" />
      </svg>
      Under review
    </span>
  );
}
