// Plain JavaScript for the same reason as content-security-policy.mjs: scripts/serve.mjs uses it.
import { createHash } from "node:crypto";
import { dataShownDigest, unavailableRetryAfter } from "./request-outcome.mjs";

/**
 * The one cache policy of every public output (docs/caching.md, docs/decisions/0010-one-cache-policy.md).
 *
 * The guarantee: a verdict published, changed or withdrawn shows in every public output within 2 s, for
 * browsers too. So no copy the app cannot expire may be used without asking: browsers and shared caches get
 * `no-cache` (store, but revalidate every time) with an ETag, and an unchanged output costs a 304. Long
 * lifetimes exist only inside the app (Next's data and full-route caches, the in-memory page copies), and
 * every one of them is expired when an article's public state changes (server/http/next-public-cache.ts).
 *
 * A shared cache the app can purge (Varnish with xkey, deploy/varnish; FACTDESK_EDGE_PURGE_URL) is one more
 * expiry target: then outputs tell shared caches to keep them (`EDGE_CACHE_CONTROL`), each names its surrogate
 * keys (`xkey`, the same words as the Next cache tags), and every expiry purges those keys (edge-purge.ts).
 */

/** Cache-Control of every public output that answered 200 or 304. */
export const PUBLIC_CACHE_CONTROL = "public, no-cache";
/** Everything else a public URL answers (404, 500, 503): never stored, so it flips the moment things change. */
export const UNSTORED_CACHE_CONTROL = "no-store";
/**
 * How long the app's own copies live when nothing expires them: only a safety net should an expiry ever be
 * missed. `export const revalidate` in app/(site)/a/[slug]/page.tsx must be a literal; a unit test checks it.
 */
export const APP_CACHE_SECONDS = 3600;

/** Next cache tags: the list of published articles (home), and everything public about one article. */
export const PUBLISHED_ARTICLES_TAG = "published-articles";
/** @param {string} slug */
export const articleTag = (slug) => `article:${slug}`;
/** Whether a key is one of the Next cache tags above (the others, such as `source:7`, name only outside copies). */
/** @param {string} key */
export const isNextCacheTag = (key) => key === PUBLISHED_ARTICLES_TAG || key.startsWith("article:");

/**
 * Cache-Control of a public output (200 or 304) when a purgeable cache is in front (FACTDESK_EDGE_PURGE_URL):
 * the edge may keep it for the safety net's hour, and serve it a little stale while it asks again once that runs
 * out; every change purges it long before (edge-purge.ts). Only with that edge: another shared cache, which
 * nobody purges, would show a withdrawn verdict for the hour. The edge hands browsers `PUBLIC_CACHE_CONTROL`
 * (deploy/varnish/default.vcl), since stale-while-revalidate binds them too.
 */
export const EDGE_CACHE_CONTROL = `public, max-age=0, s-maxage=${APP_CACHE_SECONDS}, stale-while-revalidate=30`;
/** The response header naming an output's surrogate keys, as varnish-modules' xkey reads it (space-separated). */
export const SURROGATE_KEY_HEADER = "xkey";

/** @param {string} segment */
const slugOf = (segment) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * The keys of what an output is about, taken from its URL: every output about an article is filed under its
 * article key, the home page under the list of published articles. These are also the Next cache tags that expire
 * the app's own copies, so one expiry names the same words for both.
 * @param {string} pathname
 * @returns {string[]}
 */
export function surrogateKeysFor(pathname) {
  if (pathname === "/") return [PUBLISHED_ARTICLES_TAG];
  const slug = /^\/(?:a|embed|embed-badge|api\/articles)\/([^/]+?)(?:\.svg)?(?:\/annotations)?$/.exec(pathname)?.[1];
  return slug ? [articleTag(slugOf(slug))] : [];
}

/** Keys of what an output shows, beside its article's: each published claim, each source it cites, their publishers. */
const CONTENT_KEYS_MAX_BYTES = 4000;
/** @param {number} id */
export const claimKey = (id) => `claim:${id}`;
/** @param {number} id */
export const sourceKey = (id) => `source:${id}`;
/** @param {number} id */
export const publisherKey = (id) => `publisher:${id}`;

