import { eq } from "drizzle-orm";
import { publishers } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Actor } from "../../actor";
import { recordAudit } from "../audit/record-audit";

/**
 * Publishers are keyed by domain; an unknown domain gets an unrated entry named after it for admins to curate.
 * Call inside the caller's transaction: a new publisher is audited as created by `actor`.
 */
export async function findOrCreatePublisher(tx: Database, actor: Actor, domain: string, name?: string): Promise<typeof publishers.$inferSelect> {
  const [created] = await tx
    .insert(publishers)
    .values({ domain, name: name ?? domain })
    .onConflictDoNothing({ target: publishers.domain })
    .returning();
  if (created) {
    await recordAudit(tx, actor, {
      action: "publisher.created",
      entityId: created.id,
      after: { domain: created.domain, name: created.name, reliabilityRating: created.reliabilityRating },
    });
    return created;
  }
  const [existing] = await tx.select().from(publishers).where(eq(publishers.domain, domain));
  if (!existing) throw new Error(`publisher ${domain} vanished during upsert`);
  return existing;
}
