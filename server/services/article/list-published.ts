import { and, count, desc, eq, isNull } from "drizzle-orm";
import { articles, claims, publishers } from "@/db/schema";
import type { ServiceContext } from "../context";

/**
 * The public front page: published articles only, whoever asks, each with how many of its claims carry
 * a published verdict (so a verdict published or withdrawn shows on the home page too).
 */
export async function listPublishedArticles(ctx: ServiceContext) {
  const checked = ctx.db
    .select({ articleId: claims.articleId, checkedCount: count().as("checked_count") })
    .from(claims)
    .where(and(eq(claims.status, "published"), isNull(claims.deletedAt)))
    .groupBy(claims.articleId)
    .as("checked");
  const rows = await ctx.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      byline: articles.byline,
      publishedOn: articles.publishedOn,
      publisherName: publishers.name,
      checkedCount: checked.checkedCount,
    })
    .from(articles)
    .leftJoin(publishers, eq(publishers.id, articles.publisherId))
    .leftJoin(checked, eq(checked.articleId, articles.id))
    .where(eq(articles.status, "published"))
    .orderBy(desc(articles.publishedOn), desc(articles.id));
  return rows.map((row) => ({ ...row, checkedCount: Number(row.checkedCount ?? 0) }));
}
