import { and, asc, eq, isNull, ne, or } from "drizzle-orm";
import { articles, claims } from "@/db/schema";
import { assertCan, mayApproveOwnVerdicts } from "../../policy";
import type { ServiceContext } from "../context";

/** Each list shows its oldest rows first, at most this many: the queue is a to-do list, not an archive. */
export const QUEUE_LIMIT = 100;

/** "My queue": unpublished claims assigned to me, and verdicts in review that I may approve (not my own). */
export async function getMyQueue(ctx: ServiceContext) {
  assertCan(ctx.actor, "claim.read");
  if (ctx.actor.kind !== "user") return { assigned: [], toReview: [] };
  const me = ctx.actor.id;
  const columns = {
    id: claims.id,
    exact: claims.quoteExact,
    status: claims.status,
    verdict: claims.verdict,
    articleId: articles.id,
    articleTitle: articles.title,
    updatedAt: claims.updatedAt,
  };
  const live = isNull(claims.deletedAt);
  const [assigned, toReview] = await Promise.all([
    ctx.db
      .select(columns)
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(and(live, eq(claims.assigneeId, me), ne(claims.status, "published")))
      .orderBy(asc(claims.updatedAt), asc(claims.id))
      .limit(QUEUE_LIMIT),
    ctx.db
      .select(columns)
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(and(live, eq(claims.status, "in_review"), mayApproveOwnVerdicts(ctx.actor) ? undefined : or(isNull(claims.verdictSetBy), ne(claims.verdictSetBy, me))))
      .orderBy(asc(claims.updatedAt), asc(claims.id))
      .limit(QUEUE_LIMIT),
  ]);
  return { assigned, toReview };
}
