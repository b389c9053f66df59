import { and, asc, desc, eq, inArray, isNull, ne, notInArray, or } from "drizzle-orm";
import { articles, auditEvents, claims, users } from "@/db/schema";
import type { Database } from "@/db/types";
import { assertCan, mayApproveOwnVerdicts } from "../../policy";
import type { ServiceContext } from "../context";

/** The audit actions that move a claim in or out of review: the newest one says whether it was sent back. */
const REVIEW_MOVES = ["claim.status_changed", "claim.approved", "claim.rejected"] as const;

/**
 * Claims in progress whose last review move was a rejection, with the reviewer's comment: the verdict's
 * author and the assignee see them until they send the claim to review again.
 */
async function returnedTo(db: Database, me: number, columns: typeof queueColumns) {
  const mine = await db
    .select(columns)
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(isNull(claims.deletedAt), eq(claims.status, "in_progress"), or(eq(claims.verdictSetBy, me), eq(claims.assigneeId, me))));
  if (mine.length === 0) return [];
  const lastMoves = await db
    .selectDistinctOn([auditEvents.claimId], {
      claimId: auditEvents.claimId,
      action: auditEvents.action,
      after: auditEvents.after,
      at: auditEvents.createdAt,
      reviewerName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(inArray(auditEvents.claimId, mine.map((c) => c.id)), inArray(auditEvents.action, REVIEW_MOVES)))
    .orderBy(auditEvents.claimId, desc(auditEvents.id));
  const rejections = new Map(lastMoves.filter((m) => m.action === "claim.rejected").map((m) => [m.claimId, m]));
  return mine
    .flatMap((claim) => {
      const rejection = rejections.get(claim.id);
      if (!rejection) return [];
      const comment = (rejection.after as { comment?: unknown } | null)?.comment;
      return [{ ...claim, returnedAt: rejection.at, reviewerName: rejection.reviewerName, comment: typeof comment === "string" ? comment : null }];
    })
    .sort((a, b) => b.returnedAt.getTime() - a.returnedAt.getTime());
}

const queueColumns = {
  id: claims.id,
  exact: claims.quoteExact,
  status: claims.status,
  verdict: claims.verdict,
  articleId: articles.id,
  articleTitle: articles.title,
  updatedAt: claims.updatedAt,
};

/**
 * "My queue": claims a reviewer returned to me (newest first, with the comment), the other unpublished
 * claims assigned to me, and verdicts in review that I may approve (not my own).
 */
export async function getMyQueue(ctx: ServiceContext) {
  assertCan(ctx.actor, "claim.read");
  if (ctx.actor.kind !== "user") return { returned: [], assigned: [], toReview: [] };
  const me = ctx.actor.id;
  const live = isNull(claims.deletedAt);
  const returned = await returnedTo(ctx.db, me, queueColumns);
  const returnedIds = returned.map((c) => c.id);
  const [assigned, toReview] = await Promise.all([
    ctx.db
      .select(queueColumns)
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(and(live, eq(claims.assigneeId, me), ne(claims.status, "published"), returnedIds.length > 0 ? notInArray(claims.id, returnedIds) : undefined))
      .orderBy(asc(claims.updatedAt)),
    ctx.db
      .select(queueColumns)
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(and(live, eq(claims.status, "in_review"), mayApproveOwnVerdicts(ctx.actor) ? undefined : or(isNull(claims.verdictSetBy), ne(claims.verdictSetBy, me))))
      .orderBy(asc(claims.updatedAt)),
  ]);
  return { returned, assigned, toReview };
}
