import { VerdictIcon } from "@/components/verdict/verdict-icon";
import { VERDICT_SCALE } from "@/lib/verdicts";
import { summarizeVerdicts, summaryText } from "@/lib/verdict-summary";
import type { ReaderClaim } from "@/server/services/reader/get-reader-view";

/** "7 claims checked" with a thin stacked bar and the counts in words beside it (the bar is decoration). */
export function VerdictSummaryBar({ claims }: { claims: ReaderClaim[] }) {
  const summary = summarizeVerdicts(claims.map((c) => c.verdict));
  if (summary.total === 0) {
    return <p className="rounded border border-rule bg-wash px-4 py-3 text-sm text-quiet">No claims in this article have been checked yet.</p>;
  }
  return (
    <section aria-labelledby="summary-heading" className="rounded border border-rule px-4 py-3">
      <h2 id="summary-heading" className="text-sm font-semibold">
        {summary.total} {summary.total === 1 ? "claim" : "claims"} checked
      </h2>
      <div className="mt-2 flex h-2 overflow-hidden rounded-full bg-wash" aria-hidden="true">
        {summary.counts.map((c) => (
          <div key={c.verdict} style={{ width: `${(c.count / summary.total) * 100}%`, backgroundColor: VERDICT_SCALE[c.verdict].color }} />
        ))}
      </div>
      <p className="sr-only">{summaryText(summary)}</p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
        {summary.counts.map((c) => (
          <li key={c.verdict} className="inline-flex items-center gap-1" style={{ color: VERDICT_SCALE[c.verdict].color }}>
            <VerdictIcon icon={VERDICT_SCALE[c.verdict].icon} />
            <span className="text-ink">
              {c.count} {c.label.toLowerCase()}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
