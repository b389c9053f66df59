import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { articles, claims, publishers } from "@/db/schema";
import type { ServiceContext } from "../context";

/** Articles on the front page: the newest; a newsroom's archive (tens of thousands) is reached through search. */
export const HOME_PAGE_SIZE = 100;

/**
 * The public front page: the newest published articles, whoever asks, each with how many of its claims carry
 * a published verdict (so a verdict published or withdrawn shows on the home page too). Counted per article
 * shown (index lookups), never over every claim: with 100,000 articles the whole list was 17 MB.
 */
export async function listPublishedArticles(ctx: ServiceContext) {
  const checkedCount = sql<number>`(select count(*)::int from ${claims} where ${claims.articleId} = ${articles.id} and ${and(eq(claims.status, "published"), isNull(claims.deletedAt))})`;
  return ctx.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      byline: articles.byline,
      publishedOn: articles.publishedOn,
      publisherName: publishers.name,
      checkedCount,
    })
    .from(articles)
    .leftJoin(publishers, eq(publishers.id, articles.publisherId))
    .where(eq(articles.status, "published"))
    .orderBy(desc(articles.publishedOn), desc(articles.id))
    .limit(HOME_PAGE_SIZE);
}
