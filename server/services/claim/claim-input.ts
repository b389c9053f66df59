import { z } from "zod";
import { CLAIM_KINDS, CLAIM_STATUSES } from "@/lib/claims/workflow";
import { VERDICTS } from "@/lib/verdicts";

export const claimKindInput = z.enum(CLAIM_KINDS, { error: `Kind must be one of: ${CLAIM_KINDS.join(", ")}.` });
export const claimStatusInput = z.enum(CLAIM_STATUSES, { error: `Status must be one of: ${CLAIM_STATUSES.join(", ")}.` });
export const verdictInput = z.enum(VERDICTS, { error: `Verdict must be one of: ${VERDICTS.join(", ")}.` });
/** Optional short text: blank means "none". */
export const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullish();
