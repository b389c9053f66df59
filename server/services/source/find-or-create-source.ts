import { eq, getTableColumns, sql } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Database } from "@/db/types";
import { canonicalizeUrl, hostnameOf } from "@/lib/url/canonicalize";
import { inferSourceType } from "@/lib/sources/infer-type";
import type { Actor } from "../../actor";
import { recordAudit } from "../audit/record-audit";
import { findOrCreatePublisher } from "./find-or-create-publisher";

type Source = typeof sources.$inferSelect;

/**
 * The registry has one source per canonical URL. A new spelling of a known URL is remembered in
 * original_urls instead of creating a duplicate; the first spelling stays the source's link (decision 0021). Call inside the caller's transaction; a new source and a
 * new spelling are each audited as one change by `actor`, a URL already known writes nothing.
 */
export async function findOrCreateSource(tx: Database, actor: Actor, originalUrl: string, { publisherName }: { publisherName?: string } = {}): Promise<Source> {
  const canonicalUrl = canonicalizeUrl(originalUrl);
  // A publisher new to the registry takes the name the page gives; a known one keeps its (curated) name.
  const publisher = await findOrCreatePublisher(tx, actor, hostnameOf(canonicalUrl), publisherName);
  const [row] = await tx
    .insert(sources)
    .values({ canonicalUrl, url: originalUrl, originalUrls: [originalUrl], publisherId: publisher.id, type: inferSourceType(canonicalUrl) })
    .onConflictDoUpdate({
      target: sources.canonicalUrl,
      set: {
        originalUrls: sql`array_append(${sources.originalUrls}, ${originalUrl}::text)`,
        url: sql`coalesce(${sources.url}, ${originalUrl}::text)`,
        updatedAt: new Date(),
      },
      // A spelling already recorded is no change: the row is left alone and nothing is returned.
      setWhere: sql`not (${originalUrl}::text = any(${sources.originalUrls}))`,
    })
    // xmax is 0 on a freshly inserted row version and set on one written by the DO UPDATE branch.
    .returning({ ...getTableColumns(sources), inserted: sql<boolean>`(xmax = 0)` });
  if (!row) {
    const [known] = await tx.select().from(sources).where(eq(sources.canonicalUrl, canonicalUrl));
    if (!known) throw new Error(`source ${canonicalUrl} vanished during upsert`);
    return known;
  }
  const { inserted, ...source } = row;
  if (inserted) {
    await recordAudit(tx, actor, {
      action: "source.created",
      entityId: source.id,
      after: { url: source.url, canonicalUrl: source.canonicalUrl, originalUrls: source.originalUrls, type: source.type, publisherId: source.publisherId },
    });
  } else {
    await recordAudit(tx, actor, {
      action: "source.url_added",
      entityId: source.id,
      before: { originalUrls: source.originalUrls.slice(0, -1) },
      after: { originalUrls: source.originalUrls },
    });
  }
  return source;
}
