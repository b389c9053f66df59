import { setTimeout as delay } from "node:timers/promises";
import type { Database } from "@/db/types";
import type { PublicCache } from "../services/context";
import { appEdgePurge } from "./edge-purge";
import { isNextCacheTag } from "./public-cache-policy.mjs";
import { expiryKeysFor, notifyOtherInstances } from "./public-change";

/** The part of Next's incremental cache used here; Next keeps the instance on globalThis once it has served a page. */
interface IncrementalCache {
  revalidateTag(tags: string[], durations?: { expire?: number }): Promise<void>;
}

const LATE_RENDER_MS = 700; // as in next-public-cache.ts: a render that read the old state just before the commit

function expireEverywhere(db: Database, keys: string[]): Promise<void> {
  notifyOtherInstances(db, keys); // the job ran in one instance; the others hear it as they hear a request's expiry
  void appEdgePurge()(keys); // the edge cache in front, if any (best-effort, never throws)
  const holder = globalThis as { __incrementalCache?: IncrementalCache; __factdeskPublicPageCopies?: { expire(keys: string[]): void } };
  holder.__factdeskPublicPageCopies?.expire(keys);
  // No cache yet means no page has been rendered by this process, so there is nothing to expire.
  return holder.__incrementalCache?.revalidateTag(keys.filter(isNextCacheTag), { expire: 0 }) ?? Promise.resolve();
}

/**
 * The cache policy's expiry for work done outside a request (the job queue's captures and link checks): Next's
 * revalidateTag needs a request's store, so the incremental cache Next shares on globalThis (the one revalidateTag
 * itself ends up calling) is told directly, and the page copies of scripts/serve.mjs and the other instances are expired as for a request.
 */
export function backgroundPublicCache(db: Database): PublicCache {
  return {
    async changed(change) {
      const keys = await expiryKeysFor(db, change);
      if (keys.length === 0) return;
      await expireEverywhere(db, keys);
      await delay(LATE_RENDER_MS);
      await expireEverywhere(db, keys);
    },
  };
}
