/** The fixed verdict scale, best to worst; `unverifiable` sits outside the scale. */
export const VERDICTS = ["true", "mostly_true", "mixed", "misleading", "mostly_false", "false", "unverifiable"] as const;
export type Verdict = (typeof VERDICTS)[number];
