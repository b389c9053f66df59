import { parseHTML } from "linkedom";
import type { SourceType } from "./vocabulary";

/** What a page says about itself, each field null when it says nothing usable. Editors correct any of them. */
export interface PageMetadata {
  title: string | null;
  publisherName: string | null;
  author: string | null;
  /** YYYY-MM-DD. */
  publishedOn: string | null;
  type: SourceType | null;
}

export const METADATA_LIMITS = { title: 500, publisherName: 200, author: 300 } as const;

type JsonNode = Record<string, unknown>;

// schema.org types (https://schema.org/CreativeWork subtypes) that say what kind of source a page is.
const SCHEMA_TYPES: Array<[RegExp, SourceType]> = [
  [/^(VideoObject|Clip|Movie|Episode|TVEpisode)$/, "video"],
  [/^(AudioObject|PodcastEpisode|RadioEpisode|MusicRecording)$/, "audio"],
  [/^(Dataset|DataCatalog|DataDownload)$/, "dataset"],
  [/^(SocialMediaPosting|DiscussionForumPosting)$/, "social_post"],
  [/^(Report|ScholarlyArticle|Thesis|Legislation|Book|DigitalDocument|TechArticle)$/, "document"],
  [/(Article|BlogPosting|NewsArticle|Review)$/, "article"],
];

// Open Graph types (https://ogp.me/#types).
function typeFromOpenGraph(value: string | null): SourceType | null {
  if (!value) return null;
  const type = value.toLowerCase();
  if (type === "article") return "article";
  if (type.startsWith("video")) return "video";
  if (type.startsWith("music")) return "audio";
  if (type === "book") return "document";
  return null;
}

function typeFromSchema(types: string[]): SourceType | null {
  for (const type of types) for (const [pattern, sourceType] of SCHEMA_TYPES) if (pattern.test(type)) return sourceType;
  return null;
}

/** Whitespace collapsed, cut to `max` characters; null when nothing is left. */
function clean(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  const text = value.replace(/\s+/g, " ").trim();
  if (text === "") return null;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * A calendar date from the forms pages use: ISO 8601 dates and date-times (the date as written, not shifted to
 * another time zone), and citation_publication_date's 2024/03/05. Null for anything else or an impossible date.
 */
export function dateOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  const iso = `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}

function typesOf(node: JsonNode): string[] {
  const type = node["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

/** Every object in the page's JSON-LD blocks, @graph members included; a block that does not parse is skipped. */
function jsonLdNodes(document: Document): JsonNode[] {
  const nodes: JsonNode[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      nodes.push(value as JsonNode);
      const graph = (value as JsonNode)["@graph"];
      if (graph) visit(graph);
    }
  };
  for (const script of Array.from(document.querySelectorAll("script")).filter((s) => attribute(s, "type")?.trim().toLowerCase() === "application/ld+json")) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken block says nothing; the other sources of metadata still count.
    }
  }
  return nodes;
}

/** A person or organisation as JSON-LD writes it: a name, an object with a name, or a list of either. */
function namesOf(value: unknown): string[] {
  if (typeof value === "string") return /^https?:\/\//.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(namesOf);
  if (value && typeof value === "object") {
    const name = (value as JsonNode).name;
    return typeof name === "string" ? [name] : [];
  }
  return [];
}

/** An attribute by its name in any case: HTML's names are case-insensitive, and linkedom keeps them as written. */
function attribute(element: Element, name: string): string | null {
  for (const attr of Array.from(element.attributes)) if (attr.name.toLowerCase() === name) return attr.value;
  return null;
}

/**
 * Title, publisher, author, publication date and type of a fetched HTML page, from what the page itself declares:
 * Open Graph, JSON-LD (schema.org), <meta> tags and <title>, in that order of trust. Pure: no fetching here.
 */
export function extractPageMetadata(html: string): PageMetadata {
  const { document } = parseHTML(html);
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const lower = key.toLowerCase();
      for (const element of document.querySelectorAll("meta")) {
        const name = (attribute(element, "property") ?? attribute(element, "name") ?? attribute(element, "itemprop") ?? "").toLowerCase();
        const content = attribute(element, "content");
        if (name === lower && content && content.trim() !== "") return content;
      }
    }
    return null;
  };
  const nodes = jsonLdNodes(document);
  const work = nodes.find((node) => typeFromSchema(typesOf(node)) !== null) ?? null;

  const title = clean(meta("og:title", "twitter:title") ?? work?.headline ?? work?.name ?? document.querySelector("title")?.textContent, METADATA_LIMITS.title);
  const publisherName = clean(meta("og:site_name", "application-name") ?? namesOf(work?.publisher)[0], METADATA_LIMITS.publisherName);
  const authorNames = work ? namesOf(work.author) : [];
  const metaAuthor = meta("author", "article:author", "citation_author", "dc.creator");
  const author = clean(authorNames.length > 0 ? authorNames.join(", ") : metaAuthor && !/^https?:\/\//.test(metaAuthor) ? metaAuthor : null, METADATA_LIMITS.author);
  const publishedOn =
    dateOf(meta("article:published_time")) ??
    dateOf(work?.datePublished) ??
    dateOf(meta("citation_publication_date", "dc.date", "date", "pubdate", "datePublished")) ??
    dateOf(document.querySelector("time[datetime]")?.getAttribute("datetime"));
  const type = typeFromOpenGraph(meta("og:type")) ?? (work ? typeFromSchema(typesOf(work)) : null);
  return { title, publisherName, author, publishedOn, type };
}
