import { parseHTML } from "linkedom";

/**
 * An HTML string as a Document, on the server and in tests (the browser uses its own DOMParser instead).
 * linkedom, unlike a browser, builds no <html> around a fragment; wrapped, a fragment parses as a browser would.
 */
export function parseHtmlDocument(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.localName === "html" && document.body) return document as unknown as Document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
}
