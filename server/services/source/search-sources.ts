import { and, asc, eq, ilike, isNull, or, sql } from "drizzle-orm";
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
  const matches = or(
    ilike(sources.title, pattern),
    ilike(sources.canonicalUrl, pattern),
    ilike(sources.url, pattern),
    ilike(publishers.name, pattern),
    ...(reusedId === null ? [] : [eq(sources.id, reusedId)]),
  );
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
