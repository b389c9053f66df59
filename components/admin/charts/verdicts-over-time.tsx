import { useId } from "react";
import { formatDate } from "@/lib/text/format-date";
import { VERDICTS, VERDICT_SCALE, type Verdict } from "@/lib/verdicts";

// Drawn at about the width of a phone, so its 12 px text stays 12 px there; wider screens scale it up a little.
const WIDTH = 320;
const HEIGHT = 200;
const LEFT = 28;
const BOTTOM = 34;

const shortDay = (week: string) => formatDate(week).split(" ").slice(0, 2).join(" ");

/**
 * Published verdicts per week as stacked columns (server-rendered SVG). The verdicts are told apart by the legend's
 * words and each segment's tooltip, not by colour alone, and the table below carries every number.
 */
export function VerdictsOverTime({ weeks, counts }: { weeks: string[]; counts: Array<{ week: string; verdict: Verdict; count: number }> }) {
  const id = useId();
  const at = (week: string, verdict: Verdict) => counts.find((c) => c.week === week && c.verdict === verdict)?.count ?? 0;
  const totals = weeks.map((week) => VERDICTS.reduce((sum, verdict) => sum + at(week, verdict), 0));
  const max = Math.max(1, ...totals);
  const used = VERDICTS.filter((verdict) => counts.some((c) => c.verdict === verdict));
  const slot = (WIDTH - LEFT) / weeks.length;
  // Room above the tallest column for its total.
  const plotHeight = HEIGHT - BOTTOM - 18;
  const total = totals.reduce((a, b) => a + b, 0);
  return (
    <figure className="min-w-0 rounded border border-rule p-4" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="text-base font-semibold">Claims per verdict over time</figcaption>
      <p id={`${id}-desc`} className="text-xs text-quiet">Verdicts published per week, last {weeks.length} weeks: {total} in all.</p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-3 w-full max-w-sm" role="img" aria-labelledby={`${id}-title ${id}-desc`} data-chart="Claims per verdict over time">
        <line x1={LEFT} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#d0d7de" />
        <text x={LEFT - 4} y={HEIGHT - BOTTOM} textAnchor="end" fontSize="10" fill="#57606a">0</text>
        <text x={LEFT - 4} y={HEIGHT - BOTTOM - plotHeight + 8} textAnchor="end" fontSize="10" fill="#57606a">{max}</text>
        {weeks.map((week, index) => {
          let y = HEIGHT - BOTTOM;
          const x = LEFT + index * slot + slot * 0.15;
          return (
            <g key={week}>
              {VERDICTS.map((verdict) => {
                const count = at(week, verdict);
                if (count === 0) return null;
                const h = (count / max) * plotHeight;
                y -= h;
                return (
                  <rect key={verdict} x={x} y={y} width={slot * 0.7} height={h} fill={VERDICT_SCALE[verdict].color} stroke="#fff" strokeWidth="0.5">
                    <title>{`Week of ${formatDate(week)}: ${count} ${VERDICT_SCALE[verdict].label}`}</title>
                  </rect>
                );
              })}
              {totals[index]! > 0 && <text x={x + slot * 0.35} y={y - 3} textAnchor="middle" fontSize="10" fill="#24292f">{totals[index]}</text>}
              {index % 3 === 0 && <text x={x + slot * 0.35} y={HEIGHT - BOTTOM + 13} textAnchor="middle" fontSize="10" fill="#57606a">{shortDay(week)}</text>}
            </g>
          );
        })}
        <text x={LEFT} y={HEIGHT - 4} fontSize="11" fill="#57606a">Week starting (Monday, UTC) · claims published</text>
      </svg>
      {used.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Verdict colours">
          {used.map((verdict) => (
            <li key={verdict} className="flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: VERDICT_SCALE[verdict].color }} />
              {VERDICT_SCALE[verdict].label}
            </li>
          ))}
        </ul>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-accent">Claims per verdict over time as a table</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left">
            <thead className="text-quiet">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Week of</th>
                {VERDICTS.map((verdict) => <th key={verdict} scope="col" className="py-1 pr-2 font-medium">{VERDICT_SCALE[verdict].label}</th>)}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week} className="border-t border-rule">
                  <th scope="row" className="whitespace-nowrap py-1 pr-3 font-normal">{formatDate(week)}</th>
                  {VERDICTS.map((verdict) => <td key={verdict} className="py-1 pr-2 tabular-nums">{at(week, verdict)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
