import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { VERDICTS, VERDICT_SCALE } from "@/lib/verdicts";

/** The verdict scale explained; the target of every "How we rate claims" link. */
export function RatingLegend() {
  return (
    <details id="how-we-rate" className="rounded border border-rule px-4 py-3 text-sm">
      <summary className="cursor-pointer font-semibold">How we rate claims</summary>
      <p className="mt-2 text-quiet">
        Editors mark checkable statements, link each to its sources, and write a verdict with a rationale. A second editor
        reviews every verdict before it appears here.
      </p>
      <dl className="mt-3 grid gap-2 sm:grid-cols-[auto_1fr] sm:gap-x-4">
        {VERDICTS.map((verdict) => (
          <div key={verdict} className="contents">
            <dt>
              <VerdictBadge verdict={verdict} />
            </dt>
            <dd className="text-quiet">{VERDICT_SCALE[verdict].description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
