import "server-only";
import { eq } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { articles } from "@/db/schema";
import type { Database } from "@/db/types";
import type { PublicCache } from "../services/context";
import { PUBLISHED_ARTICLES_TAG, readerTag } from "./public-cache-tags";

/**
 * Expires (not merely marks stale) the cached public views of an article, so the very next reader
 * request renders the new state: "stale-while-revalidate" would show the old verdict once more.
 */
export function nextPublicCache(db: Database): PublicCache {
  return {
    async articleChanged(articleId) {
      const [article] = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, articleId));
      if (article) revalidateTag(readerTag(article.slug), { expire: 0 });
      revalidateTag(PUBLISHED_ARTICLES_TAG, { expire: 0 });
    },
  };
}