/**
 * The content keys of an output showing these claims (docs/decisions/0040): what a change to one source or publisher
 * purges at the edge, however many articles cite it, with one short key.
 * @param {readonly { id: number, sources: readonly { sourceId: number, publisherId: number | null }[] }[]} claims
 * @returns {string[]}
 */
export function contentKeysOf(claims) {
  const keys = new Set();
  for (const claim of claims) {
    for (const source of claim.sources) {
      keys.add(sourceKey(source.sourceId));
      if (source.publisherId !== null) keys.add(publisherKey(source.publisherId));
    }
  }
  for (const claim of claims) keys.add(claimKey(claim.id));
  // Within what a cache keeps of one response header (Varnish: 8 KB). Sources and publishers come first: a claim's
  // change always purges its article too. An output cut short is still purged: every expiry also names the articles
  // showing a changed source (server/http/public-change.ts).
  const kept = [];
  let bytes = 0;
  for (const key of keys) {
    if (bytes + key.length + 1 > CONTENT_KEYS_MAX_BYTES) break;
    kept.push(key);
    bytes += key.length + 1;
  }
  return kept;
}

/**
 * A page cannot set response headers, so it lists its content keys in this <meta> (components/reader/surrogate-keys.tsx)
 * and the policy below copies them into the header. The bytes carry them, so a page Next replays from its cache,
 * which nothing rendered, has the same keys as the render that stored it.
 */
export const CONTENT_KEYS_META = "factdesk-surrogate-keys";
const CONTENT_KEYS_IN_PAGE = new RegExp(`<meta name="${CONTENT_KEYS_META}" content="([a-z0-9: -]*)"`);
const WELL_FORMED_KEY = /^[a-z-]+(?::\S+)?$/;

/**
 * Every key of a finished output: its URL's, the ones a route handler named in the header, and a page's <meta>.
 * @param {string} pathname
 * @param {unknown} headerValue the xkey header the handler set, if any
 * @param {Buffer | undefined} html the body, when it is a page
 */
export function outputKeys(pathname, headerValue, html) {
  const named = typeof headerValue === "string" ? headerValue.split(" ") : [];
  const inPage = html ? (CONTENT_KEYS_IN_PAGE.exec(html.toString("latin1"))?.[1] ?? "").split(" ") : [];
  return [...new Set([...surrogateKeysFor(pathname), ...named, ...inPage].filter((key) => WELL_FORMED_KEY.test(key)))];
}

/**
 * Every public output: who may keep it how long, and what expires the app's copies. docs/caching.md is this
 * table in prose; a unit test keeps the two in step.
 */
export const PUBLIC_OUTPUTS = [
  { name: "home", pattern: /^\/$/, appCopies: "Next data cache (tag published-articles), in-memory copy" },
  { name: "reader page", pattern: /^\/a\/[^/]+$/, appCopies: "Next full-route and data cache (tag article:<slug>), in-memory copy" },
  { name: "embed card", pattern: /^\/embed\/[^/.]+$/, appCopies: "in-memory copy" },
  { name: "SVG badge", pattern: /^\/(?:embed\/[^/]+\.svg|embed-badge\/[^/]+)$/, appCopies: "in-memory copy" },
  { name: "annotation export", pattern: /^\/api\/articles\/[^/]+\/annotations$/, appCopies: "in-memory copy" },
];

/** @param {string} pathname */
export function publicOutputFor(pathname) {
  return PUBLIC_OUTPUTS.find((output) => output.pattern.test(pathname));
}

/** A strong validator for a body: the same bytes, the same ETag, whichever instance rendered them. */
export function etagOf(body) {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/**
 * Whether an If-None-Match header names this ETag (a list, `*`, and weak forms as RFC 9110 compares for GET).
 * @param {string | undefined} ifNoneMatch
 * @param {string} etag
 */
export function matchesEtag(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const strip = (tag) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => strip(tag) === strip(etag));
}

