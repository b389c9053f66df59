import { and, asc, eq, ilike, isNull, or } from "drizzle-orm";
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
    .where(and(isNull(sources.mergedIntoId), or(ilike(sources.title, pattern), ilike(sources.canonicalUrl, pattern), ilike(publishers.name, pattern))))
    .orderBy(asc(sources.title), asc(sources.id))
    .limit(20);
}
