import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import { articles } from "@/db/schema";
import type { Database } from "@/db/types";
import type { PublicCache } from "../services/context";
import { appEdgePurge } from "./edge-purge";
import { EXPIRY_CHANNEL, expiryPayload } from "./expiry-channel.mjs";
import { PUBLISHED_ARTICLES_TAG, articleTag } from "./public-cache-policy.mjs";

/**
 * A render that read the database just before the commit can finish just after it and store the old
 * state as fresh (the e2e suite caught a verdict hidden that way for the cache's hour). Expiring again a
 * little later throws such a late entry away; renders of these pages take well under a second. The first
 * repeat happens before the mutation answers, so the editor's next look, and a reader's, see the change;
 * the last one runs after the response, well inside the policy's 2 s (docs/caching.md).
 */
const BEFORE_ANSWER_MS = 300;
const AFTER_ANSWER_MS = 700;

/** What one expiry reaches: the copies inside this process, then every other instance's (expiry-channel.mjs). */
interface ExpiryTarget {
  expire(article: { tags: string[] }): void;
}

const IN_PROCESS: ExpiryTarget[] = [
  // Next's data and full-route caches. Expired, not merely marked stale: "stale-while-revalidate" would
  // show the old verdict once more.
  { expire: ({ tags }) => tags.forEach((tag) => revalidateTag(tag, { expire: 0 })) },
  // The copies scripts/serve.mjs keeps of finished reader pages (server/http/page-micro-cache.mjs).
  { expire: () => (globalThis as { __factdeskPublicPageCopies?: { clear(): void } }).__factdeskPublicPageCopies?.clear() },
];

/**
 * The app's side of the cache policy (server/http/public-cache-policy.mjs): after a change to what readers
 * see of an article, every copy the app keeps of its public outputs is expired, so the next request for
 * any of them (browsers revalidate every time) gets the new state.
 */
export function nextPublicCache(db: Database): PublicCache {
  return {
    async articleChanged(articleId) {
      const [article] = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, articleId));
      const tags = [PUBLISHED_ARTICLES_TAG, ...(article ? [articleTag(article.slug)] : [])];
      const expire = () => {
        IN_PROCESS.forEach((target) => target.expire({ tags }));
        // The other instances on this database expire theirs when PostgreSQL delivers this (scripts/serve.mjs listens).
        // Not awaited: a failed notification must not fail the change that was committed; each repeat sends it again.
        db.execute(sql`select pg_notify(${EXPIRY_CHANNEL}, ${expiryPayload(tags)})`).catch((error: unknown) => console.error("Could not notify other instances of a cache expiry:", error));
        // The edge cache in front, if any: its keys are these tags (public-cache-policy.mjs). Best-effort, never
        // throws; each repeat purges again, throwing away a copy an instance that had not yet heard served it.
        void appEdgePurge()(tags);
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