const toBuffer = (chunk, encoding) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));

/**
 * Holds back a public output's response until it is complete, then applies the policy: Cache-Control by
 * status, an ETag when the app gave none (Next gives one to the pages of its full-route cache), a 304
 * without a body when the browser's copy is current, and 503 for a page the database outage broke.
 * Outputs are small (the largest reader page is a few hundred KB), so holding one is cheap. Does nothing
 * for other paths and methods.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ buildId: string, edgeCache?: boolean }} build which build renders: part of a page's ETag, so a deploy
 *   is never a 304; and whether a purgeable cache is in front (FACTDESK_EDGE_PURGE_URL set)
 */
export function applyPublicCachePolicy(req, res, { buildId, edgeCache = false }) {
  if (req.method !== "GET" && req.method !== "HEAD") return;
  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  if (!publicOutputFor(pathname)) return;
  // The 304 is decided here, from the whole output, so Next always hands over the body (and with it a page's keys).
  const ifNoneMatch = req.headers["if-none-match"];
  delete req.headers["if-none-match"];
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  /** @type {Buffer[]} */
  const chunks = [];

  res.writeHead = function writeHead(status, ...rest) {
    // Kept until the end: status and headers may still change (304, ETag).
    res.statusCode = status;
    const headers = rest.find((a) => a && typeof a === "object");
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    return res;
  };
  res.write = function write(chunk, encoding, callback) {
    chunks.push(toBuffer(chunk, encoding));
    const done = [encoding, callback].find((a) => typeof a === "function");
    if (done) done();
    return true;
  };
  res.end = function end(chunk, encoding, callback) {
    if (chunk && typeof chunk !== "function") chunks.push(toBuffer(chunk, encoding));
    res.writeHead = original.writeHead;
    res.write = original.write;
    res.end = original.end;
    const done = [chunk, encoding, callback].find((a) => typeof a === "function");
    const body = Buffer.concat(chunks);
    // A page that failed because the database is down (marked through request-outcome.mjs) says so, like
    // every route handler and procedure does, instead of Next's 500.
    const retryAfter = unavailableRetryAfter();
    if (res.statusCode === 500 && retryAfter !== undefined) {
      res.statusCode = 503;
      res.setHeader("Retry-After", String(retryAfter));
    }
    const status = res.statusCode;
    if (status !== 200 && status !== 304) {
      res.setHeader("Cache-Control", UNSTORED_CACHE_CONTROL);
      return res.end(body.length ? body : undefined, done);
    }
    res.setHeader("Cache-Control", edgeCache ? EDGE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL);
    const isPage = String(res.getHeader("content-type") ?? "").startsWith("text/html");
    const keys = outputKeys(pathname, res.getHeader(SURROGATE_KEY_HEADER), isPage && body.length ? body : undefined);
    if (keys.length) res.setHeader(SURROGATE_KEY_HEADER, keys.join(" "));
    if (status === 304) return res.end(undefined, done);
    let etag = res.getHeader("etag");
    if (!etag && req.method === "GET") {
      // A page rendered per request: the data it showed (noted by server/http/public-read.ts), else the bytes.
      // (Navigation payloads, RSC, are another representation: their bytes.)
      const shown = req.headers.rsc ? undefined : dataShownDigest();
      etag = shown ? etagOf(`${buildId} ${pathname} ${shown}`) : etagOf(body);
      res.setHeader("ETag", etag);
    }
    if (typeof etag === "string" && matchesEtag(ifNoneMatch, etag)) {
      res.statusCode = 304;
      res.removeHeader("Content-Length");
      // The browser keeps its copy and takes the 304's headers over it: the policy computed for this
      // render's bytes (inline script hashes) must not replace the one that fits the copy.
      res.removeHeader("Content-Security-Policy");
      return res.end(undefined, done);
    }
    return res.end(body.length ? body : undefined, done);
  };
}
