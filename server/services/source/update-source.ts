import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { sources } from "@/db/schema";
import { changedFields } from "@/lib/audit/changed-fields";
import { LINK_STATUSES, SOURCE_TYPES } from "@/lib/sources/vocabulary";
import { canonicalizeSource, hostnameOf, InvalidUrlError } from "@/lib/url/canonicalize";
import { ConflictError, InvalidInputError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { recordAudit } from "../audit/record-audit";
import { idInput } from "../ids";
import { findOrCreatePublisher } from "./find-or-create-publisher";

// A field cleared to blanks is cleared (null), as the evidence fields are.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s || null)
    .nullable()
    .optional();

export const updateSourceInput = z.object({
  sourceId: idInput,
  url: z.string().trim().min(1).max(2048).optional(),
  title: optionalText(500),
  type: z.enum(SOURCE_TYPES).optional(),
  publishedOn: z.iso.date({ error: "Published on: use a date like 2026-03-14." }).nullable().optional(),
  archivedUrl: z.string().trim().max(2048).nullable().optional(),
  linkStatus: z.enum(LINK_STATUSES).optional(),
  notes: optionalText(5000),
});

function canonical(input: string, field: string): string {
  try {
    return canonicalizeSource(input).url;
  } catch (error) {
    if (error instanceof InvalidUrlError) throw new InvalidInputError(`${field}: ${error.message}`);
    throw error;
  }
}

/**
 * Edits a registry entry. A new URL is canonicalised like any source; if another source already has that
 * canonical URL the edit is refused naming it, so the admin merges the two instead of creating a twin.
 * The archived copy goes through the same checks (no internal addresses), but keeps its own spelling.
 */
export async function updateSource(ctx: ServiceContext, rawInput: z.input<typeof updateSourceInput>) {
  assertCan(ctx.actor, "source.manage");
  const { sourceId, url, ...fields } = updateSourceInput.parse(rawInput);
  const archivedUrl = fields.archivedUrl ? (canonical(fields.archivedUrl, "Archived copy"), fields.archivedUrl) : fields.archivedUrl === undefined ? undefined : null;
  const canonicalUrl = url === undefined ? undefined : canonical(url, "URL");
  const { source, changed } = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(sources).where(eq(sources.id, sourceId)).for("update");
    if (!current || current.mergedIntoId !== null) throw new NotFoundError("That source");
    if (canonicalUrl && canonicalUrl !== current.canonicalUrl) {
      const [twin] = await tx.select({ id: sources.id, title: sources.title }).from(sources).where(and(eq(sources.canonicalUrl, canonicalUrl), ne(sources.id, sourceId)));
      if (twin) throw new ConflictError(`Source #${twin.id} (${twin.title ?? canonicalUrl}) already has this address. Merge the two sources instead.`);
    }
    const next = {
      ...Object.fromEntries(Object.entries({ ...fields, archivedUrl }).filter(([, v]) => v !== undefined)),
      // The admin's spelling becomes the link; the canonical form only says which document it is.
      ...(canonicalUrl ? { canonicalUrl, url } : {}),
    } as Partial<typeof current>;
    // A new address on another site belongs to that site's publisher.
    if (canonicalUrl && hostnameOf(canonicalUrl) !== hostnameOf(current.canonicalUrl)) {
      next.publisherId = (await findOrCreatePublisher(tx, ctx.actor, hostnameOf(canonicalUrl))).id;
    }
    const { before, after, changed } = changedFields(current, next);
    if (!changed) return { source: current, changed: false };
    const originalUrls = url && !current.originalUrls.includes(url) ? [...current.originalUrls, url] : current.originalUrls;
    const [updated] = await tx
      .update(sources)
      .set({ ...next, originalUrls, updatedAt: sql`now()` })
      .where(eq(sources.id, sourceId))
      .returning();
    await recordAudit(tx, ctx.actor, { action: "source.updated", entityId: sourceId, before, after });
    return { source: updated!, changed: true };
  });
  // Readers see a source's title, type, link and archived copy beside every claim citing it.
  if (changed) await ctx.publicCache?.changed({ sourceIds: [sourceId] });
  return source;
}
