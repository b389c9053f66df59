import { and, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { articles, claims } from "@/db/schema";
import type { Database } from "@/db/types";

/** The live claims of a group, optionally without one of them. */
export async function groupMembers(db: Database, groupId: number, exceptClaimId?: number) {
  return db
    .select({ id: claims.id, articleId: claims.articleId })
    .from(claims)
    .where(and(eq(claims.groupId, groupId), isNull(claims.deletedAt), exceptClaimId === undefined ? undefined : ne(claims.id, exceptClaimId)));
}

/** The articles whose reader pages show the group (through "Also checked in"), to expire their cached copies. */
export async function groupArticleIds(db: Database, groupIds: readonly (number | null)[]): Promise<number[]> {
  const ids = groupIds.filter((id): id is number => id !== null);
  if (ids.length === 0) return [];
  const rows = await db
    .selectDistinct({ articleId: claims.articleId })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(inArray(claims.groupId, ids), eq(articles.status, "published")));
  return rows.map((r) => r.articleId);
}

/** Sets the group of claims without bumping their versions: grouping is not an edit of what a claim says. */
export async function setGroup(tx: Database, claimIds: readonly number[], groupId: number | null) {
  if (claimIds.length === 0) return;
  await tx.update(claims).set({ groupId, updatedAt: sql`now()` }).where(inArray(claims.id, [...claimIds]));
}

/** The other published articles with a claim in a group that one of this article's claims belongs to. */
export async function articlesSharingClaims(db: Database, articleId: number): Promise<number[]> {
  const groups = await db
    .selectDistinct({ groupId: claims.groupId })
    .from(claims)
    .where(and(eq(claims.articleId, articleId), isNotNull(claims.groupId)));
  return (await groupArticleIds(db, groups.map((g) => g.groupId))).filter((id) => id !== articleId);
}
