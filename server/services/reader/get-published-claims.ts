import { and, asc, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { articles, claims, evidence, publishers, sources, users } from "@/db/schema";
import type { Database } from "@/db/types";
import { archivesOf } from "../archive/capture-status";
import { evidenceLink } from "../source/source-link";

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
      groupId: claims.groupId,
    })
    .from(claims)
    .leftJoin(verdictAuthor, eq(verdictAuthor.id, claims.verdictSetBy))
    .leftJoin(reviewer, eq(reviewer.id, claims.reviewedBy))
    // An orphaned claim's words are gone from the text: it is shown to nobody as anchored.
    .where(and(eq(claims.articleId, articleId), eq(claims.status, "published"), ne(claims.anchorState, "orphaned"), isNull(claims.deletedAt)))
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
          url: evidenceLink,
          sourceId: sources.id,
          publisherId: sources.publisherId,
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
  // Our own archived copy, and whether the original is dead (then readers are offered the copy first).
  const archives = await archivesOf(db, links.map((l) => l.sourceId));
  // The ids stay: they are the outputs' surrogate keys (public-cache-policy.mjs, contentKeysOf).
  const withArchive = links.map((link) => {
    const archive = archives.get(link.sourceId);
    return {
      ...link,
      snapshot: archive?.snapshot ? { href: `/archive/${archive.snapshot.publicId}`, capturedAt: archive.snapshot.capturedAt } : null,
      dead: archive?.linkHealth === "dead",
    };
  });
  const elsewhere = await alsoCheckedIn(db, articleId, rows.map((r) => r.groupId));
  return rows.flatMap(({ groupId, ...row }) => {
    // The CHECK constraint guarantees these for published rows; the guard narrows the types.
    if (!row.verdict || !row.rationale || !row.publishedAt) return [];
    return [
      {
        ...row,
        verdict: row.verdict,
        rationale: row.rationale,
        publishedAt: row.publishedAt,
        sources: withArchive.filter((l) => l.claimId === row.id),
        alsoCheckedIn: groupId === null ? [] : (elsewhere.get(groupId) ?? []),
      },
    ];
  });
}

/**
 * "Also checked in": for each same-claim group (decision 0031), the other PUBLISHED articles in which a claim of the
 * group carries a PUBLISHED verdict. A draft article or an unpublished verdict never appears here.
 */
async function alsoCheckedIn(db: Database, articleId: number, groupIds: readonly (number | null)[]) {
  const ids = [...new Set(groupIds.filter((id): id is number => id !== null))];
  const byGroup = new Map<number, { slug: string; title: string }[]>();
  if (ids.length === 0) return byGroup;
  const rows = await db
    .selectDistinct({ groupId: claims.groupId, slug: articles.slug, title: articles.title, articleId: articles.id })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(
      and(
        inArray(claims.groupId, ids),
        ne(claims.articleId, articleId),
        eq(claims.status, "published"),
        ne(claims.anchorState, "orphaned"),
        isNull(claims.deletedAt),
        eq(articles.status, "published"),
      ),
    )
    .orderBy(asc(articles.id));
  for (const row of rows) {
    if (row.groupId === null) continue;
    const list = byGroup.get(row.groupId) ?? [];
    list.push({ slug: row.slug, title: row.title });
    byGroup.set(row.groupId, list);
  }
  return byGroup;
}

export type PublishedClaim = Awaited<ReturnType<typeof getPublishedClaims>>[number];

/**
 * Claims readers were shown a verdict on whose words have since been edited (or re-attached): back in
 * review. Readers see only where they are and that they are under review, never the old verdict.
 */
export async function getClaimsUnderReview(db: Database, articleId: number) {
  return db
    .select({ id: claims.id, start: claims.positionStart, end: claims.positionEnd, exact: claims.quoteExact })
    .from(claims)
    .where(
      and(
        eq(claims.articleId, articleId),
        eq(claims.status, "in_review"),
        isNotNull(claims.publishedAt),
        ne(claims.anchorState, "orphaned"),
        isNull(claims.deletedAt),
      ),
    )
    .orderBy(asc(claims.positionStart), asc(claims.id));
}

export type ClaimUnderReview = Awaited<ReturnType<typeof getClaimsUnderReview>>[number];
