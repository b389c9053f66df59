import { StatusChip } from "@/components/verdict/status-chip";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { STATUS_LABELS } from "@/lib/claims/workflow";
import { VERDICT_SCALE } from "@/lib/verdicts";
import { initials, truncate } from "./text-format";
import type { WorkspaceClaim } from "./types";
import { KIND_LABELS } from "./vocabulary-labels";

/**
 * One claim in the list. The button's accessible name is its visible text with the claim's words first
 * (the chips come later in the DOM and are moved above by CSS), so screen readers and tests find a claim
 * by its text and the spoken name contains what sighted users read (WCAG 2.5.3). The fuller spoken
 * summary is the description.
 */
export function ClaimCard({ claim, selected, onSelect }: { claim: WorkspaceClaim; selected: boolean; onSelect: () => void }) {
  const textId = `claim-card-${claim.id}-text`;
  const metaId = `claim-card-${claim.id}-meta`;
  const evidence = `${claim.evidenceCount} ${claim.evidenceCount === 1 ? "source" : "sources"}`;
  const spoken = [
    STATUS_LABELS[claim.status],
    claim.verdict ? `verdict ${VERDICT_SCALE[claim.verdict].label}` : "no verdict",
    KIND_LABELS[claim.kind],
    claim.speaker && `speaker ${claim.speaker}`,
    evidence,
    claim.assigneeName ? `assigned to ${claim.assigneeName}` : "unassigned",
    claim.anchorState === "orphaned" ? "text no longer found in the article" : null,
    claim.anchorState === "changed" ? "claimed words edited" : null,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <button
      type="button"
      id={`claim-card-${claim.id}`}
      data-claim-id={claim.id}
      aria-current={selected ? "true" : undefined}
      aria-describedby={metaId}
      onClick={onSelect}
      className={`flex w-full flex-col rounded-md border px-3 py-2 text-left transition-colors ${
        selected ? "border-accent bg-[#ddf4ff] shadow-[inset_3px_0_0_#0969da]" : "border-rule bg-white hover:bg-wash"
      }`}
    >
      <span id={textId} className="mt-1.5 block font-serif text-[15px] leading-snug">
        {truncate(claim.exact, 120)}
      </span>
      {/* Its own line, wrapping anywhere: in the chip row a long name pushed the counts off the card. */}
      {claim.speaker && <span className="mt-1 block text-xs font-medium text-quiet [overflow-wrap:anywhere]">{claim.speaker}</span>}
      <span className="order-first flex flex-wrap items-center gap-1.5">
        <StatusChip status={claim.status} />
        <VerdictBadge verdict={claim.verdict} />
        <span className="text-xs text-quiet">{KIND_LABELS[claim.kind]}</span>
        <span className="ml-auto flex items-center gap-1.5 text-xs text-quiet">
          <span title={`${evidence} linked`}>
            <span className="tabular-nums">{claim.evidenceCount}</span> src
          </span>
          {claim.assigneeName ? (
            <span title={`Assigned to ${claim.assigneeName}`} className="grid h-5 w-5 place-items-center rounded-full bg-[#6639ba] text-[10px] font-semibold text-white">
              {initials(claim.assigneeName)}
            </span>
          ) : (
            <span title="Unassigned" className="grid h-5 w-5 place-items-center rounded-full border border-dashed border-rule text-[10px]">
              –
            </span>
          )}
        </span>
      </span>
      {claim.anchorState === "orphaned" && <span className="mt-1 block text-xs text-[#953800]">Text no longer found in the article</span>}
      {claim.anchorState === "changed" && <span className="mt-1 block text-xs text-[#7d4e00]">Claimed words edited since the verdict</span>}
      {/* Hidden from the name (it would repeat the chips) but read as the button's description. */}
      <span id={metaId} className="sr-only" aria-hidden="true">
        {spoken}
      </span>
    </button>
  );
}
