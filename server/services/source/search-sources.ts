import { and, asc, eq, ilike, inArray, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { publishers, sources } from "@/db/schema";
import type { Database } from "@/db/types";
import { canonicalizeUrl, InvalidUrlError } from "@/lib/url/canonicalize";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { sourceLink } from "./source-link";

export const searchSourcesInput = z.object({ query: z.string().trim().min(1, "Type part of a title, URL or publisher.").max(200) });

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** In nearly every registry link: no use for narrowing a search down. */
const URL_WORDS = new Set(["http", "https", "www"]);

/**
 * The query's two longest words (letters and digits, three or more: what a trigram index can look up). Every
 * match contains the whole query, so it contains these; asking the index for them instead of the whole query
 * spares it the entries of every common trigram in a long title ("in", "on", "the"), which it would otherwise
 * read and intersect (README "Running at scale").
 */
function lookupWords(query: string): string[] {
  const words = (query.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 3 && !URL_WORDS.has(word.toLowerCase()));
  return words.sort((a, b) => b.length - a.length).slice(0, 2);
}

/**
 * `field` contains the query (ILIKE `pattern`): looked up in the field's trigram index by the lookup words, then
 * checked in full on those rows as lower(..) LIKE lower(..), which is what ILIKE does and which the index does
 * not answer, so it is not asked for every trigram of the query. Without lookup words, plain ILIKE.
 */
function contains(field: SQL | AnyColumn, pattern: string, words: readonly string[]): SQL | undefined {
  if (words.length === 0) return ilike(field, pattern);
  return and(...words.map((word) => ilike(field, `%${word}%`)), sql`lower(${field}) like lower(${pattern})`);
}

/** The registry key a pasted link would be filed under, or null when the query is words (or a link we refuse). */
function pastedCanonical(query: string): string | null {
  if (!/^https?:\/\//i.test(query)) return null;
  try {
    return canonicalizeUrl(query);
  } catch (error) {
    if (error instanceof InvalidUrlError) return null;
    throw error;
  }
}

/** The source attaching this canonical URL would reuse: the row itself, or the survivor it was merged into. */
async function sourceReusedFor(db: Database, canonicalUrl: string): Promise<number | null> {
  const [row] = await db
    .select({ id: sql<number>`coalesce(${sources.mergedIntoId}, ${sources.id})` })
    .from(sources)
    .where(eq(sources.canonicalUrl, canonicalUrl));
  return row?.id ?? null;
}

/**
 * Registry search by title, URL or publisher; merged duplicates are hidden behind their survivor. A pasted link
 * is also looked up by its canonical form, the way attaching it would be: that source comes first, marked
 * `reused`, so the form can say truthfully that attaching the link reuses it.
 */
export async function searchSources(ctx: ServiceContext, rawInput: z.input<typeof searchSourcesInput>) {
  assertCan(ctx.actor, "source.search");
  const { query } = searchSourcesInput.parse(rawInput);
  const pattern = likePattern(query);
  const canonical = pastedCanonical(query);
  const reusedId = canonical ? await sourceReusedFor(ctx.db, canonical) : null;
  const words = lookupWords(query);
  // Candidates from the trigram indexes (title, URLs) and the publishers whose name matches, as one union: an OR
  // across the joined publishers table would make PostgreSQL read every source (tests/integration/query-plans.test.ts).
  // A canonical URL is percent-encoded (lib/url/canonicalize.ts), so a query with a space is never in one.
  const matching = ctx.db
    .select({ id: sources.id })
    .from(sources)
    .where(
      or(
        contains(sources.title, pattern, words),
        /\s/.test(query) ? undefined : contains(sources.canonicalUrl, pattern, words),
        contains(sources.url, pattern, words),
      ),
    )
    .union(ctx.db.select({ id: sources.id }).from(sources).innerJoin(publishers, eq(publishers.id, sources.publisherId)).where(ilike(publishers.name, pattern)));
  const matches = reusedId === null ? inArray(sources.id, matching) : or(inArray(sources.id, matching), eq(sources.id, reusedId));
  const reused = reusedId === null ? sql<boolean>`false` : sql<boolean>`(${sources.id} = ${reusedId})`;
  return ctx.db
    .select({
      id: sources.id,
      url: sourceLink,
      title: sources.title,
      type: sources.type,
      publisherName: publishers.name,
      publisherRating: publishers.reliabilityRating,
      reused,
    })
    .from(sources)
    .leftJoin(publishers, eq(publishers.id, sources.publisherId))
    .where(and(isNull(sources.mergedIntoId), matches))
    .orderBy(...(reusedId === null ? [] : [sql`${reused} desc`]), asc(sources.title), asc(sources.id))
    .limit(20);
}
