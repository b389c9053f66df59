// Plain JavaScript for the same reason as content-security-policy.mjs: scripts/serve.mjs uses it.
import { APP_CACHE_SECONDS, SURROGATE_KEY_HEADER, matchesEtag, publicOutputFor } from "./public-cache-policy.mjs";

/**
 * A small in-memory copy of finished public outputs (the home page, reader pages, embed cards, badges, annotation
 * exports) in front of Next. Next renders or replays them through its full request pipeline; replaying the stored
 * bytes is tens of times cheaper, and every output is the same for every reader. Each copy is filed under its
 * surrogate keys (the `xkey` header the cache policy gave it: its article, claims, sources and publishers), and
 * dropped when the app expires any of them (server/http/next-public-cache.ts, and other instances' expiries through
 * expiry-channel.mjs), and after the policy's safety-net lifetime in any case (public-cache-policy.mjs). A render that
 * read the old state just before a commit and finished just after is thrown away by the expiry's repeats, as for
 * Next's own caches.
 */
const TTL_MS = APP_CACHE_SECONDS * 1000;
const MAX_ENTRIES = 500;
/** Bounds the memory the copies take (issue 14: 400 MB per instance in all); the oldest go first. */
const MAX_BYTES = 32 * 1024 * 1024;

/** @type {Map<string, { status: number, headers: Record<string, string | string[] | number>, body: Buffer, keys: Set<string>, storedAt: number }>} */
const copies = new Map();
let storedBytes = 0;

function drop(key) {
  const copy = copies.get(key);
  if (!copy) return;
  storedBytes -= copy.body.length;
  copies.delete(key);
}

/**
 * Drops every copy filed under one of these keys (every copy when `keys` is undefined).
 * @param {readonly string[] | undefined} keys
 */
export function expireCopies(keys) {
  if (!keys) {
    copies.clear();
    storedBytes = 0;
    return;
  }
  const expired = new Set(keys);
  for (const [key, copy] of copies) if ([...copy.keys].some((k) => expired.has(k))) drop(key);
}

/** Shared with the app, which runs in the same process, through globalThis (Next bundles the app separately). */
globalThis.__factdeskPublicPageCopies = { expire: expireCopies };

/**
 * Only plain document requests for a public output: no client-side navigation payloads (RSC), no ranged
 * requests, no query string. Those all go to Next. Conditional requests are answered here too (304).
 * @param {import("node:http").IncomingMessage} req
 */
function cacheable(req) {
  if (req.method !== "GET") return null;
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.search || !publicOutputFor(url.pathname)) return null;
  const h = req.headers;
  if (h.rsc || h["next-router-prefetch"] || h["next-router-state-tree"] || h["next-action"] || h.range) return null;
  return url.pathname;
}

const toBuffer = (chunk, encoding) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));

/**
 * Answers from a stored copy when there is one (returns true), else arranges for the output about to be sent to be
 * stored when it is a complete 200 that sets no cookie.
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
  drop(key);
  const chunks = [];
  const { write, end } = res;
  res.write = function (chunk, encoding, callback) {
    chunks.push(toBuffer(chunk, encoding));
    return write.call(res, chunk, encoding, callback);
  };
  res.end = function (chunk, encoding, callback) {
    if (chunk && typeof chunk !== "function") chunks.push(toBuffer(chunk, encoding));
    if (res.statusCode === 200 && !res.hasHeader("set-cookie")) store(key, res.getHeaders(), Buffer.concat(chunks));
    return end.call(res, chunk, encoding, callback);
  };
  return false;
}

function store(key, headers, body) {
  if (body.length > MAX_BYTES / 8) return; // one output never crowds out the rest
  const keys = new Set(String(headers[SURROGATE_KEY_HEADER] ?? "").split(" ").filter(Boolean));
  // What Next said of the render it stored ("MISS") is not true of the replays.
  const { "x-nextjs-cache": _next, ...kept } = headers;
  drop(key);
  copies.set(key, { status: 200, headers: kept, body, keys, storedAt: Date.now() });
  storedBytes += body.length;
  for (const oldest of copies.keys()) {
    if (copies.size <= MAX_ENTRIES && storedBytes <= MAX_BYTES) break;
    drop(oldest);
  }
}
