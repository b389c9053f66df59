import { stringify } from "csv-stringify/sync";
import { asc, eq, sql } from "drizzle-orm";
import { publishers, sources } from "@/db/schema";
import { assertCan } from "../../policy";
import { spreadsheetSafe } from "@/lib/sources/spreadsheet-safe";
import type { ServiceContext } from "../context";
import { sourceLink } from "./source-link";

// RFC 4180 through csv-stringify: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line
// break; text that a spreadsheet would run as a formula is exported as text (lib/sources/spreadsheet-safe.ts).
const toCsv = (columns: string[], rows: unknown[][]) =>
  stringify([columns, ...rows.map((row) => row.map((cell) => (typeof cell === "string" ? spreadsheetSafe(cell) : cell)))], { record_delimiter: "\r\n" });
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Every live source, one row each. The first columns are the ones the importer reads (url, title, type, …), so
 * an export imported again finds every row already there; the rest (publisher, claims, all addresses) are for reading.
 */
export async function exportSourcesCsv(ctx: ServiceContext) {
  assertCan(ctx.actor, "source.manage");
  const rows = await ctx.db
    .select({
      // The link as pasted, like everywhere people are shown a source (decision 0021); the importer files it by its canonical form.
      url: sourceLink, canonicalUrl: sources.canonicalUrl, title: sources.title, type: sources.type, publishedOn: sources.publishedOn, archivedUrl: sources.archivedUrl,
      linkStatus: sources.linkStatus, notes: sources.notes, id: sources.id, originalUrls: sources.originalUrls,
      publisherDomain: publishers.domain, publisherName: publishers.name, publisherRating: publishers.reliabilityRating,
      claims: sql<number>`(select count(distinct e.claim_id)::int from evidence e join claims c on c.id = e.claim_id where e.source_id = "sources"."id" and e.deleted_at is null and c.deleted_at is null)`,
    })
    .from(sources)
    .leftJoin(publishers, eq(publishers.id, sources.publisherId))
    .where(sql`${sources.mergedIntoId} is null`)
    .orderBy(asc(sources.id));
  const csv = toCsv(
    ["url", "title", "type", "published_on", "archived_url", "link_status", "notes", "id", "canonical_url", "original_urls", "publisher_domain", "publisher_name", "publisher_rating", "claims"],
    rows.map((r) => [r.url, r.title, r.type, r.publishedOn, r.archivedUrl, r.linkStatus, r.notes, r.id, r.canonicalUrl, r.originalUrls.join(" "), r.publisherDomain, r.publisherName, r.publisherRating, r.claims]),
  );
  return { filename: `factdesk-sources-${today()}.csv`, csv, rows: rows.length };
}

export async function exportPublishersCsv(ctx: ServiceContext) {
  assertCan(ctx.actor, "publisher.manage");
  const rows = await ctx.db
    .select({
      id: publishers.id, domain: publishers.domain, name: publishers.name, rating: publishers.reliabilityRating, rationale: publishers.reliabilityRationale, ratedOn: publishers.ratedOn,
      sources: sql<number>`(select count(*)::int from sources s where s.publisher_id = "publishers"."id" and s.merged_into_id is null)`,
    })
    .from(publishers)
    .orderBy(asc(publishers.id));
  const csv = toCsv(["id", "domain", "name", "reliability_rating", "reliability_rationale", "rated_on", "sources"], rows.map((r) => [r.id, r.domain, r.name, r.rating, r.rationale, r.ratedOn, r.sources]));
  return { filename: `factdesk-publishers-${today()}.csv`, csv, rows: rows.length };
}
