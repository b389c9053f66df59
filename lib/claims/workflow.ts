export const CLAIM_KINDS = ["quote", "statistic", "event", "attribution", "characterization"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_STATUSES = ["unchecked", "in_progress", "in_review", "published"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Whether a claim's selectors still match its revision's text (re-anchoring sets the others). */
export const ANCHOR_STATES = ["anchored", "fuzzy", "orphaned"] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];
