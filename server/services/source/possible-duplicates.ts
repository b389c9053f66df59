import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { publishers, sources } from "@/db/schema";
import { canonicalizeUrl, InvalidUrlError, canonicalizeSource } from "@/lib/url/canonicalize";
import { InvalidInputError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { idInput } from "../ids";

const GROUP_LIMIT = 50;

export const checkSourceUrlInput = z.object({ url: z.string().trim().min(1, "Type an address.").max(2048), sourceId: idInput.optional() });

/**
 * What an address becomes and which live source already has it: the edit form asks before saving, so the admin
 * is offered the existing source (and a merge) instead of a refusal.
 */
export async function checkSourceUrl(ctx: ServiceContext, rawInput: z.input<typeof checkSourceUrlInput>) {
  assertCan(ctx.actor, "source.manage");
  const input = checkSourceUrlInput.parse(rawInput);
  let canonicalUrl: string;
  try {
    canonicalUrl = canonicalizeSource(input.url).url;
  } catch (error) {
    if (error instanceof InvalidUrlError) throw new InvalidInputError(`URL: ${error.message}`);
    throw error;
  }
  const [existing] = await ctx.db
    .select({ id: sources.id, title: sources.title, canonicalUrl: sources.canonicalUrl, mergedIntoId: sources.mergedIntoId })
    .from(sources)
    .where(and(eq(sources.canonicalUrl, canonicalUrl), input.sourceId ? ne(sources.id, input.sourceId) : undefined));
  return { canonicalUrl, existing: existing ?? null };
}

/**
 * Groups of live sources that are probably one source: the same canonical URL under today's rules (rows stored
 * before a rule changed keep their old form), or the same title from the same publisher.
 */
export async function listPossibleDuplicates(ctx: ServiceContext) {
  assertCan(ctx.actor, "source.manage");
  const live = await ctx.db.select({ id: sources.id, url: sources.canonicalUrl }).from(sources).where(isNull(sources.mergedIntoId));
  const byUrl = new Map<string, number[]>();
  for (const row of live) {
    let key: string;
    try {
      key = canonicalizeUrl(row.url);
    } catch {
      continue; // Refused under today's rules: an admin fixes its address by hand, it has no twin to find.
    }
    byUrl.set(key, [...(byUrl.get(key) ?? []), row.id]);
  }
  const groups: Array<{ reason: "same_url" | "same_title"; key: string; ids: number[] }> = [];
  for (const [key, ids] of byUrl) if (ids.length > 1) groups.push({ reason: "same_url", key, ids });

  const titled = await ctx.db
    .select({ key: sql<string>`min(${sources.title})`, ids: sql<number[]>`array_agg(${sources.id} order by ${sources.id})` })
    .from(sources)
    .where(and(isNull(sources.mergedIntoId), sql`${sources.title} is not null`, sql`${sources.publisherId} is not null`))
    .groupBy(sql`lower(btrim(${sources.title}))`, sources.publisherId)
    .having(sql`count(*) > 1`)
    .limit(GROUP_LIMIT);
  for (const row of titled) {
    const ids = row.ids.map(Number);
    if (!groups.some((group) => group.ids.length === ids.length && group.ids.every((id) => ids.includes(id)))) groups.push({ reason: "same_title", key: row.key, ids });
  }
  const shown = groups.slice(0, GROUP_LIMIT);
  const ids = shown.flatMap((group) => group.ids);
  const details = ids.length
    ? await ctx.db
        .select({
          id: sources.id, title: sources.title, canonicalUrl: sources.canonicalUrl, publisherName: publishers.name,
          citingClaims: sql<number>`(select count(distinct e.claim_id)::int from evidence e where e.source_id = "sources"."id" and e.deleted_at is null)`,
        })
        .from(sources)
        .leftJoin(publishers, eq(publishers.id, sources.publisherId))
        .where(inArray(sources.id, ids))
    : [];
  const byId = new Map(details.map((row) => [row.id, row]));
  return shown.map((group) => ({ reason: group.reason, key: group.key, sources: group.ids.map((id) => byId.get(id)).filter((row) => row !== undefined) }));
}
