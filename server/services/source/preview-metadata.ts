import { eq } from "drizzle-orm";
import { z } from "zod";
import { publishers } from "@/db/schema";
import { inferSourceType } from "@/lib/sources/infer-type";
import { extractPageMetadata } from "@/lib/sources/page-metadata";
import { canonicalizeUrl, hostnameOf, InvalidUrlError } from "@/lib/url/canonicalize";
import { InvalidInputError } from "../../errors";
import { FetchError } from "../../fetch";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

export const previewMetadataInput = z.object({ url: z.string().trim().min(1).max(2000) });

// A page's metadata sits in its <head>: far less than the archive's 10 MB is enough, and the editor is waiting.
const PREVIEW_FETCH = { accept: ["text/html", "application/xhtml+xml"], maxBytes: 2 * 1024 * 1024, connectTimeoutMs: 5_000, totalTimeoutMs: 10_000 } as const;

function decode(body: Buffer, contentType: string | string[] | undefined): string {
  const charset = /charset=["']?([\w-]+)/i.exec(String(contentType ?? ""))?.[1];
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body); // an unknown charset label: UTF-8 is the web's default
  }
}

/**
 * What a pasted URL's page says about itself (title, publisher, author, date, type), fetched through the safe
 * fetcher with its caps, for the evidence form to fill in. Nothing is stored: the editor corrects and attaches.
 */
export async function previewSourceMetadata(ctx: ServiceContext, rawInput: z.input<typeof previewMetadataInput>) {
  assertCan(ctx.actor, "source.previewMetadata");
  const { url } = previewMetadataInput.parse(rawInput);
  let canonicalUrl: string;
  try {
    canonicalUrl = canonicalizeUrl(url); // refuses what can never be a source; the page is read at the link as pasted

  } catch (error) {
    if (error instanceof InvalidUrlError) throw new InvalidInputError(error.message);
    throw error;
  }
  if (!ctx.fetcher) throw new InvalidInputError("Reading pages is not available here: fill in the source's details by hand.");
  let fetched;
  try {
    fetched = await ctx.fetcher(url, PREVIEW_FETCH);
  } catch (error) {
    if (error instanceof FetchError) throw new InvalidInputError(`The page's details could not be read: ${error.message}. Fill them in by hand.`);
    throw error;
  }
  if (fetched.body === null) throw new InvalidInputError(`The page answered ${fetched.status}, so its details could not be read. Fill them in by hand.`);
  const metadata = extractPageMetadata(decode(fetched.body, fetched.headers["content-type"]));
  // A curated registry name for the domain is better than nothing when the page names no publisher.
  const [known] = metadata.publisherName ? [] : await ctx.db.select({ name: publishers.name }).from(publishers).where(eq(publishers.domain, hostnameOf(canonicalUrl)));
  return {
    url,
    finalUrl: fetched.url,
    ...metadata,
    publisherName: metadata.publisherName ?? known?.name ?? null,
    type: metadata.type ?? inferSourceType(canonicalUrl),
  };
}
