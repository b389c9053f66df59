import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { articles, claims, evidence, sources } from "@/db/schema";
import type { Database } from "@/db/types";
import type { PublicChange } from "../services/context";
import { EXPIRY_CHANNEL, expiryPayloads } from "./expiry-channel.mjs";
import { PUBLISHED_ARTICLES_TAG, articleTag, claimKey, publisherKey, sourceKey } from "./public-cache-policy.mjs";

/**
 * Articles whose public outputs show one of these sources (a published claim of a published article cites it, or a
 * source of one of these publishers), for Next's caches, which know outputs only by their article.
 */
async function slugsShowing(db: Database, sourceIds: readonly number[], publisherIds: readonly number[]): Promise<string[]> {
  if (sourceIds.length === 0 && publisherIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ slug: articles.slug })
    .from(evidence)
    .innerJoin(sources, eq(sources.id, evidence.sourceId))
    .innerJoin(claims, and(eq(claims.id, evidence.claimId), eq(claims.status, "published"), isNull(claims.deletedAt)))
    .innerJoin(articles, and(eq(articles.id, claims.articleId), eq(articles.status, "published")))
    .where(
      and(
        isNull(evidence.deletedAt),
        or(sourceIds.length ? inArray(evidence.sourceId, [...sourceIds]) : undefined, publisherIds.length ? inArray(sources.publisherId, [...publisherIds]) : undefined),
      ),
    );
  return rows.map((row) => row.slug);
}

/**
 * The keys one change expires, in the app's copies, every instance's and the edge's
 * (docs/decisions/0040-surrogate-keys-per-claim-source-publisher.md): the changed articles' (and the home page's),
 * the content keys of the claims, sources and publishers, and the articles showing those sources, since Next's
 * caches know outputs only by article, and so that an output whose keys had to be shortened is purged all the same.
 */
export async function expiryKeysFor(db: Database, change: PublicChange): Promise<string[]> {
  const { articleIds = [], claimIds = [], sourceIds = [], publisherIds = [] } = change;
  const changedArticles = articleIds.length
    ? (await db.select({ slug: articles.slug }).from(articles).where(inArray(articles.id, [...new Set(articleIds)]))).map((row) => articleTag(row.slug))
    : [];
  // Any article change may change the home page's list (a title, a count of checked claims).
  const direct = [...(articleIds.length ? [PUBLISHED_ARTICLES_TAG] : []), ...changedArticles];
  const content = [...claimIds.map(claimKey), ...sourceIds.map(sourceKey), ...publisherIds.map(publisherKey)];
  const showing = (await slugsShowing(db, sourceIds, publisherIds)).map(articleTag);
  return [...new Set([...direct, ...content, ...showing])];
}

/**
 * Tells the other instances on this database to expire these keys too (scripts/serve.mjs listens: expiry-channel.mjs).
 * Not awaited: a failed notification must not fail the change that was committed; each repeat of an expiry sends it again.
 */
export function notifyOtherInstances(db: Database, keys: readonly string[]): void {
  for (const payload of expiryPayloads(keys)) {
    db.execute(sql`select pg_notify(${EXPIRY_CHANNEL}, ${payload})`).catch((error: unknown) => console.error("Could not notify other instances of a cache expiry:", error));
  }
}
