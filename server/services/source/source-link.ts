import { sql } from "drizzle-orm";
import { evidence, sources } from "@/db/schema";

// Decision 0021: the canonical URL is the registry's key for finding the same document again; people are shown,
// sent to and fetch the link as it was pasted (an http:// site stays http://, a video link keeps its time).

/** A source's link: as first pasted (or as an admin set it); the canonical key only for rows that never had one. */
export const sourceLink = sql<string>`coalesce(${sources.url}, ${sources.canonicalUrl})`;

/** An evidence item's link: what its editor pasted for it (a video at its time), else its source's link. */
export const evidenceLink = sql<string>`coalesce(${evidence.url}, ${sources.url}, ${sources.canonicalUrl})`;
