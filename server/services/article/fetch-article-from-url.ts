import { z } from "zod";
import { extractHtmlArticle } from "@/lib/import/html-article";
import { parseHtmlDocument } from "@/lib/import/linkedom-document";
import { hostnameOf } from "@/lib/url/canonicalize";
import { InvalidInputError } from "../../errors";
import { FetchError, safeFetch } from "../../fetch";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

export const fetchArticleFromUrlInput = z.object({
  url: z.url({ protocol: /^https?$/, error: "Give the article's address, starting with http:// or https://." }).max(2000),
});

const PAGE_TYPES = ["text/html", "application/xhtml+xml"];
const MAX_PAGE_BYTES = 10 * 1024 * 1024;

function charsetOf(contentTypeHeader: string | string[] | undefined): string {
  const header = Array.isArray(contentTypeHeader) ? contentTypeHeader[0] : contentTypeHeader;
  return /charset\s*=\s*"?([\w-]+)/i.exec(header ?? "")?.[1] ?? "utf-8";
}

function decode(body: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body); // an unknown charset label: UTF-8 is what most pages are
  }
}

/**
 * Fetches an article page through the safe fetcher and extracts it with the same Readability importer as an
 * uploaded .html file. Writes nothing: the editor sees the preview and saves with article.import, which keeps
 * the address as typed as the original URL.
 */
export async function fetchArticleFromUrl(ctx: ServiceContext, rawInput: z.input<typeof fetchArticleFromUrlInput>) {
  assertCan(ctx.actor, "article.import");
  const { url } = fetchArticleFromUrlInput.parse(rawInput);
  const fetcher = ctx.fetcher ?? safeFetch;
  let page;
  try {
    page = await fetcher(url, { accept: PAGE_TYPES, maxBytes: MAX_PAGE_BYTES, totalTimeoutMs: 20_000 });
  } catch (error) {
    if (error instanceof FetchError) throw new InvalidInputError(`The page could not be fetched: ${error.message}`);
    throw error;
  }
  if (page.status < 200 || page.status > 299 || !page.body) {
    throw new InvalidInputError(`The page answered HTTP ${page.status}, not the article. Check the address, or save the page as .html and upload it.`);
  }
  const extraction = extractHtmlArticle(parseHtmlDocument(decode(page.body, charsetOf(page.headers["content-type"]))), { baseUrl: page.url });
  if (!extraction.ok) throw new InvalidInputError(extraction.message);
  let publisherDomain: string | null = null;
  try {
    publisherDomain = hostnameOf(page.url);
  } catch {
    publisherDomain = null;
  }
  return { ...extraction.article, originalUrl: url, finalUrl: page.url, publisherDomain };
}
