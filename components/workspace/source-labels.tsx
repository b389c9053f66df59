import type { ReliabilityRating, Stance } from "@/lib/sources/vocabulary";
import { RELIABILITY_LABELS, STANCE_LABELS } from "./vocabulary-labels";

const STANCE_STYLE: Record<Stance, { className: string; mark: string }> = {
  supports: { className: "border-[#aceebb] bg-[#dafbe1] text-[#116329]", mark: "✓" },
  refutes: { className: "border-[#ffcecb] bg-[#ffebe9] text-[#a40e26]", mark: "✕" },
  context: { className: "border-rule bg-wash text-quiet", mark: "i" },
};

/** How a source bears on the claim: symbol + word, never colour alone. */
export function StanceChip({ stance }: { stance: Stance }) {
  const style = STANCE_STYLE[stance];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-px text-xs font-medium ${style.className}`}>
      <span aria-hidden="true">{style.mark}</span>
      {STANCE_LABELS[stance]}
    </span>
  );
}

const RELIABILITY_TONE: Record<ReliabilityRating, string> = {
  high: "text-[#116329]",
  generally_reliable: "text-[#116329]",
  mixed: "text-[#7d4e00]",
  low: "text-[#a40e26]",
  unrated: "text-quiet",
};

/** The publisher's reliability rating, shown beside each source as words. */
export function ReliabilityLabel({ rating }: { rating: ReliabilityRating | null }) {
  const value = rating ?? "unrated";
  return (
    <span className={`whitespace-nowrap text-xs ${RELIABILITY_TONE[value]}`}>
      Reliability: <span className="font-medium">{RELIABILITY_LABELS[value]}</span>
    </span>
  );
}
