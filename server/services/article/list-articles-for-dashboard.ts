import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { articles, claims, publishers } from "@/db/schema";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

/** Every article, drafts included, with its live claim counts per workflow status. */
export async function listArticlesForDashboard(ctx: ServiceContext) {
  assertCan(ctx.actor, "article.listAll");
  const countWhere = (status: string) => sql<number>`count(${claims.id}) filter (where ${claims.status} = ${status})::int`;
  return ctx.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      publishedOn: articles.publishedOn,
      updatedAt: articles.updatedAt,
      publisherName: publishers.name,
      claimCount: sql<number>`count(${claims.id})::int`,
      uncheckedCount: countWhere("unchecked"),
      inProgressCount: countWhere("in_progress"),
      inReviewCount: countWhere("in_review"),
      publishedCount: countWhere("published"),
    })
    .from(articles)
    .leftJoin(publishers, eq(publishers.id, articles.publisherId))
    .leftJoin(claims, and(eq(claims.articleId, articles.id), isNull(claims.deletedAt)))
    .groupBy(articles.id, publishers.name)
    .orderBy(desc(articles.updatedAt), desc(articles.id));
}
