import { CONTENT_KEYS_META, contentKeysOf } from "@/server/http/public-cache-policy.mjs";

/**
 * The page's content keys (its claims, their sources and publishers) for the caches in front: a page cannot set
 * response headers, so scripts/serve.mjs copies this <meta> into the `xkey` header (public-cache-policy.mjs).
 */
export function SurrogateKeys({ claims }: { claims: Parameters<typeof contentKeysOf>[0] }) {
  const keys = contentKeysOf(claims);
  return keys.length ? <meta name={CONTENT_KEYS_META} content={keys.join(" ")} /> : null;
}
