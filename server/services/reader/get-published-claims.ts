import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { claims, evidence, publishers, sources, users } from "@/db/schema";
import type { Database } from "@/db/types";

const verdictAuthor = alias(users, "verdict_author");
const reviewer = alias(users, "reviewer");

/**
 * What readers may know about an article's claims: published verdicts only, with their public evidence.
 * Deliberately selects columns one by one: drafts, in-review verdicts, editor notes and emails can never
 * leak through a `select *` here. Callers must already have checked the article is published.
 */
export async function getPublishedClaims(db: Database, articleId: number) {
  const rows = await db
    .select({
      id: claims.id,
      start: claims.positionStart,
      end: claims.positionEnd,
      exact: claims.quoteExact,
      prefix: claims.quotePrefix,
      suffix: claims.quoteSuffix,
      kind: claims.kind,
      speaker: claims.speaker,
      verdict: claims.verdict,
      rationale: claims.rationale,
      publishedAt: claims.publishedAt,
      checkedBy: verdictAuthor.name,
      reviewedBy: reviewer.name,
    })
    .from(claims)
    .leftJoin(verdictAuthor, eq(verdictAuthor.id, claims.verdictSetBy))
    .leftJoin(reviewer, eq(reviewer.id, claims.reviewedBy))
    .where(and(eq(claims.articleId, articleId), eq(claims.status, "published"), isNull(claims.deletedAt)))
    .orderBy(asc(claims.positionStart), asc(claims.id));
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db
        .select({
          claimId: evidence.claimId,
          id: evidence.id,
          stance: evidence.stance,
          excerpt: evidence.excerpt,
          locator: evidence.locator,
          url: sources.canonicalUrl,
          title: sources.title,
          sourceType: sources.type,
          archivedUrl: sources.archivedUrl,
          publisherName: publishers.name,
          publisherRating: publishers.reliabilityRating,
        })
        .from(evidence)
        .innerJoin(sources, eq(sources.id, evidence.sourceId))
        .leftJoin(publishers, eq(publishers.id, sources.publisherId))
        .where(and(inArray(evidence.claimId, ids), isNull(evidence.deletedAt)))
        .orderBy(asc(evidence.id))
    : [];
  return rows.flatMap((row) => {
    // The CHECK constraint guarantees these for published rows; the guard narrows the types.
    if (!row.verdict || !row.rationale || !row.publishedAt) return [];
    return [{ ...row, verdict: row.verdict, rationale: row.rationale, publishedAt: row.publishedAt, sources: links.filter((l) => l.claimId === row.id) }];
  });
}

export type PublishedClaim = Awaited<ReturnType<typeof getPublishedClaims>>[number];
