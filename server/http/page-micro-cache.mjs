// Plain JavaScript for the same reason as content-security-policy.mjs: scripts/serve.mjs uses it.
import { APP_CACHE_SECONDS, matchesEtag } from "./public-cache-policy.mjs";

/**
 * A small in-memory copy of finished reader pages in front of Next. Next already serves /a/<slug> from its
 * cache, but through its full request pipeline; replaying the stored bytes is several times cheaper. Entries
 * are dropped whenever the app expires an article's public outputs (server/http/next-public-cache.ts), and
 * after the policy's safety-net lifetime in any case (public-cache-policy.mjs).
 */
const TTL_MS = APP_CACHE_SECONDS * 1000;
const MAX_ENTRIES = 200;
const READER_PAGE = /^\/a\/[a-z0-9-]+$/;

/** @type {Map<string, { status: number, headers: Record<string, string | string[] | number>, body: Buffer, storedAt: number }>} */
const copies = new Map();

/** Shared with the app, which runs in the same process, through globalThis (Next bundles the app separately). */
globalThis.__factdeskPublicPageCopies = { clear: () => copies.clear() };

/**
 * Only plain document requests for a reader page: no client-side navigation payloads (RSC), no ranged
 * requests, no query string. Those all go to Next. Conditional requests are answered here too (304).
 * @param {import("node:http").IncomingMessage} req
 */
function cacheable(req) {
  if (req.method !== "GET") return null;
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.search || !READER_PAGE.test(url.pathname)) return null;
  const h = req.headers;
  if (h.rsc || h["next-router-prefetch"] || h["next-router-state-tree"] || h["next-action"] || h.range) return null;
  return url.pathname;
}

/**
 * Answers from a stored copy when there is one (returns true), else arranges for the page Next is about to
 * send to be stored when it is a cached 200 (x-nextjs-cache: HIT) — only what Next itself served from cache.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function servePageCopy(req, res) {
  const key = cacheable(req);
  if (!key) return false;
  const copy = copies.get(key);
  if (copy && Date.now() - copy.storedAt < TTL_MS) {
    const etag = copy.headers.etag;
    if (typeof etag === "string" && matchesEtag(req.headers["if-none-match"], etag)) {
      const headers = { ...copy.headers };
      delete headers["content-length"];
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(copy.status, copy.headers);
    res.end(copy.body);
    return true;
  }
  copies.delete(key);
  const chunks = [];
  const { write, end } = res;
  res.write = function (chunk, encoding, callback) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    return write.call(res, chunk, encoding, callback);
  };
  res.end = function (chunk, encoding, callback) {
    if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    if (res.statusCode === 200 && res.getHeader("x-nextjs-cache") === "HIT") {
      if (copies.size >= MAX_ENTRIES) copies.delete(copies.keys().next().value);
      copies.set(key, { status: 200, headers: res.getHeaders(), body: Buffer.concat(chunks), storedAt: Date.now() });
    }
    return end.call(res, chunk, encoding, callback);
  };
  return false;
}
