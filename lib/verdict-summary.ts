import { VERDICTS, VERDICT_SCALE, type Verdict } from "./verdicts";

export interface VerdictCount {
  verdict: Verdict;
  label: string;
  count: number;
}

export interface VerdictSummary {
  total: number;
  /** Non-zero counts only, best to worst (scale order), so every surface lists them the same way. */
  counts: VerdictCount[];
}

export function summarizeVerdicts(verdicts: readonly Verdict[]): VerdictSummary {
  const tally = new Map<Verdict, number>();
  for (const verdict of verdicts) tally.set(verdict, (tally.get(verdict) ?? 0) + 1);
  const counts = VERDICTS.flatMap((verdict) => {
    const count = tally.get(verdict) ?? 0;
    return count > 0 ? [{ verdict, label: VERDICT_SCALE[verdict].label, count }] : [];
  });
  return { total: verdicts.length, counts };
}

/** "7 checked · 5 true · 1 misleading · 1 false"; the one wording shared by the badge, embed and alt texts. */
export function summaryText(summary: VerdictSummary): string {
  if (summary.total === 0) return "No claims checked yet";
  return [`${summary.total} checked`, ...summary.counts.map((c) => `${c.count} ${c.label.toLowerCase()}`)].join(" · ");
}
