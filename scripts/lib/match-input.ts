/** The match-claims file format, apart from the matcher so a bad file is refused without loading the NLP models. */
import { z } from "zod";

const claimItem = z.object({
  id: z.string().min(1),
  text: z.string().trim().min(1).max(5_000),
  speaker: z.string().trim().max(200).nullish(),
});

/** Extra fields (labels, article names) are allowed and ignored, so a labelled set is also a valid input. */
export const matchInput = z.object({
  corpus: z.array(claimItem).min(1).max(100_000).refine((items) => new Set(items.map((c) => c.id)).size === items.length, "corpus ids must be unique"),
  queries: z.array(claimItem),
});
export type MatchInput = z.input<typeof matchInput>;

export interface MatchOutput {
  results: Array<{ query: string; matches: Array<{ id: string; score: number; same: boolean }> }>;
}
