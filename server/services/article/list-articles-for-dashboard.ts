import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { articles, claims, publishers } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/sources/registry-cursor";
import { InvalidInputError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

/** Articles per dashboard page. */
export const DASHBOARD_PAGE_SIZE = 100;

export const dashboardInput = z.object({ cursor: z.string().max(1000).optional() }).optional();

// Counted per article of the page (index lookups on claims_article_id_position_idx), never over every claim.
const liveClaims = (where?: SQL) => sql<number>`(select count(*)::int from ${claims} where ${claims.articleId} = ${articles.id} and ${claims.deletedAt} is null${where ? sql` and ${where}` : sql``})`;

/**
 * Every article, drafts included, most recently changed first, with its live claim counts per workflow status.
 * A page at a time with a keyset cursor (the last row's updated_at and id): a newsroom has years of articles, and
 * OFFSET would read and skip all the earlier ones on every page.
 */
export async function listArticlesForDashboard(ctx: ServiceContext, rawInput?: z.input<typeof dashboardInput>) {
  assertCan(ctx.actor, "article.listAll");
  const input = dashboardInput.parse(rawInput);
  const cursor = input?.cursor ? decodeCursor(input.cursor) : null;
  if (input?.cursor && (!cursor || typeof cursor.key !== "string")) throw new InvalidInputError("That page link is no longer valid. Start from the first page.");
  const rows = await ctx.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      publishedOn: articles.publishedOn,
      updatedAt: articles.updatedAt,
      publisherName: publishers.name,
      claimCount: liveClaims(),
      uncheckedCount: liveClaims(eq(claims.status, "unchecked")),
      inProgressCount: liveClaims(eq(claims.status, "in_progress")),
      inReviewCount: liveClaims(eq(claims.status, "in_review")),
      publishedCount: liveClaims(eq(claims.status, "published")),
      // As text: a JavaScript Date drops PostgreSQL's microseconds, and a cursor off by them skips rows.
      updatedKey: sql<string>`${articles.updatedAt}::text`,
    })
    .from(articles)
    .leftJoin(publishers, eq(publishers.id, articles.publisherId))
    .where(and(cursor ? sql`(${articles.updatedAt}, ${articles.id}) < (${String(cursor.key)}::timestamptz, ${cursor.id})` : undefined))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(DASHBOARD_PAGE_SIZE + 1);
  const page = rows.slice(0, DASHBOARD_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map(({ updatedKey: _key, ...row }) => row),
    nextCursor: rows.length > DASHBOARD_PAGE_SIZE && last ? encodeCursor({ key: last.updatedKey, id: last.id }) : null,
  };
}
