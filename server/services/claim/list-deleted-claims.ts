import { and, desc, eq, isNotNull } from "drizzle-orm";
import { claims, users } from "@/db/schema";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";

/** Soft-deleted claims of an article, newest first, for an admin to restore. */
export async function listDeletedClaims(ctx: ServiceContext, articleId: number) {
  assertCan(ctx.actor, "claim.restore");
  return ctx.db
    .select({ id: claims.id, exact: claims.quoteExact, status: claims.status, deletedAt: claims.deletedAt, deletedBy: users.name })
    .from(claims)
    .leftJoin(users, eq(users.id, claims.deletedBy))
    .where(and(eq(claims.articleId, articleId), isNotNull(claims.deletedAt)))
    .orderBy(desc(claims.deletedAt));
}
