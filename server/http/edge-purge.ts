import { serverEnv } from "../env.mjs";
import { edgePurgeFetcher, type Fetcher } from "../fetch";

/** The request header the VCL reads the keys from (deploy/varnish/default.vcl), space-separated as xkey splits them. */
export const PURGE_KEYS_HEADER = "xkey-purge";

export type EdgePurge = (keys: string[]) => Promise<void>;

/**
 * Purges the edge cache in front (Varnish with xkey, deploy/varnish; docs/caching.md "At the edge") of every output
 * filed under these keys: the same words as the Next cache tags an expiry names (public-cache-policy.mjs,
 * surrogateKeysFor). Best-effort: the change is committed already, so a failed purge is logged, never thrown (the
 * edge's copy then lives until its s-maxage, the app's safety net); purging twice removes nothing more, so the
 * expiry's repeats may send it again. A no-op without FACTDESK_EDGE_PURGE_URL.
 */
export function edgePurge(purgeUrl: string | undefined, fetcher: Fetcher | null = edgePurgeFetcher(purgeUrl)): EdgePurge {
  return async (keys) => {
    if (!purgeUrl || !fetcher || keys.length === 0) return;
    try {
      const answer = await fetcher(purgeUrl, {
        method: "PURGE",
        accept: ["*/*"],
        headers: { [PURGE_KEYS_HEADER]: keys.join(" ") },
        maxRedirects: 0,
        connectTimeoutMs: 2_000,
        totalTimeoutMs: 5_000,
        maxBytes: 64 * 1024,
      });
      if (answer.status !== 200) console.error(`The edge cache refused the purge of ${keys.join(" ")} (HTTP ${answer.status}); its copies live until their s-maxage.`);
    } catch (error) {
      console.error(`Could not purge ${keys.join(" ")} from the edge cache; its copies live until their s-maxage:`, error);
    }
  };
}

const holder = globalThis as { __factdeskEdgePurge?: EdgePurge };

/** The running app's purge, configured once per process (Next bundles modules more than once). */
export function appEdgePurge(): EdgePurge {
  holder.__factdeskEdgePurge ??= edgePurge(serverEnv().FACTDESK_EDGE_PURGE_URL);
  return holder.__factdeskEdgePurge;
}
