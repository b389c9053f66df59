// Plain JavaScript (with a .d.mts beside it) because the production server entry, scripts/serve.mjs,
// runs under plain Node, without a TypeScript loader, and uses it on every HTML response.
import { createHash } from "node:crypto";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const TYPE = /\btype\s*=\s*["']?([^"'\s>]+)/i;
const EXECUTABLE_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);

/**
 * The CSP source expressions ('sha256-…') of every inline script a browser would execute in this HTML.
 * External scripts (src=) are covered by 'self'; data blocks such as JSON-LD are never executed, so they
 * need no hash.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = (attributes.match(TYPE)?.[1] ?? "").toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The policy for an HTML page: scripts only from this origin or with one of the given hashes (never
 * 'unsafe-inline'), no plugins, no <base> hijack, forms only to this origin.
 * @param {{ scriptHashes: string[], frameAncestors: string }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ scriptHashes, frameAncestors }) {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(" ")}`.trim(),
    // Inline style attributes carry verdict colours; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** Only the embed card may be framed, by anyone; every other page by no one. */
export function frameAncestorsFor(pathname) {
  return /^\/embed\/[^/.]+\/?$/.test(pathname) ? "*" : "'none'";
}
