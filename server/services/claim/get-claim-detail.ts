import { and, asc, eq, isNull } from "drizzle-orm";
import { claimEvents, claims, evidence, publishers, sources, users } from "@/db/schema";
import { NotFoundError } from "../../errors";
import { assertCan, reviewRefusal } from "../../policy";
import type { ServiceContext } from "../context";

/** One claim for the workspace panel: its evidence (with each publisher's reliability) and full history. */
export async function getClaimDetail(ctx: ServiceContext, claimId: number) {
  assertCan(ctx.actor, "claim.read");
  const [claim] = await ctx.db.select().from(claims).where(and(eq(claims.id, claimId), isNull(claims.deletedAt)));
  if (!claim) throw new NotFoundError("That claim");
  const [links, history] = await Promise.all([
    ctx.db
      .select({
        id: evidence.id,
        version: evidence.version,
        stance: evidence.stance,
        excerpt: evidence.excerpt,
        locator: evidence.locator,
        note: evidence.note,
        sourceId: sources.id,
        sourceUrl: sources.canonicalUrl,
        sourceTitle: sources.title,
        sourceType: sources.type,
        archivedUrl: sources.archivedUrl,
        publisherName: publishers.name,
        publisherRating: publishers.reliabilityRating,
      })
      .from(evidence)
      .innerJoin(sources, eq(sources.id, evidence.sourceId))
      .leftJoin(publishers, eq(publishers.id, sources.publisherId))
      .where(and(eq(evidence.claimId, claimId), isNull(evidence.deletedAt)))
      .orderBy(asc(evidence.id)),
    ctx.db
      .select({ id: claimEvents.id, action: claimEvents.action, before: claimEvents.before, after: claimEvents.after, at: claimEvents.createdAt, actorName: users.name })
      .from(claimEvents)
      .leftJoin(users, eq(users.id, claimEvents.actorId))
      .where(eq(claimEvents.claimId, claimId))
      .orderBy(asc(claimEvents.id)),
  ]);
  return { claim, evidence: links, history, reviewRefusal: claim.status === "in_review" ? reviewRefusal(ctx.actor, claim) : null };
}
