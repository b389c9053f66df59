import { useId } from "react";

export interface Bar {
  label: string;
  value: number;
  /** What the bar says beside it, e.g. "3 of 5"; defaults to the value. */
  text?: string;
  /** For a part-of-whole bar: the whole, drawn as a faint track behind the value. */
  total?: number;
  color?: string;
}

// Drawn at about the width of a phone, so its 12 px text stays 12 px there; wider screens scale it up a little.
const WIDTH = 320;
const LABEL_WIDTH = 120;
const VALUE_WIDTH = 56;
const ROW = 26;

function shorten(text: string, max = 15): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Horizontal bars drawn on the server as SVG, labelled directly (name on the left, number on the right), so no
 * legend is needed; the same numbers follow as a table for screen readers and for copying.
 */
export function BarChart({ title, description, bars, unit, emptyText }: { title: string; description: string; bars: Bar[]; unit: string; emptyText: string }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.total ?? bar.value));
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = Math.max(1, bars.length) * ROW + 24;
  return (
    <figure className="min-w-0 rounded border border-rule p-4" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="text-base font-semibold">{title}</figcaption>
      <p id={`${id}-desc`} className="text-xs text-quiet">{description}</p>
      {bars.length === 0 ? (
        <p className="mt-3 text-sm text-quiet">{emptyText}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${height}`} className="mt-3 w-full max-w-sm" role="img" aria-labelledby={`${id}-title ${id}-desc`} data-chart={title}>
          {bars.map((bar, index) => {
            const y = index * ROW;
            const whole = bar.total !== undefined ? (bar.total / max) * plot : 0;
            const width = (bar.value / max) * plot;
            return (
              <g key={`${bar.label}-${index}`}>
                <title>{`${bar.label}: ${bar.text ?? bar.value}`}</title>
                <text x={LABEL_WIDTH - 6} y={y + 17} textAnchor="end" fontSize="12" fill="#24292f">{shorten(bar.label)}</text>
                {bar.total !== undefined && <rect x={LABEL_WIDTH} y={y + 5} width={whole} height={16} fill="#eaeef2" />}
                <rect x={LABEL_WIDTH} y={y + 5} width={Math.max(bar.value > 0 ? 2 : 0, width)} height={16} fill={bar.color ?? "#0969da"} />
                <text x={LABEL_WIDTH + Math.max(whole, width) + 4} y={y + 17} fontSize="12" fill="#24292f">{bar.text ?? bar.value}</text>
              </g>
            );
          })}
          <text x={LABEL_WIDTH} y={height - 4} fontSize="11" fill="#57606a">{unit}</text>
        </svg>
      )}
      {bars.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-accent">{title} as a table</summary>
          <table className="mt-2 w-full text-left">
            <thead className="text-quiet">
              <tr><th scope="col" className="py-1 pr-3 font-medium">Name</th><th scope="col" className="py-1 font-medium">{unit}</th></tr>
            </thead>
            <tbody>
              {bars.map((bar, index) => (
                <tr key={`${bar.label}-${index}`} className="border-t border-rule"><td className="py-1 pr-3">{bar.label}</td><td className="py-1 tabular-nums">{bar.text ?? bar.value}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
