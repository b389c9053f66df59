import { canonicalizeUrl } from "../url/canonicalize";

export interface RelatedLink {
  title: string;
  url: string | null;
}

/** `url` is the first original spelling seen, kept so editors recognise what they pasted. */
export interface SourceUrl {
  url: string;
  canonicalUrl: string;
}

export interface ParsedArticleText {
  paragraphs: string[];
  body: string;
  relatedLinks: RelatedLink[];
  sourceUrls: SourceUrl[];
}

const BLANK_LINE = /^\s*$/;
const BARE_URL = /^https?:\/\/\S+$/i;
const RELATED_PREFIX = /^Related article:/;

// A line only counts as a source if it is a URL we could actually store; anything
// else (ftp://, garbage after http://) stays visible as text rather than vanishing.
function sourceFromLine(line: string): SourceUrl | null {
  if (!BARE_URL.test(line)) return null;
  try {
    return { url: line, canonicalUrl: canonicalizeUrl(line) };
  } catch {
    return null;
  }
}

// Claims are anchored to body offsets, so only whitespace at wrap points may change;
// quotes and other typography must survive byte-exact.
function splitBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.split("\n")) {
    if (BLANK_LINE.test(line)) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

// Titles say "U.S." and "‘Positive Response’" where slugs say "us" and "positive-response",
// so drop in-word punctuation before splitting on everything else.
function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/[.'‘’"“”]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function slugWords(canonicalUrl: string): string[] {
  const segment = new URL(canonicalUrl).pathname.split("/").filter(Boolean).pop() ?? "";
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape cannot match a title anyway; compare the raw segment.
  }
  return decoded
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, "")
    .split(/[-_]+/)
    .filter(Boolean);
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((word, i) => word === b[i]);
}

export function parseArticleText(raw: string): ParsedArticleText {
  const text = raw.replace(/\r\n?/g, "\n");
  const paragraphs: string[] = [];
  const relatedTitles: string[] = [];
  const sourceUrls: SourceUrl[] = [];
  const seen = new Set<string>();

  for (const block of splitBlocks(text)) {
    const textLines: string[] = [];
    for (const line of block) {
      const source = sourceFromLine(line);
      if (!source) {
        textLines.push(line);
      } else if (!seen.has(source.canonicalUrl)) {
        seen.add(source.canonicalUrl);
        sourceUrls.push(source);
      }
    }
    if (textLines.length === 0) continue;
    const paragraph = textLines.join(" ");
    if (RELATED_PREFIX.test(paragraph)) {
      relatedTitles.push(paragraph.replace(RELATED_PREFIX, "").trim());
    } else {
      paragraphs.push(paragraph);
    }
  }

  // Related links are matched after all blocks are read: the URL often follows the title.
  const slugs = sourceUrls.map((source) => slugWords(source.canonicalUrl));
  const relatedLinks = relatedTitles.map((title): RelatedLink => {
    const words = titleWords(title);
    const index = slugs.findIndex((slug) => sameWords(words, slug));
    return { title, url: sourceUrls[index]?.url ?? null };
  });

  return { paragraphs, body: paragraphs.join("\n\n"), relatedLinks, sourceUrls };
}
