import { and, asc, eq, inArray } from "drizzle-orm";
import { articleRelatedLinks, articleRevisions, articleSources, articles, publishers, sources } from "@/db/schema";
import { z } from "zod";
import { splitParagraphs } from "@/lib/text/paragraphs";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "@/lib/text/slug";
import { NotFoundError } from "../../errors";
import { visibleArticleStatuses } from "../../policy";
import type { ServiceContext } from "../context";
import { sourceLink } from "../source/source-link";

/**
 * An article as its reader page shows it. Drafts are "not found" for the public, so a guessed slug
 * reveals nothing about unpublished work.
 */
export async function getArticleBySlug(ctx: ServiceContext, rawSlug: string) {
  // Every public path (reader page, exports, badge, embed) comes through here with a slug from the URL.
  const parsed = z.string().max(MAX_SLUG_LENGTH).regex(SLUG_PATTERN).safeParse(rawSlug);
  if (!parsed.success) throw new NotFoundError("That article");
  const slug = parsed.data;
  const [row] = await ctx.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      byline: articles.byline,
      status: articles.status,
      originalUrl: articles.originalUrl,
      publishedOn: articles.publishedOn,
      publisherName: publishers.name,
      publisherDomain: publishers.domain,
      revisionId: articleRevisions.id,
      body: articleRevisions.body,
    })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .leftJoin(publishers, eq(publishers.id, articles.publisherId))
    .where(and(eq(articles.slug, slug), inArray(articles.status, [...visibleArticleStatuses(ctx.actor)])));
  if (!row) throw new NotFoundError("That article");

  const [relatedLinks, citedSources] = await Promise.all([
    ctx.db
      .select({ title: articleRelatedLinks.title, url: articleRelatedLinks.url })
      .from(articleRelatedLinks)
      .where(eq(articleRelatedLinks.articleId, row.id))
      .orderBy(asc(articleRelatedLinks.position)),
    ctx.db
      .select({ id: sources.id, url: sourceLink, title: sources.title, type: sources.type, publisherName: publishers.name })
      .from(articleSources)
      .innerJoin(sources, eq(sources.id, articleSources.sourceId))
      .leftJoin(publishers, eq(publishers.id, sources.publisherId))
      .where(eq(articleSources.articleId, row.id))
      .orderBy(asc(articleSources.position)),
  ]);
  const { body, ...article } = row;
  return { ...article, body, paragraphs: splitParagraphs(body), relatedLinks, citedSources };
}
