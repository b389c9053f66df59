import { eq } from "drizzle-orm";
import { z } from "zod";
import { articles } from "@/db/schema";
import { parseArticleText } from "@/lib/import/parse-article-text";
import { slugify } from "@/lib/text/slug";
import { InvalidInputError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { importArticleInput } from "./import-article";

export const previewArticleInput = importArticleInput.pick({ text: true, slug: true }).extend({
  title: z.string().trim().max(300).optional(),
});
export type PreviewArticleInput = z.input<typeof previewArticleInput>;

/**
 * What article.import would make of this text, without writing anything: the paragraphs of the body, the
 * source links and related-article teasers it detects, and whether the slug (given, or derived from the
 * title) is still free. Uses the very parser import uses, so the preview is what gets saved.
 */
export async function previewArticle(ctx: ServiceContext, rawInput: PreviewArticleInput) {
  assertCan(ctx.actor, "article.import");
  const input = previewArticleInput.parse(rawInput);
  const parsed = parseArticleText(input.text);
  if (parsed.paragraphs.length === 0) throw new InvalidInputError("The text has no paragraphs to import (only blank lines or links).");
  const slug = input.slug ?? (input.title ? slugify(input.title) || null : null);
  const [taken] = slug ? await ctx.db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)) : [];
  return {
    paragraphs: parsed.paragraphs,
    sourceUrls: parsed.sourceUrls.map((source) => source.url),
    relatedLinks: parsed.relatedLinks,
    characters: parsed.body.length,
    slug,
    slugTaken: taken !== undefined,
  };
}
