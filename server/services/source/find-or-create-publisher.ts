import { eq } from "drizzle-orm";
import { publishers } from "@/db/schema";
import type { Database } from "@/db/types";

/** Publishers are keyed by domain; an unknown domain gets an unrated entry named after it for admins to curate. */
export async function findOrCreatePublisher(tx: Database, domain: string, name?: string): Promise<typeof publishers.$inferSelect> {
  const [created] = await tx
    .insert(publishers)
    .values({ domain, name: name ?? domain })
    .onConflictDoNothing({ target: publishers.domain })
    .returning();
  if (created) return created;
  const [existing] = await tx.select().from(publishers).where(eq(publishers.domain, domain));
  if (!existing) throw new Error(`publisher ${domain} vanished during upsert`);
  return existing;
}
