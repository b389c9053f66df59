import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import type { Database } from "@/db/types";
import type { PublicCache } from "../services/context";
import { appEdgePurge } from "./edge-purge";
import { isNextCacheTag } from "./public-cache-policy.mjs";
import { expiryKeysFor, notifyOtherInstances } from "./public-change";

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
  expire(keys: string[]): void;
}

const IN_PROCESS: ExpiryTarget[] = [
  // Next's data and full-route caches. Expired, not merely marked stale: "stale-while-revalidate" would
  // show the old verdict once more.
  { expire: (keys) => keys.filter(isNextCacheTag).forEach((tag) => revalidateTag(tag, { expire: 0 })) },
  // The copies scripts/serve.mjs keeps of finished public outputs (server/http/page-micro-cache.mjs).
  { expire: (keys) => (globalThis as { __factdeskPublicPageCopies?: { expire(keys: string[]): void } }).__factdeskPublicPageCopies?.expire(keys) },
];

/**
 * The app's side of the cache policy (server/http/public-cache-policy.mjs): after a change to what readers
 * see, every copy of the public outputs showing it is expired, so the next request for any of them (browsers
 * revalidate every time) gets the new state.
 */
export function nextPublicCache(db: Database): PublicCache {
  return {
    async changed(change) {
      const keys = await expiryKeysFor(db, change);
      if (keys.length === 0) return;
      const expire = () => {
        IN_PROCESS.forEach((target) => target.expire(keys));
        notifyOtherInstances(db, keys);
        // The edge cache in front, if any. Best-effort, never throws; each repeat purges again, throwing away a copy an
        // instance that had not yet heard served it.
        void appEdgePurge()(keys);
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
