import { and, asc, eq, ilike, inArray, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { publishers, sources } from "@/db/schema";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

export const searchSourcesInput = z.object({ query: z.string().trim().min(1, "Type part of a title, URL or publisher.").max(200) });

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Registry search by title, URL or publisher; merged duplicates are hidden behind their survivor. */
export async function searchSources(ctx: ServiceContext, rawInput: z.input<typeof searchSourcesInput>) {
  assertCan(ctx.actor, "source.search");
  const pattern = likePattern(searchSourcesInput.parse(rawInput).query);
  // Candidates from the trigram indexes (title, URL) and the publishers whose name matches, as one union: an OR
  // across the joined publishers table would make PostgreSQL read every source (tests/integration/query-plans.test.ts).
  const matching = ctx.db
    .select({ id: sources.id })
    .from(sources)
    .where(or(ilike(sources.title, pattern), ilike(sources.canonicalUrl, pattern)))
    .union(ctx.db.select({ id: sources.id }).from(sources).innerJoin(publishers, eq(publishers.id, sources.publisherId)).where(ilike(publishers.name, pattern)));
  return ctx.db
    .select({
      id: sources.id,
      url: sources.canonicalUrl,
      title: sources.title,
      type: sources.type,
      publisherName: publishers.name,
      publisherRating: publishers.reliabilityRating,
    })
    .from(sources)
    .leftJoin(publishers, eq(publishers.id, sources.publisherId))
    .where(and(isNull(sources.mergedIntoId), inArray(sources.id, matching)))
    .orderBy(asc(sources.title), asc(sources.id))
    .limit(20);
}
