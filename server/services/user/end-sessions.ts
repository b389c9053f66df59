import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Database } from "@/db/types";

/** Invalidates every session of a user: tokens carry the old session version and are refused from now on. */
export async function endSessions(db: Database, userId: number): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}
