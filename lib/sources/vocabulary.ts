export const STANCES = ["supports", "refutes", "context"] as const;
export type Stance = (typeof STANCES)[number];

export const SOURCE_TYPES = ["article", "video", "audio", "document", "dataset", "social_post", "official_statement", "other"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

// "dead" is the link-rot watch's word too (lib/sources/link-health.ts): one word from the database to the screen.
export const LINK_STATUSES = ["unchecked", "ok", "redirected", "dead"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export const RELIABILITY_RATINGS = ["unrated", "high", "generally_reliable", "mixed", "low"] as const;
export type ReliabilityRating = (typeof RELIABILITY_RATINGS)[number];
