/**
 * The banner above an archived copy, and the copy it is put into. Pure string work on bytes: the document is
 * served as it was captured, with the banner placed right after <body> (or first, when there is none). The
 * banner is ASCII only (everything else as character references), so it reads the same in any ASCII-based
 * charset the page may declare.
 */
function escapeAscii(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "&") return "&amp;";
    if (ch === "<") return "&lt;";
    if (ch === ">") return "&gt;";
    if (ch === '"') return "&quot;";
    if (ch === "'") return "&#39;";
    return code < 0x20 || code > 0x7e ? `&#${code};` : ch;
  }).join("");
}

export interface BannerFacts {
  originalUrl: string;
  finalUrl: string;
  capturedAt: Date;
  sha256: string;
}

export function archiveBanner(facts: BannerFacts): string {
  const when = facts.capturedAt.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  const moved = facts.finalUrl !== facts.originalUrl ? ` (served from ${escapeAscii(facts.finalUrl)})` : "";
  return (
    `<div role="note" style="all:initial;display:block;box-sizing:border-box;width:100%;padding:10px 14px;` +
    `background:#fff8c5;color:#1f2328;border-bottom:2px solid #9a6700;font:14px/1.4 system-ui,sans-serif">` +
    `<strong>Archived copy kept by Factdesk.</strong> Captured ${escapeAscii(when)} from ` +
    `<span style="word-break:break-all">${escapeAscii(facts.originalUrl)}</span>${moved}. ` +
    `Scripts are switched off; the page may look different from the original. SHA-256 ${escapeAscii(facts.sha256)}.</div>`
  );
}

/** The captured HTML with the banner after its <body> tag. */
export function withBanner(document: Buffer, banner: string): Buffer {
  // latin1 maps bytes 1:1 to characters, so the offset found is a byte offset whatever the page's charset.
  const text = document.toString("latin1");
  const body = /<body\b[^>]*>/i.exec(text);
  const at = body ? body.index + body[0].length : 0;
  return Buffer.concat([document.subarray(0, at), Buffer.from(banner, "ascii"), document.subarray(at)]);
}

/** A page for a copy that is not HTML (text, image): the banner and the copy, escaped or embedded as data. */
export function wrapperPage(banner: string, contentType: string | null, document: Buffer): Buffer {
  let content: string;
  if (contentType?.startsWith("image/") && contentType !== "image/svg+xml") {
    content = `<img alt="Archived image" style="max-width:100%" src="data:${contentType};base64,${document.toString("base64")}">`;
  } else if (contentType === "text/plain" || contentType === "image/svg+xml") {
    content = `<pre style="white-space:pre-wrap">${escapeAscii(document.toString("utf8"))}</pre>`;
  } else {
    content = `<p>This copy is a ${escapeAscii(contentType ?? "file of unknown type")}: <a href="?download=1">download it</a>.</p>`;
  }
  return Buffer.from(`<!doctype html><html><head><meta charset="utf-8"><title>Archived copy</title></head><body>${banner}${content}</body></html>`, "ascii");
}
