// Plain JavaScript: scripts/serve.mjs listens with it before Next loads, and the app notifies through it.
import { createRequire } from "node:module";
import postgres from "postgres";
import { isNextCacheTag } from "./public-cache-policy.mjs";

/**
 * Several app instances on one database (docs/caching.md, "Several instances"): each keeps its own copies of
 * public outputs (Next's data and full-route caches, the in-memory page copies). The instance that commits a change
 * expires its own copies and then NOTIFYs this channel; every instance LISTENs and expires the same tags in its
 * process, so a verdict published through one instance is on every instance's reader page at once.
 */
export const EXPIRY_CHANNEL = "factdesk_public_cache";

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more: a long list of keys goes as several. */
const MAX_PAYLOAD_BYTES = 7000;

/**
 * The notifications that carry these keys (Next cache tags and the page copies' keys, one vocabulary:
 * public-cache-policy.mjs), each under PostgreSQL's size limit.
 * @param {readonly string[]} keys
 * @returns {string[]}
 */
export function expiryPayloads(keys) {
  const payloads = [];
  let batch = [];
  for (const key of keys) {
    if (batch.length && Buffer.byteLength(JSON.stringify({ tags: [...batch, key] })) > MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify({ tags: batch }));
      batch = [];
    }
    batch.push(key);
  }
  if (batch.length) payloads.push(JSON.stringify({ tags: batch }));
  return payloads;
}

const require = createRequire(import.meta.url);

/**
 * Expires Next cache tags in this process, as `revalidateTag(tag, { expire: 0 })` does through Next's built-in
 * cache handler (next/dist/server/lib/incremental-cache/file-system-cache.js, revalidateTag), which only records
 * the expiry in this shared in-process manifest. revalidateTag itself refuses to run outside a request, and a
 * notification arrives outside one. An internal module: e2e/instances.spec.ts fails if a Next upgrade moves it.
 * @param {string[]} tags
 */
function expireNextTags(tags) {
  /** @type {{ tagsManifest: Map<string, { stale?: number, expired?: number }> }} */
  const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external.js");
  const now = Date.now();
  for (const tag of tags) tagsManifest.set(tag, { ...tagsManifest.get(tag), stale: now, expired: now });
}

/**
 * Expires these keys in this process: Next's caches by tag (keys that are no Next tag, such as `source:7`, cost an
 * entry in a map) and the page copies filed under them (page-micro-cache.mjs).
 * @param {readonly string[]} keys
 */
export function expireInThisProcess(keys) {
  expireNextTags(keys.filter(isNextCacheTag));
  globalThis.__factdeskPublicPageCopies?.expire(keys);
}

/**
 * Listens for other instances' expiries on its own connection (postgres.js re-listens after a reconnect).
 * @param {string} databaseUrl
 * @returns {Promise<() => Promise<void>>} stops listening
 */
export async function listenForExpiries(databaseUrl) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connection: { application_name: "factdesk cache expiry" } });
  await sql.listen(EXPIRY_CHANNEL, (payload) => {
    try {
      const { tags } = JSON.parse(payload);
      if (Array.isArray(tags) && tags.every((tag) => typeof tag === "string")) expireInThisProcess(tags);
    } catch (error) {
      console.error("Ignoring a malformed cache expiry notification:", error);
    }
  });
  return () => sql.end({ timeout: 5 });
}
