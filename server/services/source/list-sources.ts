import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { publishers, sources } from "@/db/schema";
import { LINK_STATUSES, RELIABILITY_RATINGS, SOURCE_TYPES } from "@/lib/sources/vocabulary";
import { decodeCursor, encodeCursor, type Cursor } from "@/lib/sources/registry-cursor";
import { InvalidInputError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

export const SOURCE_SORTS = ["newest", "title", "most_cited"] as const;

export const listSourcesInput = z.object({
  query: z.string().trim().max(200).optional(),
  type: z.enum(SOURCE_TYPES).optional(),
  rating: z.enum(RELIABILITY_RATINGS).optional(),
  linkStatus: z.enum(LINK_STATUSES).optional(),
  unused: z.boolean().optional(),
  sort: z.enum(SOURCE_SORTS).default("newest"),
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

// Claims citing the source through live evidence on live claims: what "used" means in the registry.
const citingClaims = sql<number>`(
  select count(distinct e.claim_id)::int from evidence e join claims c on c.id = e.claim_id
  where e.source_id = ${sources.id} and e.deleted_at is null and c.deleted_at is null
)`;
const sortTitle = sql<string>`lower(coalesce(${sources.title}, ''))`;

/**
 * The admin registry: full-text search over title and notes (and the publisher's name), trigram match on
 * the URL (both indexed, migration source_search_indexes), filters, and keyset pagination: the cursor is
 * the last row's sort key and id, so a page never skips or repeats rows the way OFFSET does under writes.
 */
export async function listSources(ctx: ServiceContext, rawInput: z.input<typeof listSourcesInput>) {
  assertCan(ctx.actor, "source.manage");
  const input = listSourcesInput.parse(rawInput);
  const conditions: SQL[] = [isNull(sources.mergedIntoId)];
  const query = input.query?.trim();
  if (query) {
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(
      to_tsvector('simple', coalesce(${sources.title}, '') || ' ' || coalesce(${sources.notes}, '')) @@ websearch_to_tsquery('simple', ${query})
      or to_tsvector('simple', coalesce(${publishers.name}, '') || ' ' || coalesce(${publishers.domain}, '')) @@ websearch_to_tsquery('simple', ${query})
      or ${sources.canonicalUrl} ilike ${pattern}
      or ${sources.canonicalUrl} % ${query}
    )`);
  }
  if (input.type) conditions.push(eq(sources.type, input.type));
  if (input.linkStatus) conditions.push(eq(sources.linkStatus, input.linkStatus));
  if (input.rating) conditions.push(input.rating === "unrated" ? sql`coalesce(${publishers.reliabilityRating}, 'unrated') = 'unrated'` : eq(publishers.reliabilityRating, input.rating));
  if (input.unused) conditions.push(sql`${citingClaims} = 0`);

  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  if (input.cursor && !cursor) throw new InvalidInputError("That page link is no longer valid. Start from the first page.");
  if (cursor) conditions.push(afterCursor(input.sort, cursor));

  const order =
    input.sort === "title" ? [sql`${sortTitle} asc`, sql`${sources.id} asc`]
    : input.sort === "most_cited" ? [sql`${citingClaims} desc`, desc(sources.id)]
    : [desc(sources.createdAt), desc(sources.id)];

  const rows = await ctx.db
    .select({
      id: sources.id,
      canonicalUrl: sources.canonicalUrl,
      originalUrls: sources.originalUrls,
      title: sources.title,
      type: sources.type,
      publishedOn: sources.publishedOn,
      archivedUrl: sources.archivedUrl,
      linkStatus: sources.linkStatus,
      notes: sources.notes,
      createdAt: sources.createdAt,
      publisherId: sources.publisherId,
      publisherName: publishers.name,
      publisherDomain: publishers.domain,
      publisherRating: publishers.reliabilityRating,
      citingClaims,
      sortTitle,
      // As text: a JavaScript Date drops PostgreSQL's microseconds, and a cursor off by them skips rows.
      createdKey: sql<string>`${sources.createdAt}::text`,
    })
    .from(sources)
    .leftJoin(publishers, eq(publishers.id, sources.publisherId))
    .where(and(...conditions))
    .orderBy(...order)
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({ key: input.sort === "title" ? last.sortTitle : input.sort === "most_cited" ? last.citingClaims : last.createdKey, id: last.id })
      : null;
  return { items: page.map(({ sortTitle: _title, createdKey: _created, ...row }) => row), nextCursor };
}

function afterCursor(sort: (typeof SOURCE_SORTS)[number], cursor: Cursor): SQL {
  if (sort === "title") return sql`(${sortTitle}, ${sources.id}) > (${String(cursor.key)}, ${cursor.id})`;
  if (sort === "most_cited") return sql`(${citingClaims}, ${sources.id}) < (${Number(cursor.key)}, ${cursor.id})`;
  return sql`(${sources.createdAt}, ${sources.id}) < (${String(cursor.key)}::timestamptz, ${cursor.id})`;
}
