import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { articleRevisions, articles, claims, evidence, users } from "@/db/schema";
import { NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

const assignee = alias(users, "assignee");

/** The editor workspace: the article's current text and its live claims in text order. */
export async function getWorkspace(ctx: ServiceContext, articleId: number) {
  assertCan(ctx.actor, "claim.read");
  const [article] = await ctx.db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, status: articles.status, version: articles.version, revisionId: articleRevisions.id, body: articleRevisions.body })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId));
  if (!article) throw new NotFoundError("That article");
  // Counted per claim (an index lookup each), not grouped over the whole evidence table first.
  const evidenceCount = sql<number>`(select count(*)::int from ${evidence} where ${evidence.claimId} = ${claims.id} and ${evidence.deletedAt} is null)`;
  const rows = await ctx.db
    .select({
      id: claims.id,
      revisionId: claims.revisionId,
      start: claims.positionStart,
      end: claims.positionEnd,
      exact: claims.quoteExact,
      kind: claims.kind,
      speaker: claims.speaker,
      summary: claims.summary,
      status: claims.status,
      verdict: claims.verdict,
      rationale: claims.rationale,
      verdictSetBy: claims.verdictSetBy,
      anchorState: claims.anchorState,
      assigneeId: claims.assigneeId,
      assigneeName: assignee.name,
      version: claims.version,
      updatedAt: claims.updatedAt,
      evidenceCount,
    })
    .from(claims)
    .leftJoin(assignee, eq(assignee.id, claims.assigneeId))
    .where(and(eq(claims.articleId, articleId), isNull(claims.deletedAt)))
    .orderBy(asc(claims.positionStart), asc(claims.positionEnd), asc(claims.id));
  return { article, claims: rows };
}
