import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import { articles } from "@/db/schema";
import type { Database } from "@/db/types";
import type { PublicCache } from "../services/context";
import { PUBLISHED_ARTICLES_TAG, readerTag } from "./public-cache-tags";

/**
 * A render that read the database just before the commit can finish just after it and store the old
 * state as fresh (the e2e suite caught a verdict hidden that way for the cache's hour). Expiring again a
 * little later throws such a late entry away; renders of these pages take well under a second. The first
 * repeat happens before the mutation answers, so the editor's next look, and a reader's, see the change;
 * the last one runs after the response.
 */
const BEFORE_ANSWER_MS = 300;
const AFTER_ANSWER_MS = 700;

/**
 * Expires (not merely marks stale) the cached public views of an article, so the very next reader
 * request renders the new state: "stale-while-revalidate" would show the old verdict once more.
 */
export function nextPublicCache(db: Database): PublicCache {
  return {
    async articleChanged(articleId) {
      const [article] = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, articleId));
      const tags = [PUBLISHED_ARTICLES_TAG, ...(article ? [readerTag(article.slug)] : [])];
      const expire = () => {
        tags.forEach((tag) => revalidateTag(tag, { expire: 0 }));
        // The copies scripts/serve.mjs keeps of finished reader pages (server/http/page-micro-cache.mjs).
        (globalThis as { __factdeskPublicPageCopies?: { clear(): void } }).__factdeskPublicPageCopies?.clear();
      };
      expire();
      await delay(BEFORE_ANSWER_MS);
      expire();
      after(async () => {
        await delay(AFTER_ANSWER_MS);
        expire();
      });
    },
  };
}
