import { asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import { publisherRatings, publishers, users } from "@/db/schema";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { idInput } from "../ids";

export const listPublishersInput = z.object({ query: z.string().trim().max(200).optional() }).optional();
export const publisherHistoryInput = z.object({ publisherId: idInput });

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every publisher with its current rating and how many live sources it has, by name. */
export async function listPublishers(ctx: ServiceContext, rawInput: z.input<typeof listPublishersInput>) {
  assertCan(ctx.actor, "publisher.manage");
  const query = listPublishersInput.parse(rawInput)?.query;
  return ctx.db
    .select({
      id: publishers.id,
      domain: publishers.domain,
      name: publishers.name,
      reliabilityRating: publishers.reliabilityRating,
      reliabilityRationale: publishers.reliabilityRationale,
      ratedOn: publishers.ratedOn,
      sourceCount: sql<number>`(select count(*)::int from sources s where s.publisher_id = "publishers"."id" and s.merged_into_id is null)`,
    })
    .from(publishers)
    .where(query ? or(ilike(publishers.name, likePattern(query)), ilike(publishers.domain, likePattern(query))) : undefined)
    .orderBy(asc(sql`lower(${publishers.name})`), asc(publishers.id))
    .limit(500);
}

/** A publisher's ratings, newest first, with who rated. */
export async function getPublisherHistory(ctx: ServiceContext, rawInput: z.input<typeof publisherHistoryInput>) {
  assertCan(ctx.actor, "publisher.manage");
  const { publisherId } = publisherHistoryInput.parse(rawInput);
  return ctx.db
    .select({
      id: publisherRatings.id,
      rating: publisherRatings.rating,
      rationale: publisherRatings.rationale,
      ratedOn: publisherRatings.ratedOn,
      ratedBy: users.name,
      recordedAt: publisherRatings.createdAt,
    })
    .from(publisherRatings)
    .leftJoin(users, eq(users.id, publisherRatings.ratedBy))
    .where(eq(publisherRatings.publisherId, publisherId))
    .orderBy(desc(publisherRatings.id));
}
