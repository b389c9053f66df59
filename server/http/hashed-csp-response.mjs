// See content-security-policy.mjs for why this is plain JavaScript.
import { contentSecurityPolicy, frameAncestorsFor, inlineScriptHashes } from "./content-security-policy.mjs";

/**
 * Policies already computed, by ETag. Next gives a cached page the same ETag as long as its bytes are the
 * same, so a known ETag means known hashes: the response can stream through untouched.
 * @type {Map<string, string>}
 */
const policyByEtag = new Map();
const MAX_REMEMBERED = 500;

const pathnameOf = (req) => new URL(req.url ?? "/", "http://localhost").pathname;

function remember(etag, policy) {
  if (policyByEtag.size >= MAX_REMEMBERED) policyByEtag.delete(policyByEtag.keys().next().value);
  policyByEtag.set(etag, policy);
}

/**
 * Holds back an HTML response until it is complete, then sets a Content-Security-Policy whose
 * script-src lists the hash of each inline script in it. This is how cached pages (rendered once, served
 * to everyone) get a strict policy: a per-request nonce cannot be written into HTML that is already
 * rendered. Anything that is not HTML passes straight through at its first write.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function hashInlineScriptsInto(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return;
  // An archived copy keeps its sandbox policy: hashing its inline scripts would let them run.
  if (pathnameOf(req).startsWith("/archive/")) return;
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  /** @type {Buffer[]} */
  const chunks = [];
  let mode = "undecided"; // then "buffer" (HTML) or "pass" (everything else)
  let heldHead = null;

  const decide = () => {
    if (mode !== "undecided") return;
    const type = String(res.getHeader("content-type") ?? "");
    const etag = res.getHeader("etag");
    const known = etag ? policyByEtag.get(`${pathnameOf(req)} ${etag}`) : undefined;
    if (type.startsWith("text/html") && known) res.setHeader("Content-Security-Policy", known);
    mode = type.startsWith("text/html") && !known ? "buffer" : "pass";
    if (mode === "pass") restore();
  };
  const restore = () => {
    res.writeHead = original.writeHead;
    res.write = original.write;
    res.end = original.end;
    if (heldHead) original.writeHead.apply(res, heldHead);
  };
  const toBuffer = (chunk, encoding) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));

  res.writeHead = function writeHead(...args) {
    // Headers passed to writeHead join the ones set before; keep them until we know the policy.
    const maybeHeaders = args.find((a) => a && typeof a === "object");
    if (maybeHeaders && !Array.isArray(maybeHeaders)) for (const [k, v] of Object.entries(maybeHeaders)) res.setHeader(k, v);
    heldHead = [args[0]];
    return res;
  };
  res.write = function write(chunk, encoding, callback) {
    decide();
    if (mode === "pass") return res.write(chunk, encoding, callback);
    chunks.push(toBuffer(chunk, encoding));
    if (typeof encoding === "function") encoding();
    else if (typeof callback === "function") callback();
    return true;
  };
  res.end = function end(chunk, encoding, callback) {
    decide();
    if (mode === "pass") return res.end(chunk, encoding, callback);
    if (chunk && typeof chunk !== "function") chunks.push(toBuffer(chunk, encoding));
    const body = Buffer.concat(chunks);
    const pathname = pathnameOf(req);
    const { hashes, refused } = inlineScriptHashes(body.toString("utf8"));
    // Not Next's: injected markup, or a Next change this layer does not know yet. Blocked either way; say so.
    if (refused > 0) console.warn(`csp: ${refused} inline script(s) in ${pathname} are not Next's own and were left unhashed (blocked)`);
    const policy = contentSecurityPolicy({ scriptHashes: hashes, frameAncestors: frameAncestorsFor(pathname) });
    res.setHeader("Content-Security-Policy", policy);
    const etag = res.getHeader("etag");
    // Keyed by path too: the policy's frame-ancestors depends on it.
    if (etag && req.method === "GET") remember(`${pathname} ${etag}`, policy);
    restore();
    const done = [chunk, encoding, callback].find((a) => typeof a === "function");
    return res.end(body.length ? body : undefined, done);
  };
}
