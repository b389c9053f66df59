import { and, eq, isNull, sql } from "drizzle-orm";
import { evidence } from "@/db/schema";
import type { Database } from "@/db/types";

export async function liveEvidenceCount(tx: Database, claimId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(evidence)
    .where(and(eq(evidence.claimId, claimId), isNull(evidence.deletedAt)));
  return row?.n ?? 0;
}
