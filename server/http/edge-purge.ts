import { serverEnv } from "../env.mjs";
import { edgePurgeFetcher, type Fetcher } from "../fetch";

/** The request header the VCL reads the keys from (deploy/varnish/default.vcl), space-separated as xkey splits them. */
export const PURGE_KEYS_HEADER = "xkey-purge";

export type EdgePurge = (keys: string[]) => Promise<void>;

/** Varnish refuses a request header over 8 KB (http_req_hdr_len): a long list of keys goes as several purges. */
const MAX_KEYS_HEADER_BYTES = 4096;

/** @returns the keys in space-separated batches, each under MAX_KEYS_HEADER_BYTES */
export function purgeBatches(keys: readonly string[]): string[] {
  const batches: string[] = [];
  let batch = "";
  for (const key of keys) {
    if (batch && batch.length + 1 + key.length > MAX_KEYS_HEADER_BYTES) {
      batches.push(batch);
      batch = "";
    }
    batch = batch ? `${batch} ${key}` : key;
  }
  if (batch) batches.push(batch);
  return batches;
}

/**
 * Purges the edge cache in front (Varnish with xkey, deploy/varnish; docs/caching.md "At the edge") of every output
 * filed under these keys: the same words as the Next cache tags an expiry names (public-cache-policy.mjs,
 * surrogateKeysFor). Best-effort: the change is committed already, so a failed purge is logged, never thrown (the
 * edge's copy then lives until its s-maxage, the app's safety net); purging twice removes nothing more, so the
 * expiry's repeats may send it again. A no-op without FACTDESK_EDGE_PURGE_URL.
 */
export function edgePurge(purgeUrl: string | undefined, fetcher: Fetcher | null = edgePurgeFetcher(purgeUrl)): EdgePurge {
  return async (keys) => {
    if (!purgeUrl || !fetcher) return;
    for (const batch of purgeBatches(keys)) await purgeOne(purgeUrl, fetcher, batch);
  };
}

async function purgeOne(purgeUrl: string, fetcher: Fetcher, keys: string): Promise<void> {
  try {
    const answer = await fetcher(purgeUrl, {
      method: "PURGE",
      accept: ["*/*"],
      headers: { [PURGE_KEYS_HEADER]: keys },
      maxRedirects: 0,
      connectTimeoutMs: 2_000,
      totalTimeoutMs: 5_000,
      maxBytes: 64 * 1024,
    });
    if (answer.status !== 200) console.error(`The edge cache refused the purge of ${keys} (HTTP ${answer.status}); its copies live until their s-maxage.`);
  } catch (error) {
    console.error(`Could not purge ${keys} from the edge cache; its copies live until their s-maxage:`, error);
  }
}

const holder = globalThis as { __factdeskEdgePurge?: EdgePurge };

/** The running app's purge, configured once per process (Next bundles modules more than once). */
export function appEdgePurge(): EdgePurge {
  holder.__factdeskEdgePurge ??= edgePurge(serverEnv().FACTDESK_EDGE_PURGE_URL);
  return holder.__factdeskEdgePurge;
}
