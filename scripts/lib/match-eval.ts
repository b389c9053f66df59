/**
 * Scores the matcher against a labelled set (data/matching/labelled-set.json): each query lists the corpus ids
 * that are the same claim (none for a near miss). Shared by `npm run eval:match` and the test that holds the
 * figures to their targets.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { matchCorpus } from "./match-corpus";
import type { MatchOutput } from "./match-input";

export const LABELLED_SET = path.join(process.cwd(), "data", "matching", "labelled-set.json");

export const TARGETS = { hitAt1: 0.8, hitAt5: 0.95, linkRecall: 0.7, falseMatchRate: 0.05 } as const;

const labelledClaim = z.object({ id: z.string(), text: z.string(), speaker: z.string().nullable() });
export const labelledSet = z.object({
  corpus: z.array(labelledClaim.extend({ article: z.string() })),
  queries: z.array(labelledClaim.extend({ kind: z.string(), match: z.array(z.string()), note: z.string().optional() })),
});
export type LabelledSet = z.infer<typeof labelledSet>;

export interface EvalReport {
  hitAt1: number;
  hitAt5: number;
  linkRecall: number;
  falseMatchRate: number;
  trueMatchQueries: number;
  nearMissQueries: number;
  /** Queries the matcher got wrong, with what it returned first, for the note on the hardest misses. */
  misses: Array<{ query: string; kind: string; problem: string; top: string | null; score: number | null; expected: string[] }>;
}

export async function loadLabelledSet(file = LABELLED_SET): Promise<LabelledSet> {
  return labelledSet.parse(JSON.parse(await readFile(file, "utf8")));
}

export function scoreResults(set: LabelledSet, output: MatchOutput): EvalReport {
  const byQuery = new Map(output.results.map((r) => [r.query, r.matches]));
  let hit1 = 0, hit5 = 0, linked = 0, falseMatches = 0;
  const misses: EvalReport["misses"] = [];
  const positives = set.queries.filter((q) => q.match.length > 0);
  const negatives = set.queries.filter((q) => q.match.length === 0);
  for (const q of set.queries) {
    const matches = byQuery.get(q.id) ?? [];
    const top = matches[0];
    const note = (problem: string) => misses.push({ query: q.id, kind: q.kind, problem, top: top?.id ?? null, score: top?.score ?? null, expected: q.match });
    if (q.match.length > 0) {
      const right = (id: string) => q.match.includes(id);
      if (top && right(top.id)) hit1++;
      if (matches.some((m) => right(m.id))) hit5++;
      if (top && right(top.id) && top.same) linked++;
      if (!top || !right(top.id)) note(matches.some((m) => right(m.id)) ? "right match not first" : "right match not in top five");
      else if (!top.same) note("right match first but not marked same");
    } else {
      const same = matches.find((m) => m.same);
      if (same) {
        falseMatches++;
        misses.push({ query: q.id, kind: q.kind, problem: "near miss marked same", top: same.id, score: same.score, expected: [] });
      }
    }
  }
  const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);
  return {
    hitAt1: ratio(hit1, positives.length),
    hitAt5: ratio(hit5, positives.length),
    linkRecall: ratio(linked, positives.length),
    falseMatchRate: ratio(falseMatches, negatives.length),
    trueMatchQueries: positives.length,
    nearMissQueries: negatives.length,
    misses,
  };
}

export async function evaluate(file = LABELLED_SET): Promise<EvalReport> {
  const set = await loadLabelledSet(file);
  return scoreResults(set, await matchCorpus(set));
}
