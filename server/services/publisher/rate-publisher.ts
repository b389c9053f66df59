import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { publisherRatings, publishers } from "@/db/schema";
import { RELIABILITY_RATINGS } from "@/lib/sources/vocabulary";
import { InvalidInputError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput } from "../ids";

export const ratePublisherInput = z.object({
  publisherId: idInput,
  rating: z.enum(RELIABILITY_RATINGS),
  rationale: z.string().trim().min(10, "Rationale: say in a sentence or two why (at least 10 characters).").max(5000),
  ratedOn: z.iso.date({ error: "Date rated: use a date like 2026-03-14." }),
});

export const renamePublisherInput = z.object({ publisherId: idInput, name: z.string().trim().min(1, "Name: type the publisher's name.").max(300) });

/**
 * Rates a publisher on the fixed scale. The rationale and the date are required, because a rating nobody can
 * explain is not worth showing readers. The current rating lives on the publisher (every source view joins it);
 * each rating is also appended to publisher_ratings, its history. One audit row.
 */
export async function ratePublisher(ctx: ServiceContext, rawInput: z.input<typeof ratePublisherInput>) {
  assertCan(ctx.actor, "publisher.manage");
  const input = ratePublisherInput.parse(rawInput);
  if (input.ratedOn > new Date().toISOString().slice(0, 10)) throw new InvalidInputError("Date rated: the date cannot be in the future.");
  const rated = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(publishers).where(eq(publishers.id, input.publisherId)).for("update");
    if (!current) throw new NotFoundError("That publisher");
    const [updated] = await tx
      .update(publishers)
      .set({ reliabilityRating: input.rating, reliabilityRationale: input.rationale, ratedOn: input.ratedOn, updatedAt: sql`now()` })
      .where(eq(publishers.id, current.id))
      .returning();
    await tx.insert(publisherRatings).values({
      publisherId: current.id, rating: input.rating, rationale: input.rationale, ratedOn: input.ratedOn, ratedBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
    });
    await recordAudit(tx, ctx.actor, {
      action: "publisher.rated",
      entityId: current.id,
      before: { reliabilityRating: current.reliabilityRating, reliabilityRationale: current.reliabilityRationale, ratedOn: current.ratedOn },
      after: { reliabilityRating: input.rating, reliabilityRationale: input.rationale, ratedOn: input.ratedOn },
    });
    return updated!;
  });
  // Readers see the rating beside every source of this publisher.
  await ctx.publicCache?.changed({ publisherIds: [rated.id] });
  return rated;
}

/** The publisher's display name; the domain is its identity (what URLs are matched on) and does not change. */
export async function renamePublisher(ctx: ServiceContext, rawInput: z.input<typeof renamePublisherInput>) {
  assertCan(ctx.actor, "publisher.manage");
  const input = renamePublisherInput.parse(rawInput);
  const { publisher, changed } = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(publishers).where(eq(publishers.id, input.publisherId)).for("update");
    if (!current) throw new NotFoundError("That publisher");
    if (current.name === input.name) return { publisher: current, changed: false };
    const [updated] = await tx.update(publishers).set({ name: input.name, updatedAt: sql`now()` }).where(eq(publishers.id, current.id)).returning();
    await recordAudit(tx, ctx.actor, { action: "publisher.renamed", entityId: current.id, before: { name: current.name }, after: { name: input.name } });
    return { publisher: updated!, changed: true };
  });
  // Readers see the publisher's name beside every source of it.
  if (changed) await ctx.publicCache?.changed({ publisherIds: [publisher.id] });
  return publisher;
}
