import { sql } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Database } from "@/db/types";
import { canonicalizeUrl, hostnameOf } from "@/lib/url/canonicalize";
import { inferSourceType } from "@/lib/sources/infer-type";
import { findOrCreatePublisher } from "./find-or-create-publisher";

/**
 * The registry has one source per canonical URL. A new spelling of a known URL is remembered in
 * original_urls instead of creating a duplicate. Call inside the caller's transaction.
 */
export async function findOrCreateSource(tx: Database, originalUrl: string): Promise<typeof sources.$inferSelect> {
  const canonicalUrl = canonicalizeUrl(originalUrl);
  const publisher = await findOrCreatePublisher(tx, hostnameOf(canonicalUrl));
  const [row] = await tx
    .insert(sources)
    .values({ canonicalUrl, originalUrls: [originalUrl], publisherId: publisher.id, type: inferSourceType(canonicalUrl) })
    .onConflictDoUpdate({
      target: sources.canonicalUrl,
      set: {
        originalUrls: sql`case when ${originalUrl} = any(${sources.originalUrls}) then ${sources.originalUrls}
                          else array_append(${sources.originalUrls}, ${originalUrl}) end`,
      },
    })
    .returning();
  // ON CONFLICT DO UPDATE returns the row whether it was inserted or updated.
  if (!row) throw new Error(`upsert of source ${canonicalUrl} returned no row`);
  return row;
}
