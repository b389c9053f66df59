import { Readability } from "@mozilla/readability";
import { canonicalizeUrl } from "../url/canonicalize";

/**
 * An article page (a saved .html file or a fetched URL) as the plain wire text the importer takes, plus what the
 * page says about itself. Readability finds the article among the navigation, ads and comments; this walks what it
 * kept into paragraphs (one per block element, HTML whitespace collapsed, every other character byte-exact) and
 * lists the article's links as bare URL lines, which the importer turns into sources as in pasted text.
 *
 * Takes a parsed Document, so the same code runs on linkedom on the server and on the browser's own parser.
 */

export interface ExtractedArticle {
  /** Wire text for parseArticleText: paragraphs separated by blank lines, then the links, one per line. */
  text: string;
  title: string | null;
  byline: string | null;
  publisherName: string | null;
  /** YYYY-MM-DD when the page states a publication time. */
  publishedOn: string | null;
}

export type HtmlExtraction = { ok: true; article: ExtractedArticle } | { ok: false; message: string };

const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);
const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "img", "picture", "video", "audio", "button", "form", "select", "textarea"]);
// HTML's own whitespace only: a no-break space or a thin space in the text is typography and is kept.
const HTML_WHITESPACE = /[ \t\n\r\f]+/g;
const ELEMENT = 1;
const TEXT = 3;

function paragraphsOf(root: Node): string[] {
  const paragraphs: string[] = [];
  let buffer = "";
  const flush = () => {
    const paragraph = buffer.replace(HTML_WHITESPACE, " ").trim();
    if (paragraph) paragraphs.push(paragraph);
    buffer = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === TEXT) {
      buffer += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const name = (node as Element).localName.toLowerCase();
    if (SKIPPED.has(name)) return;
    if (name === "br") {
      buffer += " "; // a line break inside a paragraph is a hard wrap, joined like one in plain text
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

/**
 * Links in a file have no page to be relative to (the browser would resolve them against Factdesk's own address),
 * so without a base URL only absolute http(s) links count; with one, relative links are resolved against it.
 */
function settleLinks(document: Document, baseUrl: string | undefined) {
  for (const link of Array.from(document.querySelectorAll("a[href]"))) {
    const href = link.getAttribute("href")?.trim() ?? "";
    let absolute: string | null = null;
    try {
      const url = baseUrl ? new URL(href, baseUrl) : new URL(href);
      if (url.protocol === "http:" || url.protocol === "https:") absolute = url.href;
    } catch {
      absolute = null;
    }
    if (absolute) link.setAttribute("href", absolute);
    else link.removeAttribute("href");
  }
}

// Only links the registry could store become source lines: any other URL line would stay in the body as text.
function storable(href: string): boolean {
  try {
    canonicalizeUrl(href);
    return true;
  } catch {
    return false;
  }
}

function linksOf(root: Element): string[] {
  return Array.from(root.querySelectorAll("a[href]"))
    .map((link) => link.getAttribute("href") ?? "")
    .filter(storable);
}

const orNull = (value: string | null | undefined) => {
  const trimmed = value?.replace(HTML_WHITESPACE, " ").trim();
  return trimmed ? trimmed : null;
};

const NO_ARTICLE =
  "No article text was found in this page. It may be broken or not an article (a front page, a log-in wall, a page built by scripts). Paste the article's text instead.";

export function extractHtmlArticle(document: Document, { baseUrl }: { baseUrl?: string } = {}): HtmlExtraction {
  if (!document.body || document.body.textContent?.trim() === "") return { ok: false, message: NO_ARTICLE };
  settleLinks(document, baseUrl);
  let parsed: ReturnType<Readability<Node>["parse"]>;
  try {
    parsed = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch {
    return { ok: false, message: NO_ARTICLE };
  }
  const content = parsed?.content;
  if (!parsed || !content) return { ok: false, message: NO_ARTICLE };
  const paragraphs = paragraphsOf(content);
  if (paragraphs.length === 0) return { ok: false, message: NO_ARTICLE };
  const links = content.nodeType === ELEMENT ? linksOf(content as Element) : [];
  const text = links.length > 0 ? `${paragraphs.join("\n\n")}\n\n${links.join("\n")}\n` : `${paragraphs.join("\n\n")}\n`;
  const publishedOn = /^\d{4}-\d{2}-\d{2}/.exec(parsed.publishedTime ?? "")?.[0] ?? null;
  return {
    ok: true,
    article: { text, title: orNull(parsed.title), byline: orNull(parsed.byline), publisherName: orNull(parsed.siteName), publishedOn },
  };
}
