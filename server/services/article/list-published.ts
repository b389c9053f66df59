import { desc, eq } from "drizzle-orm";
import { articles, publishers } from "@/db/schema";
import type { ServiceContext } from "../context";

/** The public front page: published articles only, whoever asks. */
export async function listPublishedArticles(ctx: ServiceContext) {
  return ctx.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      byline: articles.byline,
      publishedOn: articles.publishedOn,
      publisherName: publishers.name,
    })
    .from(articles)
    .leftJoin(publishers, eq(publishers.id, articles.publisherId))
    .where(eq(articles.status, "published"))
    .orderBy(desc(articles.publishedOn), desc(articles.id));
}
