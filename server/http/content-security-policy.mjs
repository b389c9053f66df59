// Plain JavaScript (with a .d.mts beside it) because the production server entry, scripts/serve.mjs,
// runs under plain Node, without a TypeScript loader, and uses it on every HTML response.
import { createHash } from "node:crypto";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const TYPE = /\btype\s*=\s*["']?([^"'\s>]+)/i;
const EXECUTABLE_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);
const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*"`;

/**
 * The only inline scripts Next writes into our pages: its RSC payload (a JSON string handed to
 * `self.__next_f.push`), the payload queue's bootstrap, and Turbopack's chunk list. Any other inline script
 * in the HTML did not come from Next (it could only be injected markup) and gets no hash, so the browser
 * refuses to run it.
 */
const NEXT_INLINE_SCRIPTS = [
  /^\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(\[0\]\)$/,
  new RegExp(String.raw`^self\.__next_f\.push\(\[\d+,(?:${JSON_STRING}|null)\]\)$`),
  new RegExp(String.raw`^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(\{"otherChunks":\[(?:${JSON_STRING},?)*\],"runtimeModuleIds":\[[\d,]*\]\}\);$`),
];

/** Whether an inline script is one Next itself writes (see NEXT_INLINE_SCRIPTS). */
export function isNextInlineScript(body) {
  return NEXT_INLINE_SCRIPTS.some((pattern) => pattern.test(body));
}

/**
 * The CSP source expressions ('sha256-…') of the inline scripts Next wrote into this HTML, and how many
 * other inline scripts it holds (those are left without a hash: blocked). External scripts (src=) are
 * covered by 'self'; data blocks such as JSON-LD are never executed, so they need no hash.
 * @param {string} html
 * @returns {{ hashes: string[], refused: number }}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  let refused = 0;
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = (attributes.match(TYPE)?.[1] ?? "").toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    if (!isNextInlineScript(body)) {
      refused++;
      continue;
    }
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return { hashes: [...hashes], refused };
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
