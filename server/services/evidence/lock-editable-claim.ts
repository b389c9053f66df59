import { and, eq, isNull } from "drizzle-orm";
import { claims } from "@/db/schema";
import type { Database } from "@/db/types";
import { ConflictError, NotFoundError } from "../../errors";

/**
 * Evidence is what reviewers approved and readers see, so it changes only while a claim is unchecked or in
 * progress. The claim row is locked so a concurrent "send to review" sees the final evidence count.
 */
export async function lockClaimForEvidence(tx: Database, claimId: number) {
  const [claim] = await tx
    .select({ id: claims.id, articleId: claims.articleId, status: claims.status })
    .from(claims)
    .where(and(eq(claims.id, claimId), isNull(claims.deletedAt)))
    .for("update");
  if (!claim) throw new NotFoundError("That claim");
  if (claim.status === "in_review" || claim.status === "published") {
    throw new ConflictError("Evidence is frozen while the claim is in review or published. Move it back to in progress to change its sources.");
  }
  return claim;
}
