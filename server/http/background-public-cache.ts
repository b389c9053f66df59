import { setTimeout as delay } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { articles } from "@/db/schema";
import type { Database } from "@/db/types";
import type { PublicCache } from "../services/context";
import { appEdgePurge } from "./edge-purge";
import { PUBLISHED_ARTICLES_TAG, articleTag } from "./public-cache-policy.mjs";

/** The part of Next's incremental cache used here; Next keeps the instance on globalThis once it has served a page. */
interface IncrementalCache {
  revalidateTag(tags: string[], durations?: { expire?: number }): Promise<void>;
}

const LATE_RENDER_MS = 700; // as in next-public-cache.ts: a render that read the old state just before the commit

function expireInProcess(tags: string[]): Promise<void> {
  void appEdgePurge()(tags); // the edge cache in front, if any (best-effort, never throws)
  const holder = globalThis as { __incrementalCache?: IncrementalCache; __factdeskPublicPageCopies?: { clear(): void } };
  holder.__factdeskPublicPageCopies?.clear();
  // No cache yet means no page has been rendered by this process, so there is nothing to expire.
  return holder.__incrementalCache?.revalidateTag(tags, { expire: 0 }) ?? Promise.resolve();
}

/**
 * The cache policy's expiry for work done outside a request (the job queue's link checks): Next's revalidateTag
 * needs a request's store, so the incremental cache Next shares on globalThis (the one revalidateTag itself ends
 * up calling) is told directly, and the page copies of scripts/serve.mjs are cleared as for a request.
 */
export function backgroundPublicCache(db: Database): PublicCache {
  return {
    async articleChanged(articleId) {
      const [article] = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, articleId));
      const tags = [PUBLISHED_ARTICLES_TAG, ...(article ? [articleTag(article.slug)] : [])];
      await expireInProcess(tags);
      await delay(LATE_RENDER_MS);
      await expireInProcess(tags);
    },
  };
}
