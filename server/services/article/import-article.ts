import { eq } from "drizzle-orm";
import { z } from "zod";
import { articleRelatedLinks, articleRevisions, articleSources, articles } from "@/db/schema";
import { parseArticleText } from "@/lib/import/parse-article-text";
import { MAX_SLUG_LENGTH, SLUG_PATTERN, slugify } from "@/lib/text/slug";
import { ConflictError, InvalidInputError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { findOrCreatePublisher } from "../source/find-or-create-publisher";
import { findOrCreateSource } from "../source/find-or-create-source";
import { articleStatusInput } from "./article-input";
import { rememberClaimsAfterCommit } from "../claim-memory/remember-claims";

export const importArticleInput = z.object({
  title: z.string().trim().min(1, "Give the article a title.").max(300),
  slug: z.string().trim().regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens.").max(MAX_SLUG_LENGTH).optional(),
  byline: z.string().trim().max(300).optional(),
  publisher: z.object({ domain: z.string().trim().toLowerCase().min(3).max(253), name: z.string().trim().min(1).max(200) }).optional(),
  originalUrl: z.url({ protocol: /^https?$/, error: "The original URL must start with http:// or https://." }).max(2000).optional(),
  publishedOn: z.iso.date({ error: "Use a date like 2022-01-28." }).optional(),
  status: articleStatusInput.default("draft"),
  // 1 MB of text is several times the longest feature article; bigger is a mistake or an attack.
  text: z.string().min(1, "Paste the article text.").max(1_000_000, "The text is over 1 MB; split it or trim it."),
});
export type ImportArticleInput = z.input<typeof importArticleInput>;

/**
 * Creates an article with its first revision from plain wire text: reflowed paragraphs as the body,
 * "Related article" teasers as related links, bare URL lines as sources. All or nothing.
 */
export async function importArticle(ctx: ServiceContext, rawInput: ImportArticleInput) {
  assertCan(ctx.actor, "article.import");
  const input = importArticleInput.parse(rawInput);
  const parsed = parseArticleText(input.text);
  if (parsed.paragraphs.length === 0) throw new InvalidInputError("The text has no paragraphs to import.");
  const slug = input.slug ?? slugify(input.title);
  if (!slug) throw new InvalidInputError("The title needs at least one letter or digit to make a link from it.");
  const authorId = ctx.actor.kind === "user" ? ctx.actor.id : null;

  const imported = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug));
    if (taken) throw new ConflictError(`An article with the link /a/${slug} already exists. Choose another slug.`);
    const publisher = input.publisher ? await findOrCreatePublisher(tx, ctx.actor, input.publisher.domain, input.publisher.name) : null;

    const [article] = await tx
      .insert(articles)
      .values({
        slug,
        title: input.title,
        byline: input.byline,
        publisherId: publisher?.id,
        originalUrl: input.originalUrl,
        publishedOn: input.publishedOn,
        status: input.status,
        createdBy: authorId,
      })
      .returning();
    if (!article) throw new Error("article insert returned no row");
    const [revision] = await tx
      .insert(articleRevisions)
      .values({ articleId: article.id, body: parsed.body, authorId, note: "Imported" })
      .returning({ id: articleRevisions.id });
    if (!revision) throw new Error("revision insert returned no row");
    await tx.update(articles).set({ currentRevisionId: revision.id }).where(eq(articles.id, article.id));

    await recordAudit(tx, ctx.actor, {
      action: "article.imported",
      entityId: article.id,
      after: {
        slug, title: article.title, byline: article.byline, publisherId: article.publisherId, originalUrl: article.originalUrl,
        publishedOn: article.publishedOn, status: article.status, relatedLinks: parsed.relatedLinks.length, citedSources: parsed.sourceUrls.length,
      },
    });
    // The body itself is in the immutable revision row; the log says which revision and how long it is.
    await recordAudit(tx, ctx.actor, {
      action: "revision.created",
      entityId: revision.id,
      articleId: article.id,
      after: { note: "Imported", characters: parsed.body.length, paragraphs: parsed.paragraphs.length },
    });

    if (parsed.relatedLinks.length > 0) {
      await tx
        .insert(articleRelatedLinks)
        .values(parsed.relatedLinks.map((link, position) => ({ articleId: article.id, position, title: link.title, url: link.url })));
    }
    for (const [position, found] of parsed.sourceUrls.entries()) {
      const source = await findOrCreateSource(tx, ctx.actor, found.url);
      await tx.insert(articleSources).values({ articleId: article.id, sourceId: source.id, position }).onConflictDoNothing();
    }
    return { id: article.id, slug, revisionId: revision.id, paragraphCount: parsed.paragraphs.length, sourceCount: parsed.sourceUrls.length };
  });
  if (input.status === "published") await ctx.publicCache?.changed({ articleIds: [imported.id] });
  await rememberClaimsAfterCommit(ctx, imported.id);
  return imported;
}
