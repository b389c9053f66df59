import { z } from "zod";
import { CLAIM_KINDS, CLAIM_STATUSES } from "@/lib/claims/workflow";
import { VERDICTS } from "@/lib/verdicts";

export const SEARCH_TYPES = ["claim", "source", "article"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2022-02-24.");

export const searchInput = z
  .object({
    q: z.string().trim().min(1, "Type a word, a name or part of a URL.").max(200),
    /** Which kind of result; none means all three. Claim filters below narrow to claims. */
    type: z.enum(SEARCH_TYPES).optional(),
    claimKind: z.enum(CLAIM_KINDS).optional(),
    verdict: z.enum(VERDICTS).optional(),
    /** Editors only: the public search sees published claims whatever is asked. */
    status: z.enum(CLAIM_STATUSES).optional(),
    speaker: z.string().trim().min(1).max(200).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "The start date must not be after the end date.", path: ["from"] });
export type SearchInput = z.input<typeof searchInput>;
